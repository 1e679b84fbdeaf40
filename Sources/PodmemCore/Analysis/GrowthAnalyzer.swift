/// Decides whether a working set grows, and whether page cache or anon memory drives it.
///
/// Over the window, each series' slope is estimated with Theil–Sen and turned into a change
/// `Δ = slope × span`. The working set splits exactly into `ΔWS = Δactive_file + ΔWSnoCache`
/// (when nothing is clamped), so growth is attributed with that split, no weights invented:
/// - significance `θ = max(4 MiB, 1% of the median working set)`: above v1's per-CPU batching and
///   `memory.stat` flush lag, and fair to a 30 MiB sidecar and a 30 GiB database alike;
/// - the series' own noise: a change counts only when it also exceeds `3 σ`, σ the standard deviation of the
///   samples around the fitted line. A sawtooth, square or sine with no net growth biases any slope over a
///   window holding a few of its periods by up to `≈ 2.3 σ` (a sweep of shapes, periods from 2 s to a third of the
///   window, 16 phases and 12–300 polls; GrowthAnalyzerTests sweeps the verdicts);
///   a steady leak has a small σ, so its verdict is as quick as before;
/// - growing when `ΔWS > max(θ, 3 σ_WS)` or `ΔWSnoCache > max(θ, 3 σ_WSnoCache)` (anon growth that evicts cache
///   still counts); then cache-driven when active_file is ≥ 70% of the growing parts, anon-driven when ≤ 30%,
///   else mixed;
/// - shrinking when `ΔWS < −max(θ, 3 σ_WS)`; stable otherwise; unknown with fewer than 3 samples or no time span.
public enum GrowthAnalyzer {
    public static let minimumSamples = 3
    public static let absoluteThresholdBytes: Double = 4 * 1024 * 1024
    public static let relativeThreshold = 0.01
    /// Multiple of the residual standard deviation a change must exceed.
    public static let noiseMultiple = 3.0
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
        // The two working sets also get the raw moments their residual spread needs.
        let buckets = min(count, RobustSlope.maximumPoints)
        var timeSums = [Double](repeating: 0, count: buckets * 6)
        var valueSums = [Double](repeating: 0, count: buckets * 6)
        var counts = [Int](repeating: 0, count: buckets * 6)
        var workingSetMoments = LineMoments(originTime: history[first].time)
        var noCacheMoments = LineMoments(originTime: history[first].time)
        for offset in 0..<count {
            let point = history[first + offset]
            let bucket = offset * buckets / count
            func add(_ series: Int, _ value: UInt64?) {
                guard let value else { return }
                timeSums[series * buckets + bucket] += point.time
                valueSums[series * buckets + bucket] += Double(value)
                counts[series * buckets + bucket] += 1
            }
            let workingSet = point.workingSetBytes
            let noCache = point.workingSetNoCacheBytes
            add(0, workingSet)
            add(1, noCache)
            add(2, point.usageBytes)
            add(3, point.rssBytes)
            add(4, point.activeFileBytes)
            add(5, point.inactiveFileBytes)
            if let workingSet { workingSetMoments.add(time: point.time, value: Double(workingSet)) }
            if let noCache { noCacheMoments.add(time: point.time, value: Double(noCache)) }
        }
        var times: [Double] = []
        var values: [Double] = []
        times.reserveCapacity(buckets)
        values.reserveCapacity(buckets)
        /// Fills `times` and `values` with the series' bucket means; the number of samples behind them.
        func means(_ series: Int) -> Int {
            times.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
            var samples = 0
            for bucket in 0..<buckets where counts[series * buckets + bucket] > 0 {
                let n = Double(counts[series * buckets + bucket])
                times.append(timeSums[series * buckets + bucket] / n)
                values.append(valueSums[series * buckets + bucket] / n)
                samples += counts[series * buckets + bucket]
            }
            return samples
        }
        func slope(_ series: Int) -> Double? {
            means(series) >= minimumSamples ? RobustSlope.theilSen(times: times, values: values) : nil
        }

        var growth = Growth(
            class: .unknown, windowSeconds: span, sampleCount: count, thresholdBytes: absoluteThresholdBytes)
        growth.workingSetNoCacheBytesPerSecond = slope(1)
        if let firstMean = values.first, let lastMean = values.last { growth.noCacheNetBytes = lastMean - firstMean }
        growth.workingSetBytesPerSecond = slope(0)
        if let firstMean = values.first, let lastMean = values.last,
            let peak = values.indices.max(by: { values[$0] < values[$1] })
        {
            growth.netBytes = lastMean - firstMean
            growth.peakBytes = values[peak] - firstMean
            growth.peakTime = times[peak]
        }
        // `values` still holds the working-set bucket means: their median sets the relative part of the threshold.
        let typicalWorkingSet = RobustSlope.median(&values) ?? 0
        let floor = max(absoluteThresholdBytes, relativeThreshold * typicalWorkingSet)
        growth.thresholdBytes = max(
            floor, noiseMultiple * workingSetMoments.residualDeviation(slope: growth.workingSetBytesPerSecond))
        growth.noCacheThresholdBytes = max(
            floor, noiseMultiple * noCacheMoments.residualDeviation(slope: growth.workingSetNoCacheBytesPerSecond))
        growth.usageBytesPerSecond = slope(2)
        growth.rssBytesPerSecond = slope(3)
        growth.activeFileBytesPerSecond = slope(4)
        growth.inactiveFileBytesPerSecond = slope(5)
        growth.class = classify(growth, span: span)
        return growth
    }

    static func classify(_ growth: Growth, span: Double) -> GrowthClass {
        guard let workingSetRate = growth.workingSetBytesPerSecond else { return .unknown }
        let workingSetChange = workingSetRate * span
        let noCacheChange = (growth.workingSetNoCacheBytesPerSecond ?? 0) * span
        if workingSetChange > growth.thresholdBytes || noCacheChange > growth.noCacheThresholdBytes {
            guard let cacheShare = growth.cacheShareOfGrowth else { return .mixed }
            if cacheShare >= dominantShare { return .cacheDriven }
            if cacheShare <= 1 - dominantShare { return .anonDriven }
            return .mixed
        }
        return workingSetChange < -growth.thresholdBytes ? .shrinking : .stable
    }
}
