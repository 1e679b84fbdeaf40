import Foundation
import PodmemTestSupport
import XCTest

@testable import PodmemCore

final class RecordingTests: XCTestCase {
    func header(_ sample: Sample, interval: Double = 1) -> RecordingHeader {
        RecordingHeader(
            recordingId: "test", host: sample.host, cgroupVersion: sample.cgroupVersion, root: sample.root,
            intervalSeconds: interval, startedAt: sample.timestamp)
    }

    /// Records `count` polls of `source`, one per second, and returns what was recorded.
    @discardableResult
    func record(_ source: MemorySource, count: Int, to path: String, maximumBytes: Int = 1 << 30) throws -> [Sample] {
        var samples: [Sample] = []
        var writer: RecordingWriter?
        for index in 0..<count {
            let sample = source.sample(at: 1_800_000_000 + Double(index))
            if writer == nil {
                writer = try RecordingWriter(path: path, header: header(sample), maximumBytes: maximumBytes)
            }
            try writer!.append(sample)
            samples.append(sample)
        }
        try writer?.finish()
        return samples
    }

    func testEverySampleComesBackExactly() throws {
        let tree = TempTree()
        let path = tree.path + "/demo.pmrec"
        let samples = try record(DemoNode(), count: 100, to: path)
        let recording = try XCTUnwrap(try Recording(path: path))
        XCTAssertEqual(recording.count, 100)
        XCTAssertTrue(recording.warnings.isEmpty)
        for index in [0, 1, 2, 31, 64, 65, 99, 50, 3] {
            XCTAssertTrue(
                try recording.sample(at: index) == samples[index], "sample \(index), decoded out of order too")
        }
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        XCTAssertLessThan(size / 100, 2500, "12 pods cost a few hundred bytes per poll, not the 30 KB of JSON")
    }

    func testFixtureSamplesRoundTrip() throws {
        let tree = TempTree()
        let path = tree.path + "/fixture.pmrec"
        let captures = try ["t0", "t1", "t2", "t3", "t4", "t5"].map { capture -> MemorySource in
            try CgroupSource.reading(
                FixturePaths.v1Lab + "/" + capture, hostRoot: "/", logRoot: FixturePaths.v1Lab + "/varlog", host: "lab")
        }
        let samples = try record(FixtureSeriesSource(sources: captures), count: 6, to: path)
        let recording = try XCTUnwrap(try Recording(path: path))
        for index in 0..<6 {
            // The captures sit in six directories; a recording keeps the first root in its header.
            var expected = samples[index]
            expected.root = samples[0].root
            XCTAssertTrue(try recording.sample(at: index) == expected, "capture t\(index)")
        }
    }

    func testTornLastRecordIsSkippedWithAWarning() throws {
        let tree = TempTree()
        let path = tree.path + "/torn.pmrec"
        let samples = try record(DemoNode(), count: 10, to: path)
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        let size = try handle.seekToEnd()
        try handle.truncate(atOffset: size - 7)  // as if killed in the middle of the last write
        try handle.close()
        let recording = try XCTUnwrap(try Recording(path: path))
        XCTAssertEqual(recording.count, 9)
        XCTAssertTrue(try recording.sample(at: 8) == samples[8])
        XCTAssertTrue(recording.warnings.first?.contains("torn") ?? false, "\(recording.warnings)")
    }

    func testDamagedRecordIsAnErrorNotGarbage() throws {
        let tree = TempTree()
        let path = tree.path + "/damaged.pmrec"
        try record(DemoNode(), count: 5, to: path)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count - 20] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: path))
        let recording = try XCTUnwrap(try Recording(path: path))
        XCTAssertThrowsError(try recording.sample(at: 4)) { error in
            XCTAssertTrue((error as? CommandFailure)?.message.contains("damaged record") ?? false, "\(error)")
        }
    }

    func testForeignTruncatedAndMissingFilesGiveOneLineErrors() throws {
        let tree = TempTree()
        tree.write("notes.txt", "hello\n")
        tree.write("other.json", #"{"schema": "something/9", "pods": []}"#)
        tree.write("empty", "")
        let document = try XCTUnwrap(Monitor.polled(DemoNode(), count: 3).snapshot())
        let json = String(decoding: try SnapshotCodec.encode(document), as: UTF8.self)
        tree.write("cut.json", String(json.prefix(json.count / 2)))
        let cases: [(String, String)] = [
            ("notes.txt", "is not a podmem snapshot or recording"),
            ("other.json", "is not a podmem snapshot or recording"),
            ("empty", "is not a podmem snapshot or recording"), ("cut.json", "damaged or truncated snapshot"),
            ("missing", "cannot open"),
        ]
        for (name, expected) in cases {
            XCTAssertThrowsError(try ReplayInput.open(tree.path + "/" + name), name) { error in
                let message = (error as? CommandFailure)?.message ?? "\(error)"
                XCTAssertTrue(message.contains(expected), "\(name): \(message)")
                XCTAssertFalse(message.contains("\n"), "one line")
            }
        }
    }

    func testRotationKeepsTheFileBoundedAndReplaysBothParts() throws {
        let tree = TempTree()
        let path = tree.path + "/rotating.pmrec"
        let samples = try record(DemoNode(), count: 400, to: path, maximumBytes: 256 * 1024)
        let sizes = try [path, path + ".1"].map { try FileManager.default.attributesOfItem(atPath: $0)[.size] as! Int }
        XCTAssertLessThanOrEqual(
            sizes.reduce(0, +), 256 * 1024 + 4096, "both parts stay within the cap (plus one poll)")
        let recording = try XCTUnwrap(try Recording(path: path))
        XCTAssertGreaterThanOrEqual(recording.count, 100)
        XCTAssertLessThan(recording.count, 400, "the oldest segments were dropped")
        XCTAssertTrue(try recording.sample(at: recording.count - 1) == samples.last)
        let times = (0..<recording.count).map { recording.timestamp(at: $0) }
        XCTAssertEqual(times, times.sorted(), "FILE.1 comes first")
        XCTAssertTrue(
            try recording.sample(at: 0) == samples[400 - recording.count],
            "the older part decodes from its own keyframe")
    }

    func testReplayAtTheEndEqualsTheLiveRun() throws {
        let tree = TempTree()
        let path = tree.path + "/live.pmrec"
        let liveSource = DemoNode()
        let live = Monitor(window: 120, intervalSeconds: 1, plan: .live(window: 120, intervalSeconds: 1))
        var writer: RecordingWriter?
        for index in 0..<200 {
            let sample = liveSource.sample(at: 1_800_000_000 + Double(index))
            live.ingest(sample)
            if writer == nil { writer = try RecordingWriter(path: path, header: header(sample), maximumBytes: 1 << 30) }
            try writer!.append(sample)
        }
        try writer!.finish()
        let replay = try Replay(timeline: try XCTUnwrap(try Recording(path: path)), window: 120)
        let rows = ModelScope.list(rows: Set(try XCTUnwrap(live.snapshot(.withoutHistory)).pods.map(\.cgroup)))
        let replayed = try XCTUnwrap(replay.monitor.snapshot(rows))
        let original = try XCTUnwrap(live.snapshot(rows))
        XCTAssertEqual(replayed.pods.map(\.memory), original.pods.map(\.memory))
        XCTAssertEqual(replayed.pods.map(\.growth), original.pods.map(\.growth), "the same verdicts and rates")
        XCTAssertEqual(replayed.pods.map(\.history), original.pods.map(\.history))
        XCTAssertEqual(replayed.node, original.node)

        // Stepping back and forward again lands on the same state.
        try replay.seek(to: 150)
        XCTAssertEqual(replay.timestamp, 1_800_000_150)
        try replay.seek(to: 199)
        XCTAssertEqual(try XCTUnwrap(replay.monitor.snapshot(rows)).pods.map(\.growth), original.pods.map(\.growth))
        XCTAssertEqual(replay.position(offsetBy: -60), 139)
    }

    func testSnapshotReplaysWithItsOwnNumbersAndVerdicts() throws {
        let monitor = Monitor.polled(DemoNode(), count: 30)
        let document = try XCTUnwrap(monitor.snapshot())
        let decoded = try SnapshotCodec.decode(try SnapshotCodec.encode(document))
        let replay = try Replay(timeline: SnapshotTimeline(decoded), window: 300)
        XCTAssertEqual(replay.timeline.count, 30)
        let replayed = try XCTUnwrap(replay.monitor.snapshot())
        XCTAssertEqual(replayed.pods.map(\.memory[.workingSet]), document.pods.map(\.memory[.workingSet]))
        XCTAssertEqual(
            replayed.pods.map(\.memory[.workingSetNoCache]), document.pods.map(\.memory[.workingSetNoCache]))
        XCTAssertEqual(replayed.pods.map(\.growth.class), document.pods.map(\.growth.class))
        XCTAssertEqual(replayed.pods.map(\.history.workingSetBytes), document.pods.map(\.history.workingSetBytes))
        XCTAssertEqual(
            replayed.pods.map { $0.containers.map(\.memory) }, document.pods.map { $0.containers.map(\.memory) })
        XCTAssertEqual(replayed.node, document.node)
    }

    /// A day at 30 s for 50 pods × 2 containers (the 1 s version, timed in a release build, is `bench/replay`).
    func testDayLongRecordingShowsTheDaysTrend() throws {
        let tree = TempTree()
        let path = tree.path + "/day.pmrec"
        let node = SyntheticNode(pods: 50)
        let writer = try RecordingWriter(
            path: path, header: header(node.sample(at: 1_800_000_000), interval: 30), maximumBytes: 4 << 30)
        for step in 0..<2880 { try writer.append(node.sample(at: 1_800_000_000 + Double(step * 30))) }
        try writer.finish()

        let replay = try Replay(timeline: try XCTUnwrap(try Recording(path: path)), window: 300)
        XCTAssertEqual(replay.timeline.count, 2880)
        XCTAssertEqual(replay.monitor.history.seriesCount, 150)
        XCTAssertEqual(replay.monitor.history.plan.longestSeconds, 86_400, "the whole day fits the coarsest tier")
        XCTAssertLessThan(
            replay.monitor.history.poll, 2880 / 2, "older samples are read one per coarse bucket, not all")
        replay.monitor.window = 86_400
        let pods = try XCTUnwrap(replay.monitor.snapshot(.list(rows: []))?.pods)
        let cacheGrower = try XCTUnwrap(pods.first { $0.name == "pod-0" })
        XCTAssertEqual(cacheGrower.growth.class, .cacheDriven, "a day of slow cache growth, seen at the 24 h span")
        XCTAssertGreaterThan(cacheGrower.growth.windowSeconds, 80_000)
        XCTAssertEqual(pods.first { $0.name == "pod-1" }?.growth.class, .anonDriven)
        XCTAssertEqual(pods.first { $0.name == "pod-2" }?.growth.class, .stable)
    }
}
