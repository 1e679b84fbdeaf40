import XCTest

@testable import PodmemCore

final class HistoryTests: XCTestCase {
    func sample(_ t: Double, _ workloads: [(String, UInt64, UInt64)]) -> Sample {
        Sample(
            timestamp: t, host: "h", cgroupVersion: .v1, root: "/r",
            node: NodeCounters(memTotalBytes: nil, root: MemoryCounters()),
            workloads: workloads.map {
                WorkloadSample(kind: .pod, cgroup: $0.0, inode: $0.1, counters: MemoryCounters(usageBytes: $0.2))
            },
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
        XCTAssertEqual(HistoryPlan.rawCapacity(window: 300, interval: 1), 301)
        XCTAssertEqual(HistoryPlan.rawCapacity(window: 300, interval: 0.01), 3600)
        XCTAssertEqual(HistoryPlan.rawCapacity(window: 5, interval: 10), 2)
    }
}

final class TieredHistoryTests: XCTestCase {
    let pages: UInt64 = 4096

    func sample(_ t: Double, usagePages: UInt64, extraSeries: Int = 0, inode: UInt64 = 1) -> Sample {
        var stat = MemoryStat()
        (stat.rssBytes, stat.activeFileBytes, stat.inactiveFileBytes) = (usagePages * pages, 0, 0)
        let pod = WorkloadSample(
            kind: .pod, cgroup: "p", inode: inode, counters: MemoryCounters(usageBytes: usagePages * pages, stat: stat))
        let others = (0..<extraSeries).map {
            WorkloadSample(kind: .pod, cgroup: "x\($0)", inode: 2, counters: MemoryCounters(usageBytes: 0))
        }
        return Sample(
            timestamp: t, host: "h", cgroupVersion: .v1, root: "/r",
            node: NodeCounters(memTotalBytes: nil, root: MemoryCounters()),
            workloads: [pod] + others, warnings: [])
    }

    func testLivePlanHasCoarseTiersAndFitsTheBudget() {
        let plan = HistoryPlan.live(window: 300, intervalSeconds: 1)
        XCTAssertEqual(plan.tiers.map(\.resolutionSeconds), [nil, 60, 600])
        XCTAssertEqual(plan.tiers.map(\.capacity), [301, 120, 144])
        XCTAssertEqual(plan.longestSeconds, 24 * 3600)
        XCTAssertEqual(plan.fitted(workloads: 50, containers: 100), plan, "a small node keeps the whole plan")
        // 2000 pods × 2 containers would need 2.33 M points; the budget holds 0.42 M: every tier 6× coarser.
        let big = plan.fitted(workloads: 2000, containers: 4000)
        let bytes = (2000 * big.tiers.reduce(0) { $0 + $1.capacity } + 4000 * big.tiers[0].capacity) * 20
        XCTAssertLessThanOrEqual(bytes, HistoryPlan.defaultBudgetBytes)
        XCTAssertEqual(big.tiers.map(\.resolutionSeconds), [6, 360, 3600])
        XCTAssertEqual(big.tiers.map(\.capacity), [50, 20, 24])
        for tier in plan.tiers.indices {
            let (kept, wanted) = (big.coveredSeconds(tier: tier), plan.coveredSeconds(tier: tier))
            XCTAssertTrue(
                kept >= wanted && kept < wanted + big.tiers[tier].resolutionSeconds!,
                "every span is kept: \(kept) s for \(wanted) s")
        }
        XCTAssertEqual(
            HistoryPlan.live(window: 300, intervalSeconds: 60).tiers.map(\.resolutionSeconds), [nil, 600],
            "a tier no coarser than twice the interval adds nothing")
    }

    /// A node too big for the budget keeps the default span at a coarser step: the first tier holds means of k polls
    /// and still reaches back the whole window, so the default span shows a full line, not a few minute buckets.
    func testBigNodeKeepsItsSpansAtACoarserStep() throws {
        // 1 pod + 99 other series, 120 s window: 100 × (121 + 120 + 144) points; a budget of a quarter → k = 4.
        let plan = HistoryPlan.live(window: 120, intervalSeconds: 1, budgetBytes: 100 * 385 * 20 / 4)
        var history = MemoryHistory(plan: plan)
        // Usage grows 1 MiB (256 pages) per second.
        for t in 0..<240 { history.ingest(sample(12_000 + Double(t), usagePages: UInt64(t) * 256, extraSeries: 99)) }
        XCTAssertEqual(history.plan.tiers.map(\.resolutionSeconds), [4, 240, 2400])
        XCTAssertEqual(history.plan.tiers.map(\.capacity), [30, 30, 36])
        XCTAssertEqual(
            history.tierIndex(window: 120, cgroup: "p", inode: 1), 0, "the default span is still the first tier")
        let first = try XCTUnwrap(history.points(cgroup: "p", inode: 1, window: 120))
        XCTAssertEqual(first.resolutionSeconds, 4)
        XCTAssertEqual(first.count, 31, "30 finished buckets of 4 polls and the one filling")
        XCTAssertEqual(first.first?.time, 12_117.5, "polls 116…119: the whole window is still reached")
        XCTAssertEqual(first.last?.time, 12_237.5)
        XCTAssertEqual(first.first?.usageBytes, 30_080 * pages, "the mean of polls 116…119: 117.5 × 256 pages")
        XCTAssertEqual(first.last?.usageBytes, 60_800 * pages)
        XCTAssertEqual(history.growth(cgroup: "p", inode: 1, window: 120).class, .anonDriven)
    }

    func testCoarseTiersHoldBucketMeansAndTheFillingBucket() {
        var history = MemoryHistory(plan: HistoryPlan.live(window: 30, intervalSeconds: 1))
        // 150 polls, usage = t pages, starting at a minute boundary: minute buckets of 60 polls each.
        for t in 0..<150 { history.ingest(sample(6000 + Double(t), usagePages: UInt64(t))) }
        let raw = history.points(cgroup: "p", inode: 1)!
        XCTAssertEqual(raw.count, 31)
        XCTAssertTrue(raw.isFull)
        let minutes = history.points(cgroup: "p", inode: 1, window: 3600)!
        XCTAssertEqual(minutes.resolutionSeconds, 60)
        XCTAssertEqual(minutes.count, 3, "two finished minutes and the one filling")
        XCTAssertEqual(minutes.map(\.time), [6029.5, 6089.5, 6134.5])
        XCTAssertEqual(
            minutes.map(\.usageBytes), [30 * pages, 90 * pages, 135 * pages].map { Optional($0) },
            "means rounded to whole pages (29.5 → 30, 134.5 → 135)")
        XCTAssertTrue(minutes.isCompact)
        XCTAssertEqual(history.tierIndex(window: 30, cgroup: "p", inode: 1), 0)
        XCTAssertEqual(history.tierIndex(window: 120, cgroup: "p", inode: 1), 1, "raw is full and too short")

        let merged = history.allPoints(cgroup: "p", inode: 1)
        XCTAssertEqual(merged.count, 2 + 31, "the minutes before the raw window, then every raw point")
        XCTAssertEqual(merged.map(\.time), merged.map(\.time).sorted())
        XCTAssertEqual(merged.last?.usageBytes, 149 * pages)
    }

    func testTierFollowsTheWindowWhileRawStillHoldsEverything() {
        var history = MemoryHistory(plan: HistoryPlan.live(window: 30, intervalSeconds: 1))
        for t in 0..<20 { history.ingest(sample(Double(t), usagePages: 1)) }
        XCTAssertEqual(
            history.tierIndex(window: 3600, cgroup: "p", inode: 1), 0, "nothing dropped yet: raw is the finest answer")
    }

    func testCachedVerdictIsReusedUntilItIsOld() {
        var history = MemoryHistory(plan: HistoryPlan.live(window: 600, intervalSeconds: 1))
        for t in 0..<100 { history.ingest(sample(Double(t), usagePages: 1000)) }
        XCTAssertEqual(history.growth(cgroup: "p", inode: 1, window: 600, maximumAgePolls: 1000).class, .stable)
        // 140 MiB of new usage after 100 flat polls (a ramp that starts late in the window must outgrow the 3 σ its own
        // bend puts around a straight line): a fresh verdict sees growth, a cached one (younger than the limit) does not yet.
        for t in 100..<170 { history.ingest(sample(Double(t), usagePages: 1000 + UInt64(t - 99) * 512)) }
        XCTAssertEqual(history.growth(cgroup: "p", inode: 1, window: 600, maximumAgePolls: 1000).class, .stable)
        XCTAssertEqual(history.growth(cgroup: "p", inode: 1, window: 600).class, .anonDriven)
        XCTAssertEqual(
            history.growth(cgroup: "p", inode: 1, window: 600, maximumAgePolls: 1000).class, .anonDriven,
            "a fresh verdict refreshes the cache")
    }

    /// The list asks for verdicts that may be old (`maximumAgePolls` > 1); the `?` of the first two polls must not
    /// be reused, or a pod shows `?` for up to that many polls after it has enough samples.
    func testFirstVerdictAppearsAsSoonAsThereAreThreeSamples() {
        for inode: UInt64 in [1, 7, 30] {
            var history = MemoryHistory(plan: HistoryPlan.live(window: 600, intervalSeconds: 1))
            for t in 0..<2 {
                history.ingest(sample(Double(t), usagePages: 1000 + UInt64(t) * 10_000, inode: inode))
                XCTAssertEqual(
                    history.growth(cgroup: "p", inode: inode, window: 600, maximumAgePolls: 32).class, .unknown)
            }
            history.ingest(sample(2, usagePages: 21_000, inode: inode))
            XCTAssertEqual(
                history.growth(cgroup: "p", inode: inode, window: 600, maximumAgePolls: 32).class, .anonDriven,
                "inode \(inode): the third poll's verdict")
        }
    }
}

final class CompactHistoryTests: XCTestCase {
    /// Whole pages are stored compactly and read back exactly; an odd value switches the series to full points.
    func testPagesRoundTripAndOddValuesFallBack() {
        var history = MemoryHistory(capacity: 4)
        let times = [1_800_000_000.25, 1_800_000_001.5004, 1_800_000_002.125]
        let values: [UInt64?] = [4096 * 3, nil, 4096 * 1_000_000]
        for (time, value) in zip(times, values) {
            history.ingest(
                Sample(
                    timestamp: time, host: "h", cgroupVersion: .v2, root: "/",
                    node: NodeCounters(memTotalBytes: nil, root: MemoryCounters()),
                    workloads: [
                        WorkloadSample(kind: .pod, cgroup: "p", inode: 9, counters: MemoryCounters(usageBytes: value))
                    ], warnings: []))
        }
        let points = history.points(cgroup: "p", inode: 9)!
        XCTAssertTrue(points.isCompact, "whole pages are stored compactly")
        XCTAssertEqual(
            points.map(\.time), [1_800_000_000.25, 1_800_000_001.5, 1_800_000_002.125], "kept to the millisecond")
        XCTAssertEqual(points.map(\.usageBytes), values)
        history.ingest(
            Sample(
                timestamp: 1_800_000_003, host: "h", cgroupVersion: .v2, root: "/",
                node: NodeCounters(memTotalBytes: nil, root: MemoryCounters()),
                workloads: [
                    WorkloadSample(kind: .pod, cgroup: "p", inode: 9, counters: MemoryCounters(usageBytes: 12345))
                ], warnings: []))
        let after = history.points(cgroup: "p", inode: 9)!
        XCTAssertFalse(after.isCompact, "an odd value needs full points")
        XCTAssertEqual(after.map(\.usageBytes), values + [12345])
        XCTAssertEqual(after.count, 4)
    }
}
