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
    public static func analyze(_ history: RingBuffer<HistoryPoint>?, window: Double?) -> Growth {
        guard let history, let newest = history.last else { return .unknown }
        let start = window.map { newest.time - $0 } ?? -Double.infinity
        let points = history.elements.filter { $0.time >= start - 1e-9 }
        guard points.count >= minimumSamples, let first = points.first, newest.time > first.time else {
            var growth = Growth.unknown
            growth.sampleCount = points.count
            growth.windowSeconds = max(0, newest.time - (points.first?.time ?? newest.time))
            return growth
        }
        let span = newest.time - first.time

        func slope(_ value: (HistoryPoint) -> UInt64?) -> Double? {
            var times: [Double] = []
            var values: [Double] = []
            for point in points {
                if let v = value(point) {
                    times.append(point.time)
                    values.append(Double(v))
                }
            }
            return times.count >= minimumSamples ? RobustSlope.theilSen(times: times, values: values) : nil
        }

        var workingSets = points.compactMap(\.workingSetBytes).map { Double($0) }
        let typicalWorkingSet = RobustSlope.median(&workingSets) ?? 0
        let threshold = max(absoluteThresholdBytes, relativeThreshold * typicalWorkingSet)
        var growth = Growth(growthClass: .unknown, windowSeconds: span, sampleCount: points.count, thresholdBytes: threshold)
        growth.usageBytesPerSecond = slope(\.usageBytes)
        growth.workingSetBytesPerSecond = slope(\.workingSetBytes)
        growth.workingSetNoCacheBytesPerSecond = slope(\.workingSetNoCacheBytes)
        growth.rssBytesPerSecond = slope(\.rssBytes)
        growth.activeFileBytesPerSecond = slope(\.activeFileBytes)
        growth.inactiveFileBytesPerSecond = slope(\.inactiveFileBytes)
        growth.growthClass = classify(growth, span: span, threshold: threshold)
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
