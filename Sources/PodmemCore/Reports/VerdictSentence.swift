/// One or two sentences that state a verdict in words, for the detail view, reports and the JSON's
/// `growth.summary`, from what happened over the window (net change and peak of the bucket means, see
/// `Growth.netBytes`), the trend (the Theil–Sen slope the verdict is judged on) and the split of that trend, e.g.
/// "working set +52.0 MiB net in 5 min (peak +870 MiB at 14:02:10 UTC, since reclaimed), trend +10.4 MiB/min;
/// 95% of the rise was active page cache: reclaimable, not a leak."
public enum VerdictSentence {
    /// Share of the growth without cache that has to be outside anon and shmem for the sentence to call it
    /// kernel memory.
    static let kernelShare = 0.7

    /// `cacheFiles`: the pod's largest cached files, when scanned; a cache-driven verdict then names the top one.
    public static func describe(growth: Growth, memory: MemoryFigures, cacheFiles: [CacheFileEntry]? = nil)
        -> String
    {
        let span = duration(growth.windowSeconds)
        let trend = rate(growth.workingSetBytesPerSecond, span: growth.windowSeconds)
        let cacheShare = growth.cacheShareOfGrowth
        switch growth.class {
        case .cacheDriven:
            return "working set \(happened(growth, span: span, fell: "since reclaimed")), trend \(trend);"
                + " \(ByteFormat.percent(cacheShare)) of the rise was active page cache\(CacheFileSentence.mostly(cacheFiles, memory: memory)):"
                + " reclaimable, not a leak."
                + " The kernel drops it under pressure; cAdvisor and kubelet still count it."
        case .anonDriven:
            let noCacheNet = growth.noCacheNetBytes.map { signed($0) + " net" } ?? "grew"
            var text =
                "memory that page cache does not explain (anon, shmem/tmpfs, kernel) \(noCacheNet) in \(span),"
                + " trend \(rate(growth.workingSetNoCacheBytesPerSecond, span: growth.windowSeconds));"
                + " working set \(happened(growth, span: nil, fell: "since freed or reclaimed"))."
            if let kernel = kernelShare(growth, memory: memory), kernel >= kernelShare {
                let share = kernel >= 0.995 ? "It" : "At least \(ByteFormat.percent(kernel)) of it"
                text +=
                    " \(share) is kernel memory (slab: dentries, inodes, sockets): neither page cache nor a heap leak."
            } else {
                text += " This is what a leak looks like."
            }
            if let eta = timeToLimit(growth: growth, memory: memory) {
                text += " At this trend the limit is reached in \(eta)."
            }
            return text
        case .mixed:
            let split =
                cacheShare.map {
                    "\(ByteFormat.percent($0)) active page cache, \(ByteFormat.percent(1 - $0)) anon/shmem/kernel"
                } ?? "no split: neither active page cache nor the rest has a rising trend of its own"
            return "working set \(happened(growth, span: span, fell: "since freed or reclaimed")), trend \(trend):"
                + " \(split). Watch the part without cache."
        case .stable:
            return "working set without a trend over \(span) (none beyond ±\(ByteFormat.human(growth.thresholdBytes)),"
                + " the floor or its own swings): \(happened(growth, span: nil, fell: "since freed or reclaimed"))."
        case .shrinking:
            return
                "working set \(happened(growth, span: span, fell: nil)), trend \(trend): memory released or cache reclaimed."
        case .unknown:
            return "not enough samples yet (\(growth.sampleCount) of \(GrowthAnalyzer.minimumSamples)) to judge growth."
        }
    }

    /// "+52.0 MiB net in 5 min (peak +870 MiB at 14:02:10 UTC, since reclaimed)": the peak only when it rose above
    /// the start and stands out from where the window ended, each by more than the 4 MiB floor.
    static func happened(_ growth: Growth, span: String?, fell: String?) -> String {
        guard let net = growth.netBytes else { return "change unknown" }
        var text = signed(net) + " net" + (span.map { " in \($0)" } ?? "")
        let floor = GrowthAnalyzer.absoluteThresholdBytes
        if let peak = growth.peakBytes, let peakTime = growth.peakTime, peak > floor, peak - net > floor {
            text += " (peak \(signed(peak)) at \(clock(peakTime))" + (fell.map { ", \($0)" } ?? "") + ")"
        }
        return text
    }

    /// A lower bound on the share of the growth without cache that is kernel memory: what neither anon (rss)
    /// grew nor shmem could have grown (shmem cannot have risen by more than it holds now). Nil when unknowable.
    static func kernelShare(_ growth: Growth, memory: MemoryFigures) -> Double? {
        guard let noCacheRate = growth.workingSetNoCacheBytesPerSecond, noCacheRate > 0,
            let rssRate = growth.rssBytesPerSecond, let shmem = memory[.shmem]
        else { return nil }
        let noCache = noCacheRate * growth.windowSeconds
        let outside = noCache - max(0, rssRate * growth.windowSeconds) - Double(shmem)
        return max(0, outside) / noCache
    }

    /// Time until the working set reaches the limit at the current rate of memory without cache.
    static func timeToLimit(growth: Growth, memory: MemoryFigures) -> String? {
        guard let limit = memory[.limit], let workingSet = memory[.workingSet],
            let rate = growth.workingSetNoCacheBytesPerSecond, rate > 0, limit > workingSet
        else { return nil }
        return duration(Double(limit - workingSet) / rate)
    }

    /// `+52.0 MiB`, `-3.10 GiB`, `+0 B`.
    static func signed(_ bytes: Double) -> String {
        (bytes < 0 ? "-" : "+") + ByteFormat.human(abs(bytes))
    }

    /// A slope in the unit that suits the window: per second under 90 s, per minute under 90 min, else per hour.
    static func rate(_ bytesPerSecond: Double?, span seconds: Double) -> String {
        guard let bytesPerSecond else { return "unknown" }
        if seconds < 90 { return signed(bytesPerSecond) + "/s" }
        if seconds < 5400 { return signed(bytesPerSecond * 60) + "/min" }
        return signed(bytesPerSecond * 3600) + "/h"
    }

    /// `14:02:10 UTC` (the ISO 8601 time of day); the whole timestamp when it is not of that form.
    static func clock(_ time: Double) -> String {
        let timestamp = Timestamp.iso8601(time)
        let parts = timestamp.split(separator: "T")
        guard parts.count == 2, parts[1].hasSuffix("Z") else { return timestamp }
        return parts[1].dropLast() + " UTC"
    }

    /// `45 s`, `5 min`, `2.5 h`, `3.1 d`; `-` when not finite.
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "-" }
        if seconds < 90 { return "\(Int(saturating: seconds.rounded())) s" }
        if seconds < 5400 { return "\(Int((seconds / 60).rounded())) min" }
        if seconds < 172_800 { return ByteFormat.fixed(seconds / 3600, decimals: 1) + " h" }
        return ByteFormat.fixed(seconds / 86400, decimals: 1) + " d"
    }
}
