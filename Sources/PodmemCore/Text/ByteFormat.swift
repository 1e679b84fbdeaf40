import Glibc

/// Human-readable sizes in binary units, as top and htop print them.
public enum ByteFormat {
    static let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]

    /// `512 B`, `1.5 KiB`, `12.3 MiB`, `1.02 GiB`; `-` when unknown.
    public static func human(_ bytes: UInt64?) -> String {
        guard let bytes else { return "-" }
        return human(Double(bytes))
    }

    /// `-` when not finite; beyond PiB the number grows (`8.88e284 PiB`), it never traps.
    public static func human(_ bytes: Double) -> String {
        guard bytes.isFinite else { return "-" }
        var value = abs(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let sign = bytes < 0 ? "-" : ""
        if unit == 0 { return "\(sign)\(Int(value)) B" }
        return sign + fixed(value, decimals: value < 10 ? 2 : value < 100 ? 1 : 0) + " " + units[unit]
    }

    /// `+8.0 MiB/s`, `-512 KiB/s`, `0 B/s`.
    public static func rate(_ bytesPerSecond: Double?) -> String {
        guard let bytesPerSecond, bytesPerSecond.isFinite else { return "-" }
        let text = human(bytesPerSecond)
        return (bytesPerSecond > 0 ? "+" : "") + text + "/s"
    }

    /// `37%`; `-` when unknown; `>999999%` beyond (a limit of a few bytes under a large usage).
    public static func percent(_ fraction: Double?) -> String {
        guard let fraction, fraction.isFinite else { return "-" }
        let percent = (fraction * 100).rounded()
        if percent > 999_999 { return ">999999%" }
        if percent < -999_999 { return "<-999999%" }
        return "\(Int(percent))%"
    }

    /// Fixed-point formatting without Foundation; `-` when not finite, `8.88e284` from 10^15 on (past exact integers).
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        guard abs(value) * scale < 1e15 else { return scientific(value) }
        let scaled = Int64((abs(value) * scale).rounded())
        let whole = scaled / Int64(scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return "\(sign)\(whole)" }
        var fraction = String(scaled % Int64(scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        return "\(sign)\(whole).\(fraction)"
    }

    /// `8.88e284`: three significant digits and the power of ten.
    static func scientific(_ value: Double) -> String {
        var exponent = Int(log10(abs(value)).rounded(.down))
        var mantissa = abs(value) / pow(10, Double(exponent))
        if (mantissa * 100).rounded() >= 1000 {
            exponent += 1
            mantissa /= 10
        }
        return (value < 0 ? "-" : "") + fixed(mantissa, decimals: 2) + "e\(exponent)"
    }
}
