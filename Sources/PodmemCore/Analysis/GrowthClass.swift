/// Why a working set moves, per pod and container.
public enum GrowthClass: String, Sendable, Codable, CaseIterable {
    /// The working set grows, mostly through active page cache: reclaimable, not a leak.
    case cacheDriven = "cache-driven"
    /// Memory that page cache does not explain grows (anon, shmem/tmpfs, kernel): what a leak looks like.
    case anonDriven = "anon-driven"
    /// Both grow, neither dominates.
    case mixed
    case stable
    case shrinking
    /// Too few samples to say.
    case unknown

    /// The working set grew, whatever drove it.
    public var isGrowth: Bool { self == .cacheDriven || self == .anonDriven || self == .mixed }
}
