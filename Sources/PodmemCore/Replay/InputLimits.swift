/// What a recording or snapshot may contain: far beyond any real node, narrow enough that no later arithmetic
/// (time buckets, rates, sums of a few figures, conversions to integers) can overflow or trap.
public enum InputLimits {
    /// Unix seconds from 1970 to 2200-01-01T00:00:00Z.
    public static let unixSeconds = 0.0...7_258_118_400.0
    /// A poll interval: 1 ms up to one day.
    public static let intervalSeconds = 0.001...86_400.0
    /// A byte count or event counter (the live reader already refuses values above 2^56).
    public static let maximumCount: UInt64 = 1 << 60
    /// A limit: what the live reader keeps as a number (above, v1's "no limit" values are unlimited).
    public static let maximumLimitBytes = MemoryLimit.unlimitedAbove
    /// A derived rate: a count up to 2^60 changing within 1 ms.
    public static let maximumRate = 0x1p70
    /// PSI averages are percentages.
    public static let pressurePercent = 0.0...100.0
    /// Snapshots are read whole; a day of live history at 2000 pods is tens of MB.
    public static let maximumSnapshotBytes = 256 << 20

    /// Why `seconds` is not a plausible time, or nil.
    static func timeProblem(_ seconds: Double) -> String? {
        unixSeconds.contains(seconds) ? nil : "\(seconds) is not a time between 1970 and 2200"
    }

    static func intervalProblem(_ seconds: Double) -> String? {
        intervalSeconds.contains(seconds) ? nil : "\(seconds) is outside 0.001…86400 s"
    }

    static func countProblem(_ value: UInt64) -> String? {
        value <= maximumCount ? nil : "\(value) is above 2^60"
    }

    static func limitProblem(_ value: UInt64) -> String? {
        value <= maximumLimitBytes ? nil : "limit \(value) is above 2^62"
    }
}
