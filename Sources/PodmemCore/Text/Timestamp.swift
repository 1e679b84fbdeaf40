import Glibc

/// Unix seconds to the text forms podmem writes.
public enum Timestamp {
    /// `2026-11-29T11:35:37Z` (UTC, whole seconds); `-` for a time no calendar holds (NaN, ±1e300).
    public static func iso8601(_ unixSeconds: Double) -> String {
        guard let parts = utcParts(unixSeconds) else { return "-" }
        return
            "\(parts.year)-\(pad(parts.month))-\(pad(parts.day))T\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))Z"
    }

    /// `20261129-113537` for file names.
    public static func compact(_ unixSeconds: Double) -> String {
        guard let parts = utcParts(unixSeconds) else { return "-" }
        return
            "\(parts.year)\(pad(parts.month))\(pad(parts.day))-\(pad(parts.hour))\(pad(parts.minute))\(pad(parts.second))"
    }

    public static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    private static func utcParts(_ unixSeconds: Double) -> (
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    )? {
        // Within ±31 000 years, where time_t and a 32-bit tm_year both hold it.
        guard abs(unixSeconds) < 1e12 else { return nil }
        var seconds = time_t(unixSeconds.rounded(.down))
        var broken = tm()
        guard gmtime_r(&seconds, &broken) != nil else { return nil }
        return (
            Int(broken.tm_year) + 1900, Int(broken.tm_mon) + 1, Int(broken.tm_mday),
            Int(broken.tm_hour), Int(broken.tm_min), Int(broken.tm_sec)
        )
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
