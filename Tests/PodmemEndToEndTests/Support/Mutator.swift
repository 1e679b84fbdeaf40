/// Damages bytes the ways files get damaged and crafted: flipped bits, cut tails, deleted or repeated ranges, random
/// bytes, and numbers swapped for hostile spellings (huge, negative, NaN/Inf, overflowing, empty).
struct Mutator {
    static let hostileNumbers = [
        "0", "-1", "-0", "1", "18446744073709551615", "18446744073709551616", "9223372036854775807",
        "9223372036854775808",
        "1152921504606846977", "72057594037927937", "99999999999999999999999", "1e300", "-1e300", "1e-300", "1e19",
        "1e999",
        "NaN", "nan", "inf", "-inf", "Infinity", "0.0001", "4294967296", "2147483647", "100.01", "", "0x10", "1.5e3",
    ]

    var random: SeededGenerator

    /// One to three mutations of `input`.
    mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...3, using: &random) { bytes = once(bytes) }
        return bytes
    }

    private mutating func once(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        guard !bytes.isEmpty else { return [UInt8.random(in: 0...255, using: &random)] }
        let at = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<10, using: &random) {
        case 0, 1:
            bytes[at] ^= 1 << UInt8.random(in: 0..<8, using: &random)
        case 2:
            bytes[at] = [0, 0xFF, 0x7F, 0x80, 0x0A, 0x20, 0x2D, 0x2E].randomElement(using: &random)!
        case 3:
            bytes.removeSubrange(at...)
        case 4:
            bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...32, using: &random)))
        case 5:
            let range = at..<min(bytes.count, at + Int.random(in: 1...64, using: &random))
            bytes.insert(contentsOf: bytes[range], at: range.upperBound)
        case 6:
            bytes.insert(
                contentsOf: (0..<Int.random(in: 1...16, using: &random)).map { _ in
                    UInt8.random(in: 0...255, using: &random)
                }, at: at)
        default:
            bytes = replaceNumber(bytes)
        }
        return bytes
    }

    /// The first run of digits (with its sign, point and exponent) from a random spot, replaced by a hostile
    /// spelling; inserted at that spot when none follows.
    private mutating func replaceNumber(_ bytes: [UInt8]) -> [UInt8] {
        let isNumeric = { (byte: UInt8) in
            (0x30...0x39).contains(byte) || byte == 0x2E || byte == 0x2D || byte == 0x65 || byte == 0x2B
        }
        let from = Int.random(in: 0..<bytes.count, using: &random)
        let replacement = Array(Self.hostileNumbers.randomElement(using: &random)!.utf8)
        var start = from
        while start < bytes.count && !(0x30...0x39).contains(bytes[start]) { start += 1 }
        while start > 0 && start < bytes.count && isNumeric(bytes[start - 1]) { start -= 1 }
        guard start < bytes.count else {
            var copy = bytes
            copy.insert(contentsOf: replacement, at: from)
            return copy
        }
        var end = start
        while end < bytes.count && isNumeric(bytes[end]) { end += 1 }
        var copy = bytes
        copy.replaceSubrange(start..<end, with: replacement)
        return copy
    }
}
