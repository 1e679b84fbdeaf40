/// Deterministic pod UIDs and container IDs, so every run (and every layout) reads the same tree shape.
enum TreeIdentifiers {
    /// SplitMix64: well mixed, so names spread across hash buckets and directory blocks like real ones.
    static func mix(_ seed: UInt64) -> UInt64 {
        var z = seed &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func hex(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, as kubelet's pod UIDs.
    static func podUID(_ pod: Int) -> String {
        let first = mix(UInt64(pod) << 8 | 1)
        let digits = Array(hex(first) + hex(mix(first)))
        return [digits[0..<8], digits[8..<12], digits[12..<16], digits[16..<20], digits[20..<32]]
            .map { String($0) }.joined(separator: "-")
    }

    /// 64 lowercase hex digits, as every container runtime names containers.
    static func containerID(pod: Int, container: Int) -> String {
        var seed = mix(UInt64(pod) << 16 | UInt64(container) << 8 | 2)
        var text = ""
        for _ in 0..<4 {
            text += hex(seed)
            seed = mix(seed)
        }
        return text
    }
}
