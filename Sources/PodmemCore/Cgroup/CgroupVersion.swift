/// Which cgroup memory interface a hierarchy speaks.
public enum CgroupVersion: Int, Sendable, Codable, Equatable {
    /// The legacy `memory` controller mount: `memory.usage_in_bytes`, hierarchical `total_*` stat keys.
    case v1 = 1
    /// The unified hierarchy: `memory.current`, `memory.max`, `memory.events`, `memory.pressure`.
    case v2 = 2
}
