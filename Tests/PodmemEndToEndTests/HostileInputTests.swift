import Foundation
import PodmemTestSupport
import XCTest

@testable import PodmemCore

/// Crafted recordings and snapshots, as a user who can hand root a file would write them: each is one line naming the
/// file and the byte (or JSON path) where it went wrong, never a trap, an allocation of the number in the file, or a hang.
final class HostileInputTests: XCTestCase {
    private var tree: TempTree!

    override func setUp() {
        tree = TempTree("podmem-hostile")
    }

    /// XCTest keeps every test case instance until the process exits, so the tree goes here, not in deinit.
    override func tearDown() {
        tree = nil
    }

    /// What `podmem report FILE` does, in-process.
    func report(_ path: String) throws -> String {
        let timeline = try ReplayInput.open(path)
        let replay = try Replay(timeline: timeline, window: 300)
        let model = try XCTUnwrap(replay.monitor.model())
        _ = try SnapshotCodec.encode(SnapshotDocument(model))
        return TicketReport.render(model, replayedFrom: path)
    }

    /// `report` fails with one line containing every part of `expected`, quickly and without growing the process.
    func assertRefused(_ path: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        let start = Date()
        let residentBefore = ProcessMemory.residentBytes()
        XCTAssertThrowsError(try report(path), file: file, line: line) { error in
            let message = (error as? CommandFailure)?.message ?? "\(error)"
            for part in expected {
                XCTAssertTrue(message.contains(part), "\(part) in: \(message)", file: file, line: line)
            }
            XCTAssertFalse(message.contains("\n"), "one line: \(message)", file: file, line: line)
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 2, "refused at once", file: file, line: line)
        XCTAssertLessThan(
            ProcessMemory.residentBytes() - residentBefore, 64 << 20, "no allocation sized by the file's numbers",
            file: file, line: line)
    }

    // MARK: recordings

    /// The 343-byte file that asked for 446 GB: a series number near Int32.max sized the delta table.
    func testSeriesNumberNearInt32MaxIsDamageNotAnAllocation() {
        var crafted = CraftedRecording()
        crafted.identity(number: UInt64(Int32.max - 1), CraftedRecording.pod(1))
        crafted.sample(
            timestamp: 1_800_000_000, series: [(UInt64(Int32.max - 1), CraftedRecording.counters(usage: 4096))])
        let path = tree.path + "/int32max.pmrec"
        crafted.write(to: path)
        assertRefused(
            path,
            ["\(path): damaged record", "series 2147483646", "at byte \(crafted.file.count - crafted.bytes.count)"])
    }

    /// The same file through the real binary: exit 1, one line, at once.
    func testReportBinaryRefusesTheCraftedFileInOneLine() throws {
        var crafted = CraftedRecording()
        crafted.identity(number: UInt64(Int32.max - 1), CraftedRecording.pod(1))
        crafted.sample(
            timestamp: 1_800_000_000, series: [(UInt64(Int32.max - 1), CraftedRecording.counters(usage: 4096))])
        let path = tree.path + "/int32max-binary.pmrec"
        crafted.write(to: path)
        for arguments in [["report", path], ["report", path, "--json"]] {
            let run = try CommandRun.podmem(arguments, timeout: 20)
            XCTAssertEqual(run.status, 1, run.stderr)
            XCTAssertEqual(
                run.stderr,
                "podmem: \(path): damaged record (series 2147483646 declared after 0) at byte \(crafted.file.count - crafted.bytes.count)\n"
            )
            XCTAssertEqual(run.stdout, "")
        }
    }

    /// The 341-byte file that took 3.4 GB and 11 s: a series number in the millions, declared and used.
    func testSeriesNumberInTheMillionsIsRefused() {
        var crafted = CraftedRecording()
        crafted.identity(number: 1, CraftedRecording.pod(1))
        crafted.sample(timestamp: 1_800_000_000, series: [(1, CraftedRecording.counters(usage: 4096))])
        let firstSample = crafted.bytes.count
        crafted.identity(number: 16_000_000, CraftedRecording.pod(2))
        crafted.sample(timestamp: 1_800_000_001, series: [(16_000_000, CraftedRecording.counters(usage: 4096))])
        let path = tree.path + "/millions.pmrec"
        crafted.write(to: path)
        let headerLength = crafted.file.count - crafted.bytes.count
        assertRefused(
            path, ["damaged record", "series 16000000 declared after 1", "at byte \(headerLength + firstSample)"])
    }

    func testSeriesUsedBeforeItIsDeclared() {
        var crafted = CraftedRecording()
        crafted.identity(number: 1, CraftedRecording.pod(1))
        crafted.sample(timestamp: 1_800_000_000, series: [(2, CraftedRecording.counters(usage: 4096))])
        let path = tree.path + "/undeclared.pmrec"
        crafted.write(to: path)
        assertRefused(path, ["damaged record (series 2 used but never declared (1 are)) at byte"])
    }

    /// A few bytes per repetition would otherwise become a few hundred bytes of decoded workload each.
    func testSeriesRepeatedInOneSampleIsDamage() {
        var crafted = CraftedRecording()
        crafted.identity(number: 1, CraftedRecording.pod(1))
        crafted.identity(number: 2, CraftedRecording.pod(2))
        crafted.sample(
            timestamp: 1_800_000_000, series: Array(repeating: (1, CraftedRecording.counters(usage: 4096)), count: 2))
        let path = tree.path + "/repeated.pmrec"
        crafted.write(to: path)
        assertRefused(path, ["damaged record (series 1 twice in one sample) at byte"])
        var more = CraftedRecording()
        more.identity(number: 1, CraftedRecording.pod(1))
        more.sample(
            timestamp: 1_800_000_000, series: Array(repeating: (1, CraftedRecording.counters(usage: 4096)), count: 3))
        more.write(to: path)
        assertRefused(path, ["damaged record (3 series named, 1 declared) at byte"])
    }

    /// Found by scripts/fuzz: a warning string whose length counts the bytes of its own length varint read past the
    /// end of the record (an index trap).
    func testStringLengthPastTheRecordIsDamage() {
        let header = CraftedRecording().file
        var payload = BinaryWriter()
        payload.byte(1)
        payload.uint64((1_800_000_000.0).bitPattern)
        payload.varint(1)  // one warning
        payload.varint(2)  // of two bytes, where one is left
        payload.byte(0x41)
        var file: [UInt8] = []
        RecordFrame.encode(.sample, payload: payload.bytes, into: &file)
        let path = tree.path + "/string.pmrec"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(header + file)), path)
        assertRefused(path, ["damaged record (malformed or cut short) at byte \(header.count)"])
    }

    func testImplausibleTimestampsAreDamage() {
        for (index, time) in [Double.nan, .infinity, -.infinity, 1e300, 1e19, -1, 7_300_000_000, -0x1p63].enumerated() {
            var crafted = CraftedRecording()
            crafted.identity(number: 1, CraftedRecording.pod(1))
            crafted.sample(timestamp: 1_800_000_000, series: [(1, CraftedRecording.counters(usage: 4096))])
            let offset = crafted.file.count
            crafted.sample(timestamp: time, series: [(1, CraftedRecording.counters(usage: 8192))])
            let path = tree.path + "/time-\(index).pmrec"
            crafted.write(to: path)
            assertRefused(path, ["damaged record", "time", "at byte \(offset)"])
        }
    }

    func testImplausibleHeaderIsRefused() {
        let headers: [(Double, Double, String)] = [
            (1e-300, 1_800_000_000, "intervalSeconds"), (-1, 1_800_000_000, "intervalSeconds"),
            (0, 1_800_000_000, "intervalSeconds"), (1e300, 1_800_000_000, "intervalSeconds"),
            (1, 1e300, "startedAt"), (1, -5, "startedAt"),
        ]
        for (index, (interval, started, field)) in headers.enumerated() {
            var crafted = CraftedRecording(intervalSeconds: interval, startedAt: started)
            crafted.identity(number: 1, CraftedRecording.pod(1))
            crafted.sample(timestamp: 1_800_000_000, series: [(1, CraftedRecording.counters(usage: 4096))])
            let path = tree.path + "/header-\(index).pmrec"
            crafted.write(to: path)
            assertRefused(path, ["\(path): damaged recording header", field, "at byte 0"])
        }
    }

    func testCountersOutOfRangeAreDamage() {
        var huge = CraftedRecording.counters(usage: 4096)
        huge[0] = (1 << 60) + 1
        var nanPressure = CraftedRecording.counters(usage: 4096)
        nanPressure[CounterFields.count - 1] = 1
        nanPressure[CounterFields.count - 6] = Double.nan.bitPattern
        var hugePressure = CraftedRecording.counters(usage: 4096)
        hugePressure[CounterFields.count - 1] = 1
        hugePressure[CounterFields.count - 3] = (1e300).bitPattern
        for (index, fields) in [huge, nanPressure, hugePressure].enumerated() {
            var crafted = CraftedRecording()
            crafted.identity(number: 1, CraftedRecording.pod(1))
            crafted.sample(timestamp: 1_800_000_000, series: [(1, fields)])
            let path = tree.path + "/counters-\(index).pmrec"
            crafted.write(to: path)
            assertRefused(path, ["damaged record", "series 1 field", "at byte"])
        }
        var crafted = CraftedRecording()
        crafted.sample(timestamp: 1_800_000_000, memTotalBytes: 1 << 62, series: [])
        let path = tree.path + "/memtotal.pmrec"
        crafted.write(to: path)
        assertRefused(path, ["damaged record", "MemTotal", "at byte"])
    }

    /// Legal but extreme: a limit of 1 byte under a usage of 2^60, rss far above usage. Everything formats.
    func testExtremeButValidCountersReport() throws {
        var crafted = CraftedRecording()
        crafted.identity(number: 1, CraftedRecording.pod(1))
        for step in 0..<5 {
            var fields = CraftedRecording.counters(usage: step.isMultiple(of: 2) ? 1 << 60 : 0)
            fields[1] = 1 << 60  // rss
            fields[2] = 1 << 60  // active_file
            fields[3] = 0  // inactive_file
            fields[14] = 1  // limit
            crafted.sample(
                timestamp: 1_800_000_000 + Double(step) * 0.001, root: fields, memTotalBytes: 1, series: [(1, fields)])
        }
        let path = tree.path + "/extreme.pmrec"
        crafted.write(to: path)
        let text = try report(path)
        XCTAssertTrue(text.contains("1024 PiB"), text)
        XCTAssertTrue(text.contains(">999999%"), "a percentage past any column saturates: \(text)")
    }

    // MARK: snapshots

    func snapshotJSON(_ edit: (inout SnapshotDocument) -> Void = { _ in }) throws -> String {
        var document = try XCTUnwrap(Monitor.polled(DemoNode(), count: 4).snapshot())
        edit(&document)
        return String(decoding: try SnapshotCodec.encode(document, pretty: false), as: UTF8.self)
    }

    func testSnapshotValuesAreValidatedWithTheirJSONPath() throws {
        let cases: [(String, String)] = [
            (
                try snapshotJSON { $0.pods[1].history.rssBytes.removeLast() },
                "pods[1].history.rssBytes: 3 values where t has 4"
            ),
            (
                try snapshotJSON { $0.pods[0].history.t.append(1_800_000_009) },
                "pods[0].history.usageBytes: 4 values where t has 5"
            ),
            (
                try snapshotJSON { $0.pods[2].history.t[1] = 1e300 },
                "pods[2].history.t[1]: 1e+300 is not a time between 1970 and 2200"
            ),
            (try snapshotJSON { $0.pods[0].history.t[0] = -1 }, "pods[0].history.t[0]"),
            (try snapshotJSON { $0.intervalSeconds = 1e-300 }, "intervalSeconds: 1e-300 is outside 0.001…86400"),
            (
                try snapshotJSON { $0.pods[3].memory[.usage] = 10_000_000_000_000_000_000 },
                "pods[3].memory.usageBytes: 10000000000000000000 is above 2^60"
            ),
            (try snapshotJSON { $0.pods[0].history.usageBytes[2] = 1 << 61 }, "pods[0].history.usageBytes[2]"),
            (try snapshotJSON { $0.pods[0].signals.pressureSomeAvg10 = 1e300 }, "pods[0].signals.pressureSomeAvg10"),
            (
                try snapshotJSON { $0.pods[0].containers[0].growth.workingSetBytesPerSecond = 1e300 },
                "pods[0].containers[0].growth.workingSetBytesPerSecond"
            ),
            (try snapshotJSON { $0.windowSeconds = -3 }, "windowSeconds"),
            (
                try snapshotJSON { $0.pods[0].memory[.limit] = 1 << 63 },
                "pods[0].memory.limitBytes: limit 9223372036854775808 is above 2^62"
            ),
            // Key order is not fixed: the value may be followed by `,` or `}`.
            (
                try snapshotJSON().replacingOccurrences(of: #""intervalSeconds":1"#, with: #""intervalSeconds":1e999"#),
                "(not valid JSON)"
            ),
        ]
        for (index, (json, expected)) in cases.enumerated() {
            let path = tree.path + "/snapshot-\(index).json"
            tree.write("snapshot-\(index).json", json)
            assertRefused(path, ["\(path): damaged", expected])
        }
    }

    /// A v1 limit a user set to 2^61 is a real reading: kept by the live reader, so a snapshot or recording of it opens.
    func testLargeRealLimitsStillOpen() throws {
        let path = tree.path + "/limit.json"
        tree.write("limit.json", try snapshotJSON { $0.pods[0].memory[.limit] = 1 << 61 })
        XCTAssertTrue(try report(path).contains("2048 PiB"))
        var crafted = CraftedRecording()
        crafted.identity(number: 1, CraftedRecording.pod(1))
        var fields = CraftedRecording.counters(usage: 4096)
        fields[14] = 1 << 61
        crafted.sample(timestamp: 1_800_000_000, series: [(1, fields)])
        crafted.write(to: tree.path + "/limit.pmrec")
        XCTAssertTrue(try report(tree.path + "/limit.pmrec").contains("2048 PiB"))
    }

    /// The live parsers: a kB value that wraps when multiplied by 1024 and a PSI average above 100 are not readings.
    func testKernelValuesThatWrapOrLeaveTheirRangeAreRefused() {
        let parser = KeyValueParser(keys: [["MemTotal"]])
        var slots: [UInt64?] = []
        let wrapping = Array("MemTotal: 18014398509481985 kB\n".utf8)
        XCTAssertEqual(parser.parse(wrapping, count: wrapping.count, into: &slots)?.problem, .implausible)
        XCTAssertEqual(slots, [nil], "2^54 + 1 kB is not 1 KiB")
        let psi = Array(
            "some avg10=250.00 avg60=1.50 avg300=0.00 total=1\nfull avg10=0.00 avg60=100.00 avg300=0.00 total=1\n".utf8)
        let pressure = PressureParser.parse(psi, count: psi.count)
        XCTAssertNil(pressure?.someAvg10)
        XCTAssertEqual(pressure?.someAvg60, 1.5)
        XCTAssertEqual(pressure?.fullAvg60, 100)
    }

    /// A long history is not copied into one sample per point: a 9 MB snapshot of one pod with 150 000 points took
    /// 185 MB in `report` (the 93 MB one 1.7 GB); it now takes about 70 MB.
    func testLongSnapshotHistoryStaysSmallInTheBinary() throws {
        let points = 150_000
        let json = try snapshotJSON { document in
            document.pods = [document.pods[0]]
            var history = document.pods[0].history
            history.t = (0..<points).map { 1_700_000_000 + Double($0) / 2 }
            let values = (0..<points).map { UInt64?(1_000_000 + 4096 * UInt64($0 % 1000)) }
            (history.usageBytes, history.rssBytes, history.activeFileBytes, history.inactiveFileBytes) = (
                values, values, values, values
            )
            (history.workingSetBytes, history.workingSetNoCacheBytes) = (values, values)
            document.pods[0].history = history
        }
        let path = tree.path + "/long.json"
        tree.write("long.json", json)
        let binary = try XCTUnwrap(BinaryLocator.executable("podmem"))
        let usage = tree.path + "/usage"
        let run = try CommandRun.run(
            URL(fileURLWithPath: "/usr/bin/time"), ["-f", "%M", "-o", usage, binary.path, "report", path], timeout: 60)
        XCTAssertEqual(run.status, 0, run.stderr)
        let peakKilobytes = try XCTUnwrap(
            Int(try String(contentsOfFile: usage, encoding: .utf8).split(separator: "\n").last ?? ""))
        XCTAssertLessThan(peakKilobytes, 120 << 10, "peak RSS for a \(json.utf8.count / 1_000_000) MB snapshot")
    }

    /// Refused by its size before a byte is parsed: a sparse file reads as zeros, which would otherwise be read whole.
    func testSnapshotAboveTheSizeLimitIsRefusedUpFront() throws {
        let path = tree.path + "/huge.json"
        tree.write("huge.json", "{")
        XCTAssertEqual(truncate(path, off_t(ReplayInput.maximumSnapshotBytes + 1)), 0)
        assertRefused(path, ["\(path) is larger than any podmem snapshot (256 MiB)"])
    }

    // MARK: formatting

    func testFormattingSaturatesInsteadOfTrapping() {
        for value in [Double.nan, .infinity, -.infinity] {
            XCTAssertEqual(ByteFormat.human(value), "-")
            XCTAssertEqual(ByteFormat.rate(value), "-")
            XCTAssertEqual(ByteFormat.percent(value), "-")
            XCTAssertEqual(ByteFormat.fixed(value, decimals: 1), "-")
            XCTAssertEqual(VerdictSentence.duration(value), "-")
        }
        XCTAssertEqual(ByteFormat.human(1e300), "8.88e284 PiB")
        XCTAssertEqual(ByteFormat.human(-1e300), "-8.88e284 PiB")
        XCTAssertEqual(ByteFormat.human(Double(1 << 60)), "1024 PiB")
        XCTAssertEqual(ByteFormat.rate(1e19), "+8882 PiB/s")
        XCTAssertEqual(ByteFormat.percent(1e300), ">999999%")
        XCTAssertEqual(ByteFormat.percent(-1e300), "<-999999%")
        XCTAssertEqual(ByteFormat.percent(0.374), "37%")
        XCTAssertEqual(ByteFormat.fixed(1e300, decimals: 2), "1.00e300")
        XCTAssertEqual(ByteFormat.fixed(9.999e20, decimals: 0), "1.00e21")
        XCTAssertEqual(ByteFormat.fixed(-2.5, decimals: 1), "-2.5")
        XCTAssertEqual(VerdictSentence.duration(1e300), "1.16e295 d")
        XCTAssertEqual(VerdictSentence.duration(-1e300), "-9223372036854775808 s")
        XCTAssertEqual(Timestamp.iso8601(.nan), "-")
        XCTAssertEqual(Timestamp.iso8601(1e300), "-")
        XCTAssertEqual(Timestamp.iso8601(1_800_000_000), "2027-01-15T08:00:00Z")
        XCTAssertEqual(Int(saturating: Double.nan), 0)
        XCTAssertEqual(Int(saturating: 1e300), Int.max)
        XCTAssertEqual(Int(saturating: -1e300), Int.min)
        XCTAssertEqual(Int(saturating: 41.9), 41)
    }
}
