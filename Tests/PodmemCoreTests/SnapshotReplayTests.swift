import XCTest

@testable import PodmemCore

/// Replaying a snapshot keeps what the document says: a null limit (unlimited or unknown) is not turned into a claim.
final class SnapshotReplayTests: XCTestCase {
    func testNullLimitStaysUnknown() throws {
        let demo = DemoNode()
        let monitor = Monitor(window: 300, intervalSeconds: 1, historyCapacity: 10)
        for second in 0..<3 { monitor.ingest(demo.sample(at: 1_800_000_000 + Double(second))) }
        var document = try XCTUnwrap(monitor.snapshot())
        document.pods[0].memory.limitBytes = nil
        document.pods[1].memory.limitBytes = 256 << 20
        let timeline = SnapshotTimeline(document)
        let last = try timeline.sample(at: timeline.count - 1)
        let counters = Dictionary(uniqueKeysWithValues: last.workloads.map { ($0.cgroup, $0.counters) })
        XCTAssertNil(counters[document.pods[0].cgroup]?.limit)
        XCTAssertEqual(counters[document.pods[1].cgroup]?.limit, .bytes(256 << 20))
    }
}
