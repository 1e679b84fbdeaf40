import Foundation
import Glibc
import PodmemTestSupport
import XCTest

@testable import PodmemCore

/// Deterministic mutation testing of everything podmem reads: the real kernel captures through the live parsers,
/// recordings made by the real encoder (mutated inside their frames with checksums and lengths recomputed, so the
/// decoder's value checks are reached, and raw), and snapshot documents. Every case must give a valid result or
/// exactly one one-line error; a trap kills the run, which fails it. Time per case and memory are bounded.
/// `PODMEM_MUTATION_SEED` replays another seed; `PODMEM_MUTATION_CASES` changes the count per format.
final class MutationFuzzTests: XCTestCase {
    static let seed = UInt64(ProcessInfo.processInfo.environment["PODMEM_MUTATION_SEED"] ?? "") ?? 20_261_205
    static let cases = Int(ProcessInfo.processInfo.environment["PODMEM_MUTATION_CASES"] ?? "") ?? 20_000
    /// Far above a case's real cost (well under a millisecond for kernel files, a few for a recording) in a debug build.
    static let maximumSecondsPerCase = 1.0
    static let maximumGrowthBytes = 256 << 20

    private var tree: TempTree!

    override func setUp() {
        tree = TempTree("podmem-mutation")
    }

    /// XCTest keeps every test case instance until the process exits, so the tree goes here, not in deinit.
    override func tearDown() {
        tree = nil
    }

    /// Runs `cases` mutations of `inputs` through `check`, timing each, and bounds the process's peak memory.
    func run(
        _ name: String, inputs: [[UInt8]], cases: Int = cases, salt: UInt64,
        mutate: ((inout Mutator, [UInt8]) -> [UInt8])? = nil, check: (Int, [UInt8]) throws -> Void
    ) rethrows {
        var mutator = Mutator(random: SeededGenerator(seed: Self.seed ^ salt))
        let peakBefore = ProcessMemory.residentBytes()
        var slowest = (seconds: 0.0, index: -1)
        let start = Date()
        for index in 0..<cases {
            let input = inputs[index % inputs.count]
            let mutated = mutate.map { $0(&mutator, input) } ?? mutator.mutate(input)
            let caseStart = Date()
            try check(index, mutated)
            let seconds = Date().timeIntervalSince(caseStart)
            if seconds > slowest.seconds { slowest = (seconds, index) }
        }
        XCTAssertLessThan(
            slowest.seconds, Self.maximumSecondsPerCase, "\(name): case \(slowest.index) (seed \(Self.seed))")
        XCTAssertLessThan(ProcessMemory.peakResidentBytes() - peakBefore, Self.maximumGrowthBytes, "\(name): memory")
        print(
            "\(name): \(cases) cases in \(Int(Date().timeIntervalSince(start) * 1000)) ms, slowest \(Int(slowest.seconds * 1e6)) µs"
        )
    }

    func fixture(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    // MARK: kernel files

    func testMemoryStatCaptures() throws {
        let v1 = try ["t0", "t3", "t5"].map { try fixture(FixturePaths.v1Lab + "/\($0)/kubepods/memory.stat") }
        let v2 = [try fixture(FixturePaths.v2Real + "/memory.stat")]
        for (name, parser, inputs, salt) in [
            ("v1 memory.stat", MemoryStat.v1Parser, v1, UInt64(1)), ("v2 memory.stat", MemoryStat.v2Parser, v2, 2),
        ] {
            var slots: [UInt64?] = []
            run(name, inputs: inputs, salt: salt) { index, bytes in
                _ = parser.parse(bytes, count: bytes.count, into: &slots)
                assertPlausible(slots, "\(name) case \(index)")
            }
        }
    }

    func testMemoryEventsCaptures() throws {
        var slots: [UInt64?] = []
        let inputs = try ["memory.events", "memory.events.local"].map { try fixture(FixturePaths.v2Real + "/" + $0) }
        run("memory.events", inputs: inputs, salt: 3) { index, bytes in
            _ = MemoryEvents.parser.parse(bytes, count: bytes.count, into: &slots)
            assertPlausible(slots, "memory.events case \(index)")
        }
    }

    func testMeminfoCapture() throws {
        let parser = KeyValueParser(keys: [["MemTotal"]])
        var slots: [UInt64?] = []
        run("meminfo", inputs: [try fixture(FixturePaths.root + "/proc-6.18/meminfo")], salt: 4) { index, bytes in
            _ = parser.parse(bytes, count: bytes.count, into: &slots)
            assertPlausible(slots, "meminfo case \(index)")
        }
    }

    func testMemoryPressureCapture() throws {
        run("memory.pressure", inputs: [try fixture(FixturePaths.v2Real + "/memory.pressure")], salt: 5) {
            index, bytes in
            guard let pressure = PressureParser.parse(bytes, count: bytes.count) else { return }
            for value in [pressure.someAvg10, pressure.someAvg60, pressure.fullAvg10, pressure.fullAvg60].compactMap({
                $0
            }) {
                XCTAssertTrue(InputLimits.pressurePercent.contains(value), "memory.pressure case \(index): \(value)")
            }
        }
    }

    func testSingleValueCaptures() throws {
        let values =
            try ["memory.current", "memory.peak", "memory.swap.current"].map {
                try fixture(FixturePaths.v2Real + "/" + $0)
            }
            + [try fixture(FixturePaths.v1Lab + "/t3/memory.usage_in_bytes")]
        run("memory.current", inputs: values, salt: 6) { index, bytes in
            if case .success(let value) = ByteParsing.singleValue(bytes, count: bytes.count) {
                XCTAssertLessThanOrEqual(value, ByteParsing.plausibleMaximum, "case \(index)")
            }
        }
        let limits = try [
            fixture(FixturePaths.v2Real + "/memory.max"), fixture(FixturePaths.v1Lab + "/t3/memory.limit_in_bytes"),
        ]
        run("memory.max", inputs: limits, salt: 7) { index, bytes in
            if case .success(.bytes(let value)) = ByteParsing.limit(bytes, count: bytes.count) {
                XCTAssertLessThanOrEqual(value, MemoryLimit.unlimitedAbove, "case \(index)")
            }
        }
    }

    func assertPlausible(_ slots: [UInt64?], _ label: String) {
        for value in slots.compactMap({ $0 }) where value > ByteParsing.plausibleMaximum {
            XCTFail("\(label): \(value) accepted")
        }
    }

    // MARK: recordings

    /// A demo recording by the real writer: 5 polls 10 s apart (two keyframes and delta records) of the demo's first
    /// three pods (a dozen series: every counter kind, small enough for 20 000 cases in a debug build), with warnings.
    func demoRecording() throws -> [UInt8] {
        let path = tree.path + "/demo.pmrec"
        let node = DemoNode()
        var writer: RecordingWriter?
        for step in 0..<5 {
            var sample = node.sample(at: 1_800_000_000 + Double(step * 10))
            sample.workloads = Array(sample.workloads.prefix(3))
            if step.isMultiple(of: 2) {
                sample.warnings = ["kubepods/pod\(step)/memory.stat: not a number", "meminfo: no MemTotal"]
            }
            if writer == nil {
                writer = try RecordingWriter(
                    path: path,
                    header: RecordingHeader(
                        recordingId: "fuzz", host: sample.host, cgroupVersion: sample.cgroupVersion,
                        root: sample.root, intervalSeconds: 10, startedAt: sample.timestamp),
                    maximumBytes: 1 << 30)
            }
            try writer!.append(sample)
        }
        try writer!.finish()
        return try fixture(path)
    }

    /// Header line and frames, as written.
    static func frames(_ file: [UInt8]) -> (header: [UInt8], frames: [(kind: UInt8, payload: [UInt8])]) {
        let newline = file.firstIndex(of: 0x0A)!
        var frames: [(UInt8, [UInt8])] = []
        var reader = BinaryReader(file, offset: newline + 1)
        while !reader.isAtEnd {
            let kind = try! reader.byte()
            let length = Int(try! reader.uint32())
            _ = try! reader.uint32()
            frames.append((kind, Array(try! reader.bytes(length))))
        }
        return (Array(file[...newline]), frames)
    }

    /// Inside a frame with its length and checksum recomputed (most cases), the frame sequence, the header, or raw.
    static func mutateRecording(_ mutator: inout Mutator, _ file: [UInt8]) -> [UInt8] {
        var (header, frames) = frames(file)
        let pick = Int.random(in: 0..<frames.count, using: &mutator.random)
        switch Int.random(in: 0..<20, using: &mutator.random) {
        case 0..<11: frames[pick].payload = mutator.mutate(frames[pick].payload)
        case 11: frames.remove(at: pick)
        case 12: frames.insert(frames[pick], at: Int.random(in: 0...frames.count, using: &mutator.random))
        case 13: frames.swapAt(pick, Int.random(in: 0..<frames.count, using: &mutator.random))
        case 14: frames[pick].kind = UInt8.random(in: 0...3, using: &mutator.random)
        case 15, 16: header = mutator.mutate(Array(header.dropLast())) + [0x0A]
        default: return mutator.mutate(file)
        }
        var bytes = header
        for frame in frames {
            var writer = BinaryWriter()
            writer.byte(frame.kind)
            writer.uint32(UInt32(frame.payload.count))
            writer.uint32(CRC32.checksum(frame.payload))
            bytes += writer.bytes + frame.payload
        }
        return bytes
    }

    func testDemoRecordings() throws {
        let original = try demoRecording()
        let path = tree.path + "/case.pmrec"
        var outcomes = (opened: 0, refused: 0)
        run("recording", inputs: [original], salt: 8, mutate: Self.mutateRecording) { index, bytes in
            Self.write(bytes, to: path)
            switch Self.open(path, deep: index % 50 == 0) {
            case .success: outcomes.opened += 1
            case .failure(let error):
                outcomes.refused += 1
                assertOneLine(error, "recording case \(index)")
            }
        }
        print("recording: \(outcomes.opened) opened, \(outcomes.refused) refused")
        XCTAssertGreaterThan(outcomes.opened, Self.cases / 20, "mutations must not all be rejected at the door")
        XCTAssertGreaterThan(outcomes.refused, Self.cases / 20)
    }

    // MARK: snapshots

    func testSnapshotDocuments() throws {
        var documents = [try XCTUnwrap(Monitor.polled(SyntheticNode(pods: 2), count: 4).snapshot())]
        documents.append(try XCTUnwrap(Monitor.polled(DemoNode(), count: 3).snapshot()))
        documents[1].pods = Array(documents[1].pods.prefix(3))
        let inputs = try documents.map { Array(try SnapshotCodec.encode($0, pretty: false)) }
        let path = tree.path + "/case.json"
        var outcomes = (opened: 0, refused: 0)
        run("snapshot", inputs: inputs, salt: 9) { index, bytes in
            Self.write(bytes, to: path)
            switch Self.open(path, deep: index % 10 == 0) {
            case .success: outcomes.opened += 1
            case .failure(let error):
                outcomes.refused += 1
                assertOneLine(error, "snapshot case \(index)")
            }
        }
        print("snapshot: \(outcomes.opened) opened, \(outcomes.refused) refused")
        XCTAssertGreaterThan(outcomes.opened, Self.cases / 20)
        XCTAssertGreaterThan(outcomes.refused, Self.cases / 20)
    }

    // MARK: the real binary

    /// A sample of mutated recordings and snapshots through `podmem report`: exit 0, or exit 1 with exactly one
    /// `podmem:` line on stderr; never a signal; peak memory (GNU time) bounded.
    func testReportBinaryOnMutatedFiles() throws {
        var mutator = Mutator(random: SeededGenerator(seed: Self.seed ^ 10))
        let recording = try demoRecording()
        let snapshot = Array(
            try SnapshotCodec.encode(try XCTUnwrap(Monitor.polled(DemoNode(), count: 3).snapshot()), pretty: false))
        guard let binary = BinaryLocator.executable("podmem") else { return XCTFail("podmem not built") }
        var refused = 0
        for index in 0..<60 {
            let isRecording = index.isMultiple(of: 2)
            let bytes = isRecording ? Self.mutateRecording(&mutator, recording) : mutator.mutate(snapshot)
            let path = tree.path + "/binary-\(index)" + (isRecording ? ".pmrec" : ".json")
            Self.write(bytes, to: path)
            let usage = tree.path + "/usage-\(index)"
            let run = try CommandRun.run(
                URL(fileURLWithPath: "/usr/bin/time"), ["-f", "%M", "-o", usage, binary.path, "report", path],
                timeout: 30)
            let peakKilobytes =
                Int((try? String(contentsOfFile: usage, encoding: .utf8))?.split(separator: "\n").last ?? "") ?? -1
            let errorLines = run.stderr.split(separator: "\n")
            switch run.status {
            case 0:
                XCTAssertTrue(run.stdout.hasPrefix("podmem report of"), "case \(index): \(run.stdout.prefix(200))")
            case 1:
                refused += 1
                XCTAssertEqual(errorLines.count, 1, "case \(index): \(run.stderr)")
                XCTAssertTrue(errorLines.first?.hasPrefix("podmem: ") ?? false, "case \(index): \(run.stderr)")
            default:
                XCTFail("case \(index) (\(path)): exit \(run.status)\n\(run.stderr.suffix(2000))")
            }
            XCTAssertTrue(errorLines.allSatisfy { $0.hasPrefix("podmem: ") }, "case \(index): \(run.stderr)")
            XCTAssertGreaterThan(peakKilobytes, 0, "case \(index): GNU time")
            XCTAssertLessThan(peakKilobytes, 200 << 10, "case \(index): peak memory")
        }
        XCTAssertGreaterThan(refused, 0)
    }

    // MARK: oracle

    /// Opens like `report` does and checks what it got: every decoded value within `InputLimits`; `deep` also
    /// replays, builds the document and renders the report and JSON.
    static func open(_ path: String, deep: Bool) -> Result<Void, CommandFailure> {
        do throws(CommandFailure) {
            let timeline = try ReplayInput.open(path)
            for position in 0..<timeline.count {
                let sample = try timeline.sample(at: position)
                XCTAssertTrue(InputLimits.unixSeconds.contains(sample.timestamp), "\(path): time \(sample.timestamp)")
                XCTAssertEqual(sample.timestamp, timeline.timestamp(at: position))
                let rows =
                    [sample.node.root] + sample.workloads.flatMap { [$0.counters] + $0.containers.map(\.counters) }
                for row in rows {
                    if let problem = CounterFields.problem(CounterFields.fields(row)) {
                        XCTFail("\(path): accepted \(problem)")
                    }
                }
            }
            guard deep else { return .success(()) }
            let replay = try Replay(timeline: timeline, window: 300)
            guard let model = replay.monitor.model() else { return .success(()) }
            XCTAssertNoThrow(try SnapshotCodec.encode(SnapshotDocument(model)), path)
            XCTAssertTrue(TicketReport.render(model, replayedFrom: path).hasPrefix("podmem report"))
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    /// Replaces `path` with `bytes` (no fsync: thousands of cases, nothing to keep).
    static func write(_ bytes: [UInt8], to path: String) {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        precondition(fd >= 0, "cannot write \(path)")
        precondition(bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == bytes.count)
        close(fd)
    }

    func assertOneLine(_ error: CommandFailure, _ label: String) {
        XCTAssertFalse(error.message.isEmpty, label)
        XCTAssertFalse(error.message.contains("\n"), "\(label): \(error.message)")
    }
}
