/// The `memory.stat` fields podmem uses, normalized across v1 (hierarchical `total_*` keys)
/// and v2. Raw kernel values in bytes (counts for `pg*` and refaults); nil when the kernel lacks the key.
public struct MemoryStat: Sendable, Equatable, Codable {
    /// v1 `total_rss`, v2 `anon`: anonymous memory, without shmem.
    public var rssBytes: UInt64?
    public var activeFileBytes: UInt64?
    public var inactiveFileBytes: UInt64?
    /// shmem/tmpfs: on the anon LRU, not reclaimable without swap.
    public var shmemBytes: UInt64?
    public var mappedFileBytes: UInt64?
    /// v2 `kernel` (6.x kernels); unknown on older v2 kernels. v1 has no such key: `MemoryCounters.kernelUsageBytes`.
    public var kernelBytes: UInt64?
    public var activeAnonBytes: UInt64?
    public var inactiveAnonBytes: UInt64?
    /// v1 `total_cache`, v2 `file`.
    public var fileBytes: UInt64?
    /// Cumulative refaults of evicted file pages: cache the cgroup needed back.
    public var workingsetRefaultFile: UInt64?
    public var pgscan: UInt64?
    public var pgsteal: UInt64?
    public var pgmajfault: UInt64?

    public init() {}

    /// One `memory.stat` slot: the field it fills and the key spellings that fill it (preferred first).
    struct Slot: Sendable {
        let field: WritableKeyPath<MemoryStat, UInt64?> & Sendable
        let v1: [String]
        let v2: [String]
        /// A usable `memory.stat` has it; its absence is reported as a warning.
        var required = false
    }

    /// Every slot once, in the order the parsers fill and `CounterFields` records them. A new slot goes last:
    /// recordings store the slots by position.
    static let slots: [Slot] = [
        Slot(field: \.rssBytes, v1: ["total_rss"], v2: ["anon"], required: true),
        Slot(field: \.activeFileBytes, v1: ["total_active_file"], v2: ["active_file"], required: true),
        Slot(field: \.inactiveFileBytes, v1: ["total_inactive_file"], v2: ["inactive_file"], required: true),
        Slot(field: \.shmemBytes, v1: ["total_shmem"], v2: ["shmem"]),
        Slot(field: \.mappedFileBytes, v1: ["total_mapped_file"], v2: ["file_mapped"]),
        // v1 has no such key; its kernel memory is `memory.kmem.usage_in_bytes` (`MemoryCounters.kernelUsageBytes`).
        Slot(field: \.kernelBytes, v1: [], v2: ["kernel"]),
        Slot(field: \.activeAnonBytes, v1: ["total_active_anon"], v2: ["active_anon"]),
        Slot(field: \.inactiveAnonBytes, v1: ["total_inactive_anon"], v2: ["inactive_anon"]),
        Slot(field: \.fileBytes, v1: ["total_cache"], v2: ["file"]),
        Slot(
            field: \.workingsetRefaultFile, v1: ["total_workingset_refault_file", "total_workingset_refault"],
            v2: ["workingset_refault_file", "workingset_refault"]),
        Slot(field: \.pgscan, v1: [], v2: ["pgscan"]),
        Slot(field: \.pgsteal, v1: [], v2: ["pgsteal"]),
        Slot(field: \.pgmajfault, v1: ["total_pgmajfault"], v2: ["pgmajfault"]),
    ]

    public static let v1Parser = KeyValueParser(keys: slots.map(\.v1))
    public static let v2Parser = KeyValueParser(keys: slots.map(\.v2))

    /// `values[i]` fills `slots[i]`.
    init(slots values: [UInt64?]) {
        for (slot, value) in zip(Self.slots, values) { self[keyPath: slot.field] = value }
    }

    /// The values in `slots` order.
    var slotValues: [UInt64?] { Self.slots.map { self[keyPath: $0.field] } }
}
