/// A cgroup's hard memory limit (v1 `memory.limit_in_bytes`, v2 `memory.max`).
public enum MemoryLimit: Sendable, Equatable, Hashable, Codable {
    case bytes(UInt64)
    case unlimited

    /// kubelet and cAdvisor treat any v1 limit above 2^62 as "no limit"
    /// (v1 reports PAGE_COUNTER_MAX pages, e.g. 9223372036854771712).
    public static let unlimitedAbove: UInt64 = 1 << 62

    /// The limit in bytes, nil when unlimited.
    public var byteCount: UInt64? {
        if case .bytes(let value) = self { return value }
        return nil
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(UInt64.self) {
            self = .bytes(value)
        } else if try container.decode(String.self) == "max" {
            self = .unlimited
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "limit must be bytes or \"max\"")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .bytes(let value): try container.encode(value)
        case .unlimited: try container.encode("max")
        }
    }
}
