/// Byte-level number parsing for kernel files: no String round-trips on the hot path.
public enum ByteParsing {
    /// 2^56 bytes (64 PiB): no cgroup counter on a real machine comes near it, so a larger
    /// value in a usage or stat file is corruption. Limits are judged separately.
    public static let plausibleMaximum: UInt64 = 1 << 56

    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let colon = UInt8(ascii: ":")
    static let minus = UInt8(ascii: "-")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")

    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == newline || byte == UInt8(ascii: "\r")
    }

    /// Parses an unsigned decimal in `bytes[start..<end]` (already trimmed).
    @inline(__always)
    static func unsigned(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Result<UInt64, ValueProblem>
    {
        if start >= end { return .failure(.empty) }
        if bytes[start] == minus { return .failure(.negative) }
        var value: UInt64 = 0
        var index = start
        while index < end {
            let byte = bytes[index]
            guard byte >= zero && byte <= nine else { return .failure(.notANumber) }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte - zero))
            if overflow1 || overflow2 { return .failure(.implausible) }
            value = sum
            index += 1
        }
        return .success(value)
    }

    /// A file holding one number (`memory.current`, `memory.usage_in_bytes`, `memory.failcnt`).
    public static func singleValue(_ buffer: [UInt8], count: Int) -> Result<UInt64, ValueProblem> {
        buffer.withUnsafeBufferPointer { bytes in
            let (start, end) = trimmed(bytes, count)
            switch unsigned(bytes, start, end) {
            case .success(let value) where value > plausibleMaximum: return .failure(.implausible)
            case let other: return other
            }
        }
    }

    /// A limit file: v2 `max` or v1 any value above 2^62 (kubelet's rule) mean unlimited.
    public static func limit(_ buffer: [UInt8], count: Int) -> Result<MemoryLimit, ValueProblem> {
        buffer.withUnsafeBufferPointer { bytes in
            let (start, end) = trimmed(bytes, count)
            if end - start == 3 && bytes[start] == UInt8(ascii: "m") && bytes[start + 1] == UInt8(ascii: "a")
                && bytes[start + 2] == UInt8(ascii: "x")
            {
                return .success(.unlimited)
            }
            return unsigned(bytes, start, end).map { $0 > MemoryLimit.unlimitedAbove ? .unlimited : .bytes($0) }
        }
    }

    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ count: Int) -> (Int, Int) {
        var start = 0
        var end = count
        while start < end && isBlank(bytes[start]) { start += 1 }
        while end > start && isBlank(bytes[end - 1]) { end -= 1 }
        return (start, end)
    }

    /// A decimal such as `12.34` in PSI lines; nil when malformed. Digits are accumulated as an integer
    /// and divided once, so `0.75` parses to exactly the nearest double.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var mantissa: UInt64 = 0
        var divisor: Double = 1
        var seenDot = false
        var digits = 0
        for index in start..<max(start, end) {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") && !seenDot {
                seenDot = true
            } else if byte >= zero && byte <= nine && digits < 18 {
                digits += 1
                mantissa = mantissa * 10 + UInt64(byte - zero)
                if seenDot { divisor *= 10 }
            } else {
                return nil
            }
        }
        return digits > 0 ? Double(mantissa) / divisor : nil
    }
}
