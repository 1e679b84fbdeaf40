import XCTest

@testable import PodmemCore

/// Each scope carries what it promises and nothing more.
final class ModelScopeTests: XCTestCase {
    func testEachScopeCarriesItsShareOfTheState() throws {
        let demo = DemoNode()
        let monitor = Monitor(window: 20, intervalSeconds: 1, historyCapacity: 100)
        for second in 0..<40 { monitor.ingest(demo.sample(at: 1_800_000_000 + Double(second))) }
        let everything = try XCTUnwrap(monitor.snapshot(.everything))
        let first = try XCTUnwrap(everything.pods.first { !$0.containers.isEmpty }).cgroup
        XCTAssertTrue(everything.pods.allSatisfy { $0.history.t.count == 40 && $0.growth.summary != nil })

        let bare = try XCTUnwrap(monitor.snapshot(.withoutHistory))
        XCTAssertTrue(bare.pods.allSatisfy { $0.history.t.isEmpty && $0.growth.summary != nil })
        XCTAssertEqual(bare.pods.map(\.containers.count), everything.pods.map(\.containers.count))

        let list = try XCTUnwrap(monitor.snapshot(.list(rows: [first])))
        for pod in list.pods {
            XCTAssertEqual(
                pod.history.t.count, pod.cgroup == first ? ModelBuilder.briefHistoryPoints : 0, pod.cgroup)
            XCTAssertTrue(pod.containers.isEmpty && pod.growth.summary == nil, pod.cgroup)
        }

        let detail = try XCTUnwrap(monitor.snapshot(.detail(cgroup: first)))
        for pod in detail.pods where pod.cgroup != first {
            XCTAssertTrue(pod.history.t.isEmpty && pod.containers.isEmpty && pod.growth.summary == nil, pod.cgroup)
        }
        let shown = try XCTUnwrap(detail.pods.first { $0.cgroup == first })
        XCTAssertEqual(shown.history.t.count, 21, "the 20 s window's points, both ends")
        XCTAssertFalse(shown.containers.isEmpty)
        XCTAssertNotNil(shown.growth.summary)
        XCTAssertEqual(shown.memory, everything.pods.first { $0.cgroup == first }?.memory)
    }
}
