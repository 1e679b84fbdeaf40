import XCTest

@testable import PodmemCore

/// Verdicts over synthetic series shaped like real ones, for a small sidecar and a large database.
final class GrowthAnalyzerTests: XCTestCase {
    static let mib = 1024.0 * 1024.0

    /// Builds a history from per-second functions (MiB) of anon (incl. shmem), active and inactive file.
    func history(
        seconds: Int, interval: Double = 1, anon: (Double) -> Double, active: (Double) -> Double,
        inactive: (Double) -> Double = { _ in 10 }
    ) -> RingBuffer<HistoryPoint> {
        var buffer = RingBuffer<HistoryPoint>(capacity: 10_000)
        var t = 0.0
        while t <= Double(seconds) {
            var stat = MemoryStat()
            stat.rssBytes = UInt64(anon(t) * Self.mib)
            stat.activeFileBytes = UInt64(active(t) * Self.mib)
            stat.inactiveFileBytes = UInt64(inactive(t) * Self.mib)
            let usage = UInt64((anon(t) + active(t) + inactive(t)) * Self.mib)
            buffer.append(HistoryPoint(time: 1000 + t, counters: MemoryCounters(usageBytes: usage, stat: stat)))
            t += interval
        }
        return buffer
    }

    func verdict(_ history: RingBuffer<HistoryPoint>, window: Double? = nil) -> GrowthClass {
        GrowthAnalyzer.analyze(history, window: window).class
    }

    func testCacheDrivenLogWriter() {
        let h = history(seconds: 60, anon: { _ in 200 }, active: { 100 + 0.5 * $0 })
        XCTAssertEqual(verdict(h), .cacheDriven)
        XCTAssertEqual(
            GrowthAnalyzer.analyze(h, window: nil).activeFileBytesPerSecond!, 0.5 * Self.mib, accuracy: 0.01 * Self.mib)
    }

    func testInactiveToActivePromotionIsCacheDriven() {
        // The article's grep: usage flat, pages move from inactive to active, cAdvisor's working set climbs.
        let h = history(seconds: 60, anon: { _ in 50 }, active: { 20 + $0 }, inactive: { 100 - $0 })
        XCTAssertEqual(verdict(h), .cacheDriven)
    }

    func testAnonLeak() {
        XCTAssertEqual(verdict(history(seconds: 60, anon: { 300 + 0.3 * $0 }, active: { _ in 50 })), .anonDriven)
    }

    func testLeakHiddenByCacheReclaimIsStillAnonDriven() {
        // At the limit: anon grows while the kernel evicts active cache, working set flat.
        XCTAssertEqual(verdict(history(seconds: 60, anon: { 300 + 0.5 * $0 }, active: { 100 - 0.5 * $0 })), .anonDriven)
    }

    func testMixed() {
        XCTAssertEqual(verdict(history(seconds: 60, anon: { 300 + 0.2 * $0 }, active: { 100 + 0.2 * $0 })), .mixed)
    }

    func testShrinking() {
        XCTAssertEqual(verdict(history(seconds: 60, anon: { _ in 300 }, active: { 500 - 2 * $0 })), .shrinking)
    }

    func testSidecarGrowthAboveFloorCounts() {
        // 30 MiB sidecar growing 6 MiB in a minute: 20%, above the 4 MiB floor.
        XCTAssertEqual(verdict(history(seconds: 60, anon: { 25 + 0.1 * $0 }, active: { _ in 5 })), .anonDriven)
        // The same sidecar wobbling by 2 MiB is stable.
        XCTAssertEqual(verdict(history(seconds: 60, anon: { 25 + 2 * sin($0) }, active: { _ in 5 })), .stable)
    }

    func testLargeDatabaseNoiseIsStable() {
        // 30 GiB database: 100 MiB of drift in 5 minutes is under 1% and stays stable; 1 GiB is growth.
        let gib = 1024.0
        XCTAssertEqual(
            verdict(history(seconds: 300, anon: { 20 * gib + 100 * $0 / 300 }, active: { _ in 10 * gib })), .stable)
        XCTAssertEqual(
            verdict(history(seconds: 300, anon: { 20 * gib + 1024 * $0 / 300 }, active: { _ in 10 * gib })), .anonDriven
        )
    }

    func testOneOutlierDoesNotFlipTheVerdict() {
        let h = history(seconds: 60, anon: { $0 == 30 ? 900 : 200 }, active: { _ in 50 })
        XCTAssertEqual(verdict(h), .stable)
    }

    func testGCSawtoothAroundAFlatLineIsStable() {
        let h = history(
            seconds: 120, anon: { 400 + 30 * ($0.truncatingRemainder(dividingBy: 10) / 10) }, active: { _ in 50 })
        XCTAssertEqual(verdict(h), .stable)
    }

    /// The real process: a heap that climbs 0 → 120 MiB in 8 MiB steps and is freed every ~4 s, polled 45
    /// times at 1 s. Theil–Sen on its bucket means says +16 MiB over the window (above θ = 4 MiB); it never grows.
    func testHeapSawtoothPolledAt1sIsStable() {
        let heap = { (t: Double) in 8 * (15 * ((t + 0.3) / 4.1).truncatingRemainder(dividingBy: 1)).rounded(.down) }
        let growth = GrowthAnalyzer.analyze(
            history(seconds: 44, anon: { 3 + heap($0) }, active: { _ in 1 }), window: nil)
        XCTAssertEqual(growth.class, .stable, "threshold \(growth.thresholdBytes / Self.mib) MiB")
        XCTAssertGreaterThan(growth.thresholdBytes, 60 * Self.mib, "3 σ of a 0–120 MiB sawtooth")
    }

    /// Periodic alloc/free patterns with no net growth — sawtooth up and down, square, sine, short spikes — with
    /// periods from 2 s to a third of the window, peak-to-peak amplitude up to 2× the mean, 4 phases, windows of
    /// 12 to 300 polls at 1 s: none may be judged growing or shrinking. README "The verdict" quotes the count.
    func testPeriodicPatternsWithoutNetGrowthAreStable() {
        let shapes: [(String, dutyMean: Double, (Double) -> Double)] = [
            ("sawtooth", 0.5, { (15 * $0).rounded(.down) / 15 }),
            ("falling sawtooth", 0.5, { 1 - (15 * $0).rounded(.down) / 15 }),
            ("square", 0.5, { $0 < 0.5 ? 1 : 0 }), ("sine", 0.5, { 0.5 + 0.5 * sin(2 * .pi * $0) }),
            ("spike", 0.15, { $0 < 0.15 ? 1 : 0 }),
        ]
        var cases = 0
        var falsePositives: [String] = []
        for polls in [12, 20, 30, 45, 60, 120, 300] {
            let window = Double(polls - 1)
            for period in stride(from: 2.0, through: window / 3, by: polls > 100 ? 1 : 0.25) {
                for (name, dutyMean, shape) in shapes {
                    for amplitude in [16.0, 2048] {
                        // Lowest baseline that keeps the amplitude within 2× the mean, and a large one.
                        for baseline in [max(0, amplitude / 2 - dutyMean * amplitude), 2 * amplitude] {
                            for phase in stride(from: 0.0, to: 1, by: 0.25) {
                                let value = { (t: Double) in
                                    baseline + amplitude
                                        * shape((t / period + phase).truncatingRemainder(dividingBy: 1))
                                }
                                let growth = GrowthAnalyzer.analyze(
                                    history(seconds: polls - 1, anon: value, active: { _ in 1 }), window: nil)
                                cases += 1
                                if growth.class != .stable {
                                    falsePositives.append(
                                        "\(name) \(polls) polls period \(period) s amplitude \(amplitude) MiB "
                                            + "baseline \(baseline) phase \(phase): \(growth.class)")
                                }
                            }
                        }
                    }
                }
            }
        }
        print(
            "GrowthAnalyzerTests: \(falsePositives.count) false positives in \(cases) periodic series without net growth"
        )
        XCTAssertEqual(falsePositives, [], "\(falsePositives.count) of \(cases)")
    }

    /// A steady 0.5 MiB/s leak (2 MiB chunks every 4 s, ±0.5 MiB of jitter from other allocations) at 1 s polling
    /// must be anon-driven within 60 s, in a 300 s window that holds only what was polled so far.
    func testSlowLeakIsAnonDrivenWithinAMinute() {
        let jitter = { (t: Double) in 0.5 * sin(t * 2.3) }
        let leak = history(seconds: 120, anon: { 200 + 2 * ($0 / 4).rounded(.down) + jitter($0) }, active: { _ in 30 })
        let firstAnonDriven = (3...120).first { seconds in
            GrowthAnalyzer.analyze(Array(leak.prefix(seconds + 1)), window: 300).class == .anonDriven
        }
        print(
            "GrowthAnalyzerTests: a 0.5 MiB/s leak is anon-driven after \(firstAnonDriven.map(String.init) ?? "never") s"
        )
        XCTAssertLessThanOrEqual(try XCTUnwrap(firstAnonDriven), 60)
        XCTAssertEqual(verdict(leak, window: 300), .anonDriven, "and stays so")

        // The same leak starting after 240 flat seconds: the bend costs time (README quotes this figure).
        let late = history(
            seconds: 600, anon: { 200 + 2 * (max(0, $0 - 240) / 4).rounded(.down) + jitter($0) }, active: { _ in 30 })
        let lateAnonDriven = (241...600).first { seconds in
            GrowthAnalyzer.analyze(Array(late.prefix(seconds + 1)), window: 300).class == .anonDriven
        }
        print(
            "GrowthAnalyzerTests: after 240 flat seconds, a 0.5 MiB/s leak is anon-driven \(lateAnonDriven.map { String($0 - 240) } ?? "never") s after it starts"
        )
        XCTAssertLessThanOrEqual(try XCTUnwrap(lateAnonDriven) - 240, 150)
    }

    /// Flat at 100 MiB, up to 970 MiB, reclaimed to 152 MiB: 160 polls, so each of the 16 buckets holds 10 equal
    /// samples and the bucket means are the series' own values.
    func testRiseThenReclaimStatesNetAndPeak() throws {
        let level = { (t: Double) -> Double in t < 60 ? 100 : t < 80 ? 970 : t < 120 ? 500 : 152 }
        let h = history(seconds: 159, anon: { _ in 40 }, active: { level($0) - 40 }, inactive: { _ in 10 })
        let growth = GrowthAnalyzer.analyze(h, window: nil)
        XCTAssertEqual(try XCTUnwrap(growth.netBytes), 52 * Self.mib, accuracy: 1)
        XCTAssertEqual(try XCTUnwrap(growth.peakBytes), 870 * Self.mib, accuracy: 1)
        XCTAssertEqual(try XCTUnwrap(growth.peakTime), 1064.5, accuracy: 1e-9, "the mean time of polls 60…69")
        var stat = MemoryStat()
        (stat.rssBytes, stat.activeFileBytes, stat.inactiveFileBytes, stat.shmemBytes) = (
            40 << 20, 112 << 20, 10 << 20, 0
        )
        let snapshot = SnapshotGrowth(growth, summary: nil)
        XCTAssertEqual(snapshot.netBytes, 52 << 20)
        XCTAssertEqual(snapshot.peakBytes, 870 << 20)
        XCTAssertEqual(snapshot.peakAt, "1970-01-01T00:17:44Z")
        let sentence = VerdictSentence.describe(
            growth: growth, memory: MemoryFigures(MemoryCounters(usageBytes: 162 << 20, stat: stat)))
        XCTAssertTrue(
            sentence.contains("+52.0 MiB net (peak +870 MiB at 00:17:44 UTC, since freed or reclaimed)"), sentence)
    }

    /// Growth without cache that neither rss nor shmem (which cannot have grown by more than it holds) explains.
    func testGrowthOutsideAnonAndShmemIsCalledKernelMemory() {
        var h = history(seconds: 60, anon: { _ in 300 }, active: { _ in 50 })
        var kernelGrowth = RingBuffer<HistoryPoint>(capacity: 100)
        for point in h {
            kernelGrowth.append(
                HistoryPoint(
                    time: point.time, usageBytes: point.usageBytes.map { $0 + UInt64((point.time - 1000) * Self.mib) },
                    rssBytes: point.rssBytes, activeFileBytes: point.activeFileBytes,
                    inactiveFileBytes: point.inactiveFileBytes))
        }
        h = kernelGrowth
        let growth = GrowthAnalyzer.analyze(h, window: nil)
        XCTAssertEqual(growth.class, .anonDriven)
        var stat = MemoryStat()
        (stat.rssBytes, stat.shmemBytes) = (300 << 20, 2 << 20)
        let sentence = VerdictSentence.describe(
            growth: growth, memory: MemoryFigures(MemoryCounters(stat: stat)))
        XCTAssertTrue(
            sentence.contains("is kernel memory (slab: dentries, inodes, sockets): neither page cache nor a heap leak"),
            sentence)
        XCTAssertFalse(sentence.contains("leak looks like"), sentence)
        stat.shmemBytes = 50 << 20
        let withShmem = VerdictSentence.describe(
            growth: growth, memory: MemoryFigures(MemoryCounters(stat: stat)))
        XCTAssertTrue(
            withShmem.contains("This is what a leak looks like."), "shmem could explain most of it: \(withShmem)")
    }

    func testTooFewSamplesIsUnknown() {
        XCTAssertEqual(verdict(history(seconds: 1, anon: { 100 + 100 * $0 }, active: { _ in 1 })), .unknown)
        XCTAssertEqual(GrowthAnalyzer.analyze(nil as RingBuffer<HistoryPoint>?, window: nil).class, .unknown)
    }

    func testWindowLimitsWhatIsConsidered() {
        // Grew early, flat for the last 60 s.
        let h = history(seconds: 300, anon: { 100 + min($0, 200) }, active: { _ in 10 })
        XCTAssertEqual(verdict(h, window: nil), .anonDriven)
        XCTAssertEqual(verdict(h, window: 60), .stable)
        XCTAssertEqual(GrowthAnalyzer.analyze(h, window: 60).windowSeconds, 60, accuracy: 1e-9)
    }

    func testGapsAreSkippedNotZeroes() {
        var buffer = history(seconds: 30, anon: { 100 + $0 }, active: { _ in 10 })
        buffer.append(HistoryPoint(time: 1031, counters: MemoryCounters()))
        let growth = GrowthAnalyzer.analyze(buffer, window: nil)
        XCTAssertEqual(growth.class, .anonDriven)
        XCTAssertEqual(growth.rssBytesPerSecond!, Self.mib, accuracy: 0.01 * Self.mib)
    }

    func testTheilSenIgnoresOutliers() {
        let times = (0..<20).map(Double.init)
        var values = times.map { 2 * $0 + 1 }
        values[5] = 1000
        values[12] = -500
        XCTAssertEqual(RobustSlope.theilSen(times: times, values: values)!, 2, accuracy: 1e-9)
        XCTAssertNil(RobustSlope.theilSen(times: [1], values: [1]))
    }

    /// 400 noisy polls: the working set's slope comes from 16 bucket means (120 pairs), not from all 79 800 pairs,
    /// so it equals Theil–Sen of the means and differs (slightly) from the median over every pair.
    func testLongSeriesAreReducedToBoundedWork() throws {
        var state: UInt64 = 1  // a fixed LCG: the same noise every run
        let noise = (0..<400).map { _ -> Double in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 40) / Double(1 << 24) * 50
        }
        let h = history(seconds: 399, anon: { 3 * $0 + noise[Int($0)] }, active: { _ in 0 }, inactive: { _ in 0 })
        let growth = GrowthAnalyzer.analyze(h, window: nil)
        let times = h.map(\.time)
        let values = h.map { Double($0.workingSetBytes!) }
        let buckets = RobustSlope.maximumPoints
        let bucketTimes = (0..<buckets).map { b in times[(b * 25)..<(b * 25 + 25)].reduce(0, +) / 25 }
        let bucketValues = (0..<buckets).map { b in values[(b * 25)..<(b * 25 + 25)].reduce(0, +) / 25 }
        let slope = try XCTUnwrap(growth.workingSetBytesPerSecond)
        XCTAssertEqual(
            slope, try XCTUnwrap(RobustSlope.theilSen(times: bucketTimes, values: bucketValues)), accuracy: 1e-6)
        var everyPair: [Double] = []
        for i in times.indices {
            for j in (i + 1)..<times.count { everyPair.append((values[j] - values[i]) / (times[j] - times[i])) }
        }
        XCTAssertNotEqual(slope, RobustSlope.median(&everyPair)!, accuracy: 1e-3, "the series was reduced first")
        XCTAssertEqual(slope, 3 * Self.mib, accuracy: 0.1 * Self.mib)
    }
}
