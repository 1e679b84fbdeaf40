/// Stable fake identifiers for the demo node: pod UIDs, container IDs, inodes.
enum DemoIdentifiers {
    /// SplitMix64: a well-mixed, deterministic hash.
    static func mix(_ seed: UInt64) -> UInt64 {
        var z = seed &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text.suffix(digits)
    }

    static func uid(_ pod: Int) -> String {
        let a = mix(UInt64(pod) &+ 1000)
        let b = mix(a)
        let h = hex(a, digits: 16) + hex(b, digits: 16)
        let c = Array(h)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-"
            + String(c[20..<32])
    }

    static func containerID(pod: Int, container: Int, epoch: Int) -> String {
        var seed = mix(UInt64(pod) << 32 ^ UInt64(bitPattern: Int64(container)) << 16 ^ UInt64(epoch))
        var text = ""
        for _ in 0..<4 {
            seed = mix(seed)
            text += hex(seed, digits: 16)
        }
        return text
    }

    static func inode(_ path: String) -> UInt64 {
        path.utf8.reduce(UInt64(1_469_598_103_934_665_603)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 } % 1_000_000_000
            + 1000
    }
}
