import XCTest
@testable import PodmemCore

/// Verdicts over synthetic series shaped like real ones, for a small sidecar and a large database.
final class GrowthAnalyzerTests: XCTestCase {
    static let mib = 1024.0 * 1024.0

    /// Builds a history from per-second functions (MiB) of anon (incl. shmem), active and inactive file.
    func history(seconds: Int, interval: Double = 1, anon: (Double) -> Double, active: (Double) -> Double,
                 inactive: (Double) -> Double = { _ in 10 }) -> RingBuffer<HistoryPoint> {
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
        GrowthAnalyzer.analyze(history, window: window).growthClass
    }

    func testCacheDrivenLogWriter() {
        let h = history(seconds: 60, anon: { _ in 200 }, active: { 100 + 0.5 * $0 })
        XCTAssertEqual(verdict(h), .cacheDriven)
        XCTAssertEqual(GrowthAnalyzer.analyze(h, window: nil).activeFileBytesPerSecond!, 0.5 * Self.mib, accuracy: 0.01 * Self.mib)
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
        XCTAssertEqual(verdict(history(seconds: 300, anon: { 20 * gib + 100 * $0 / 300 }, active: { _ in 10 * gib })), .stable)
        XCTAssertEqual(verdict(history(seconds: 300, anon: { 20 * gib + 1024 * $0 / 300 }, active: { _ in 10 * gib })), .anonDriven)
    }

    func testOneOutlierDoesNotFlipTheVerdict() {
        let h = history(seconds: 60, anon: { $0 == 30 ? 900 : 200 }, active: { _ in 50 })
        XCTAssertEqual(verdict(h), .stable)
    }

    func testGCSawtoothAroundAFlatLineIsStable() {
        let h = history(seconds: 120, anon: { 400 + 30 * ($0.truncatingRemainder(dividingBy: 10) / 10) }, active: { _ in 50 })
        XCTAssertEqual(verdict(h), .stable)
    }

    func testTooFewSamplesIsUnknown() {
        XCTAssertEqual(verdict(history(seconds: 1, anon: { 100 + 100 * $0 }, active: { _ in 1 })), .unknown)
        XCTAssertEqual(GrowthAnalyzer.analyze(nil as RingBuffer<HistoryPoint>?, window: nil).growthClass, .unknown)
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
        XCTAssertEqual(growth.growthClass, .anonDriven)
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

    func testLongSeriesAreReducedToBoundedWork() {
        let times = (0..<3600).map(Double.init)
        let values = times.map { 3 * $0 }
        XCTAssertEqual(RobustSlope.theilSen(times: times, values: values)!, 3, accuracy: 1e-6)
    }
}
