import XCTest

@testable import PodmemCore

/// Replaying a snapshot keeps what the document says: a null limit (unlimited or unknown) is not turned into a claim,
/// and the node's figures, which the document keeps for its own time only, are neither made up from raw counters it
/// does not have nor carried back to earlier times.
final class SnapshotReplayTests: XCTestCase {
    func testNodeFiguresAreTheDocumentsAtItsTimeAndUnknownBefore() throws {
        let demo = DemoNode()
        let monitor = Monitor(window: 300, intervalSeconds: 1, historyCapacity: 10)
        for second in 0..<5 { monitor.ingest(demo.sample(at: 1_800_000_000 + Double(second))) }
        var document = try XCTUnwrap(monitor.snapshot())
        // Figures no raw counters could give back together: a working set below the one without cache.
        document.node = NodeFigures(
            memTotalBytes: 64 << 30, workingSetBytes: 10 << 30, workingSetNoCacheBytes: 12 << 30)
        let replay = try Replay(timeline: SnapshotTimeline(document), window: 300)
        XCTAssertEqual(replay.position, replay.timeline.count - 1)
        XCTAssertEqual(try XCTUnwrap(replay.monitor.model()).node, document.node)
        XCTAssertEqual(SnapshotDocument(try XCTUnwrap(replay.monitor.model())).node, document.node)

        try replay.seek(to: 0)
        let earlier = try XCTUnwrap(replay.monitor.model()).node
        XCTAssertEqual(earlier.memTotalBytes, 64 << 30)
        XCTAssertNil(earlier.workingSetBytes)
        XCTAssertNil(earlier.workingSetNoCacheBytes)
        XCTAssertNil(earlier.availableBytes)
    }

    func testNullLimitStaysUnknown() throws {
        let demo = DemoNode()
        let monitor = Monitor(window: 300, intervalSeconds: 1, historyCapacity: 10)
        for second in 0..<3 { monitor.ingest(demo.sample(at: 1_800_000_000 + Double(second))) }
        var document = try XCTUnwrap(monitor.snapshot())
        document.pods[0].memory[.limit] = nil
        document.pods[1].memory[.limit] = 256 << 20
        let timeline = SnapshotTimeline(document)
        let last = try timeline.sample(at: timeline.count - 1)
        let counters = Dictionary(uniqueKeysWithValues: last.workloads.map { ($0.cgroup, $0.counters) })
        XCTAssertNil(counters[document.pods[0].cgroup]?.limit)
        XCTAssertEqual(counters[document.pods[1].cgroup]?.limit, .bytes(256 << 20))
    }
}
