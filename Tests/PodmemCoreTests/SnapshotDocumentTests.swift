import Foundation
import XCTest

@testable import PodmemCore

final class SnapshotDocumentTests: XCTestCase {
    func testDemoDocumentHasStableNamesAndExplicitNulls() throws {
        let demo = DemoNode()
        let monitor = Monitor(window: nil, intervalSeconds: 1, historyCapacity: 10)
        for second in 0..<4 { monitor.ingest(demo.sample(at: 1_800_000_000 + Double(second))) }
        let data = try SnapshotCodec.encode(try XCTUnwrap(monitor.snapshot()))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(json["schema"] as? String, "podmem.snapshot/1")
        XCTAssertEqual(json["takenAt"] as? String, "2027-01-15T08:00:03Z")
        XCTAssertEqual(json["cgroupVersion"] as? Int, 2)
        for key in ["host", "root", "intervalSeconds", "warnings", "node", "pods"] { XCTAssertNotNil(json[key], key) }
        let node = try XCTUnwrap(json["node"] as? [String: Any])
        XCTAssertEqual(
            Set(node.keys),
            ["memTotalBytes", "workingSetBytes", "workingSetNoCacheBytes", "availableBytes", "availableNoCacheBytes"])
        let pods = try XCTUnwrap(json["pods"] as? [[String: Any]])
        let report = try XCTUnwrap(pods.first { ($0["name"] as? String)?.hasPrefix("nightly-report") == true })
        let memory = try XCTUnwrap(report["memory"] as? [String: Any])
        XCTAssertTrue(memory["limitBytes"] is NSNull, "unlimited is an explicit null")
        XCTAssertEqual(
            Set(memory.keys),
            [
                "usageBytes", "rssBytes", "activeFileBytes", "inactiveFileBytes", "shmemBytes",
                "mappedFileBytes", "kernelBytes", "workingSetBytes", "workingSetNoCacheBytes", "limitBytes",
            ])
        let growth = try XCTUnwrap(report["growth"] as? [String: Any])
        for key in [
            "class", "windowSeconds", "workingSetBytesPerSecond", "rssBytesPerSecond", "activeFileBytesPerSecond",
            "inactiveFileBytesPerSecond",
        ] { XCTAssertNotNil(growth[key], key) }
        let history = try XCTUnwrap(report["history"] as? [String: Any])
        XCTAssertEqual((history["t"] as? [Double])?.count, 4)
        for key in [
            "usageBytes", "rssBytes", "activeFileBytes", "inactiveFileBytes", "workingSetBytes",
            "workingSetNoCacheBytes",
        ] {
            XCTAssertEqual((history[key] as? [Any])?.count, 4, key)
        }
        let container = try XCTUnwrap(
            (report["containers"] as? [[String: Any]])?.first { $0["sandbox"] as? Bool == false })
        for key in ["id", "name", "sandbox", "cgroup", "memory", "cacheShare", "growth"] {
            XCTAssertNotNil(container[key], key)
        }
        XCTAssertTrue(report["uid"] is String)
        XCTAssertEqual(report["qos"] as? String, "besteffort")
        XCTAssertEqual(report["kind"] as? String, "pod")
    }

    func testRoundTrip() throws {
        let demo = DemoNode()
        let monitor = Monitor(window: 300, intervalSeconds: 1, historyCapacity: 10)
        monitor.ingest(demo.sample(at: 1_800_000_000))
        let document = try XCTUnwrap(monitor.snapshot())
        XCTAssertEqual(try SnapshotCodec.decode(try SnapshotCodec.encode(document)), document)
    }

    func testPodsSortedByWorkingSet() throws {
        let demo = DemoNode()
        let monitor = Monitor(window: nil, intervalSeconds: 1, historyCapacity: 10)
        monitor.ingest(demo.sample(at: 1_800_000_000))
        let sets = try XCTUnwrap(monitor.snapshot()).pods.map { $0.memory[.workingSet] ?? 0 }
        XCTAssertEqual(sets, sets.sorted(by: >))
    }
}
