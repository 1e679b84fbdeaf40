/// Decides whether a working set grows, and whether page cache or anon memory drives it.
///
/// Over the window, each series' slope is estimated with Theil–Sen and turned into a change
/// `Δ = slope × span`. The working set splits exactly into `ΔWS = Δactive_file + ΔWSnoCache`
/// (when nothing is clamped), so growth is attributed with that split, no weights invented:
/// - significance `θ = max(4 MiB, 1% of the median working set)`: above v1's per-CPU batching and
///   `memory.stat` flush lag, and fair to a 30 MiB sidecar and a 30 GiB database alike;
/// - growing when `ΔWS > θ` or `ΔWSnoCache > θ` (anon growth that evicts cache still counts);
///   then cache-driven when active_file is ≥ 70% of the growing parts, anon-driven when ≤ 30%, else mixed;
/// - shrinking when `ΔWS < −θ`; stable otherwise; unknown with fewer than 3 samples or no time span.
public enum GrowthAnalyzer {
    public static let minimumSamples = 3
    public static let absoluteThresholdBytes: Double = 4 * 1024 * 1024
    public static let relativeThreshold = 0.01
    public static let dominantShare = 0.7

    /// `window`: seconds back from the newest point to consider; nil means every point held.
    public static func analyze<Points: RandomAccessCollection>(_ history: Points?, window: Double?) -> Growth
        where Points.Element == HistoryPoint, Points.Index == Int {
        guard let history, let newest = history.last else { return .unknown }
        let start = window.map { newest.time - $0 - 1e-9 } ?? -Double.infinity
        var first = history.count - 1
        while first > 0 && history[first - 1].time >= start { first -= 1 }
        let count = history.count - first
        let span = newest.time - history[first].time
        guard count >= minimumSamples, span > 0 else {
            var growth = Growth.unknown
            growth.sampleCount = count
            growth.windowSeconds = max(0, span)
            return growth
        }

        // One pass over the window into at most 16 buckets per series (mean time and value of the points
        // present), then Theil–Sen on the bucket means. Series: ws, wsNoCache, usage, rss, active, inactive.
        let buckets = min(count, RobustSlope.maximumPoints)
        var timeSums = [Double](repeating: 0, count: buckets * 6)
        var valueSums = [Double](repeating: 0, count: buckets * 6)
        var counts = [Int](repeating: 0, count: buckets * 6)
        for offset in 0..<count {
            let point = history[first + offset]
            let bucket = offset * buckets / count
            func add(_ series: Int, _ value: UInt64?) {
                guard let value else { return }
                timeSums[series * buckets + bucket] += point.time
                valueSums[series * buckets + bucket] += Double(value)
                counts[series * buckets + bucket] += 1
            }
            add(0, point.workingSetBytes)
            add(1, point.workingSetNoCacheBytes)
            add(2, point.usageBytes)
            add(3, point.rssBytes)
            add(4, point.activeFileBytes)
            add(5, point.inactiveFileBytes)
        }
        var times: [Double] = []
        var values: [Double] = []
        times.reserveCapacity(buckets)
        values.reserveCapacity(buckets)
        func slope(_ series: Int) -> Double? {
            times.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
            var samples = 0
            for bucket in 0..<buckets where counts[series * buckets + bucket] > 0 {
                let n = Double(counts[series * buckets + bucket])
                times.append(timeSums[series * buckets + bucket] / n)
                values.append(valueSums[series * buckets + bucket] / n)
                samples += counts[series * buckets + bucket]
            }
            return samples >= minimumSamples ? RobustSlope.theilSen(times: times, values: values) : nil
        }

        var growth = Growth(growthClass: .unknown, windowSeconds: span, sampleCount: count, thresholdBytes: absoluteThresholdBytes)
        growth.workingSetBytesPerSecond = slope(0)
        // `values` still holds the working-set bucket means: their median sets the relative part of the threshold.
        let typicalWorkingSet = RobustSlope.median(&values) ?? 0
        growth.thresholdBytes = max(absoluteThresholdBytes, relativeThreshold * typicalWorkingSet)
        growth.workingSetNoCacheBytesPerSecond = slope(1)
        growth.usageBytesPerSecond = slope(2)
        growth.rssBytesPerSecond = slope(3)
        growth.activeFileBytesPerSecond = slope(4)
        growth.inactiveFileBytesPerSecond = slope(5)
        growth.growthClass = classify(growth, span: span, threshold: growth.thresholdBytes)
        return growth
    }

    static func classify(_ growth: Growth, span: Double, threshold: Double) -> GrowthClass {
        guard let workingSetRate = growth.workingSetBytesPerSecond else { return .unknown }
        let workingSetChange = workingSetRate * span
        let noCacheChange = (growth.workingSetNoCacheBytesPerSecond ?? 0) * span
        if workingSetChange > threshold || noCacheChange > threshold {
            guard let cacheShare = growth.cacheShareOfGrowth else { return .mixed }
            if cacheShare >= dominantShare { return .cacheDriven }
            if cacheShare <= 1 - dominantShare { return .anonDriven }
            return .mixed
        }
        return workingSetChange < -threshold ? .shrinking : .stable
    }
}
