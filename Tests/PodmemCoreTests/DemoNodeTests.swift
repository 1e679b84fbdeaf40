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
        let worker = { (sample: Sample) in
            sample.workloads.first { $0.name?.hasPrefix("checkout-worker") == true }!.containers.first { !$0.sandbox }!
        }
        var history = MemoryHistory(capacity: 64)
        var samples: [Sample] = []
        for second in 0...41 {
            samples.append(node.sample(at: Double(second)))
            history.ingest(samples.last!)
        }
        let old = worker(samples[0])
        let restartIndex = try XCTUnwrap(samples.firstIndex { worker($0).id != old.id })
        XCTAssertGreaterThan(restartIndex, 1, "the old container lived for several polls")
        let new = worker(samples[restartIndex])
        XCTAssertEqual(worker(samples[41]).id, new.id)
        XCTAssertEqual(new.counters.events?.oomKill, 1)
        XCTAssertNil(history.points(cgroup: old.cgroup, inode: old.inode), "the old container's series ends with it")
        let points = try XCTUnwrap(history.points(cgroup: new.cgroup, inode: new.inode))
        XCTAssertEqual(
            points.map(\.time), samples[restartIndex...].map(\.timestamp), "the new series starts at the restart")
        let growth = history.growth(cgroup: new.cgroup, inode: new.inode, window: nil)
        XCTAssertGreaterThan(try XCTUnwrap(growth.rssBytesPerSecond), 0, "climbing again from the restart, not a drop")
    }
}
