/// Human-readable sizes in binary units, as top and htop print them.
public enum ByteFormat {
    static let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]

    /// `512 B`, `1.5 KiB`, `12.3 MiB`, `1.02 GiB`; `-` when unknown.
    public static func human(_ bytes: UInt64?) -> String {
        guard let bytes else { return "-" }
        return human(Double(bytes))
    }

    public static func human(_ bytes: Double) -> String {
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
        guard let bytesPerSecond else { return "-" }
        let text = human(bytesPerSecond)
        return (bytesPerSecond > 0 ? "+" : "") + text + "/s"
    }

    /// `37%`; `-` when unknown.
    public static func percent(_ fraction: Double?) -> String {
        guard let fraction, fraction.isFinite else { return "-" }
        return "\(Int((fraction * 100).rounded()))%"
    }

    /// Fixed-point formatting without Foundation.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded())
        let whole = scaled / Int64(scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return "\(sign)\(whole)" }
        var fraction = String(scaled % Int64(scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        return "\(sign)\(whole).\(fraction)"
    }
}
