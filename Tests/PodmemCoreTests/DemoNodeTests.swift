import XCTest
@testable import PodmemCore

final class DemoNodeTests: XCTestCase {
    /// Within a few seconds of starting, the demo shows cache-driven, anon-driven and stable pods.
    func testAllMainVerdictsWithinSeconds() throws {
        let demo = DemoNode()
        let monitor = Monitor(window: nil, intervalSeconds: 1, historyCapacity: 10)
        for second in 0..<4 { monitor.ingest(demo.sample(at: 1_800_000_000 + Double(second))) }
        let classes = Set(try XCTUnwrap(monitor.snapshot()).pods.map(\.growth.class.rawValue))
        XCTAssertTrue(classes.isSuperset(of: ["cache-driven", "anon-driven", "stable"]), "\(classes)")
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(monitor.snapshot()).pods.count, 10)
    }

    /// The leaking worker is OOM-killed and restarts: a new container ID, a new series, no negative rate from the old one.
    func testRestartStartsANewContainerSeries() throws {
        let node = DemoNode()
        let first = node.sample(at: 0).workloads.first { $0.name?.hasPrefix("checkout-worker") == true }!
        let later = node.sample(at: 40).workloads.first { $0.name?.hasPrefix("checkout-worker") == true }!
        let worker = { (w: WorkloadSample) in w.containers.first { !$0.sandbox }! }
        XCTAssertNotEqual(worker(first).id, worker(later).id)
        XCTAssertEqual(worker(later).counters.events?.oomKill, 1)
        var history = MemoryHistory(capacity: 10)
        history.ingest(node.sample(at: 41))
        XCTAssertNil(history.points(cgroup: worker(first).cgroup, inode: worker(first).inode))
    }
}
