import XCTest
@testable import PodmemCore

final class HistoryTests: XCTestCase {
    func sample(_ t: Double, _ workloads: [(String, UInt64, UInt64)]) -> Sample {
        Sample(timestamp: t, host: "h", cgroupVersion: .v1, root: "/r", node: NodeCounters(memTotalBytes: nil, root: MemoryCounters()),
               workloads: workloads.map { WorkloadSample(kind: .pod, cgroup: $0.0, inode: $0.1, counters: MemoryCounters(usageBytes: $0.2)) },
               warnings: [])
    }

    func testRingBufferKeepsNewest() {
        var ring = RingBuffer<Int>(capacity: 3)
        for value in 1...5 { ring.append(value) }
        XCTAssertEqual(ring.elements, [3, 4, 5])
        XCTAssertEqual(ring.last, 5)
        XCTAssertEqual(Array(ring), [3, 4, 5])
    }

    func testHistoryIsBounded() {
        var history = MemoryHistory(capacity: 5)
        for t in 0..<100 { history.ingest(sample(Double(t), [("a", 1, UInt64(t))])) }
        XCTAssertEqual(history.points(cgroup: "a", inode: 1)?.count, 5)
        XCTAssertEqual(history.points(cgroup: "a", inode: 1)?.last?.usageBytes, 99)
    }

    func testVanishedSeriesEndsAndRecreatedStartsFresh() {
        var history = MemoryHistory(capacity: 10)
        history.ingest(sample(0, [("a", 1, 100), ("b", 2, 5)]))
        history.ingest(sample(1, [("a", 1, 200)]))
        XCTAssertNil(history.points(cgroup: "b", inode: 2), "b vanished: its series ended")
        history.ingest(sample(2, [("a", 7, 10)]))
        XCTAssertNil(history.points(cgroup: "a", inode: 1))
        XCTAssertEqual(history.points(cgroup: "a", inode: 7)?.count, 1, "same path, new inode: a new series")
        XCTAssertEqual(history.seriesCount, 1)
    }

    func testCapacityForWindow() {
        XCTAssertEqual(MemoryHistory.capacity(window: 300, interval: 1), 301)
        XCTAssertEqual(MemoryHistory.capacity(window: 300, interval: 0.01), 3600)
        XCTAssertEqual(MemoryHistory.capacity(window: 5, interval: 10), 2)
    }
}

final class CompactHistoryTests: XCTestCase {
    /// Whole pages are stored compactly and read back exactly; an odd value switches the series to full points.
    func testPagesRoundTripAndOddValuesFallBack() {
        var history = MemoryHistory(capacity: 4)
        let times = [1_800_000_000.25, 1_800_000_001.5004, 1_800_000_002.125]
        let values: [UInt64?] = [4096 * 3, nil, 4096 * 1_000_000]
        for (time, value) in zip(times, values) {
            history.ingest(Sample(timestamp: time, host: "h", cgroupVersion: .v2, root: "/", node: NodeCounters(memTotalBytes: nil, root: MemoryCounters()),
                                  workloads: [WorkloadSample(kind: .pod, cgroup: "p", inode: 9, counters: MemoryCounters(usageBytes: value))], warnings: []))
        }
        let points = history.points(cgroup: "p", inode: 9)!
        XCTAssertTrue(points.isCompact, "whole pages are stored compactly")
        XCTAssertEqual(points.map(\.time), [1_800_000_000.25, 1_800_000_001.5, 1_800_000_002.125], "kept to the millisecond")
        XCTAssertEqual(points.map(\.usageBytes), values)
        history.ingest(Sample(timestamp: 1_800_000_003, host: "h", cgroupVersion: .v2, root: "/", node: NodeCounters(memTotalBytes: nil, root: MemoryCounters()),
                              workloads: [WorkloadSample(kind: .pod, cgroup: "p", inode: 9, counters: MemoryCounters(usageBytes: 12345))], warnings: []))
        let after = history.points(cgroup: "p", inode: 9)!
        XCTAssertFalse(after.isCompact, "an odd value needs full points")
        XCTAssertEqual(after.map(\.usageBytes), values + [12345])
        XCTAssertEqual(after.count, 4)
    }
}
