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

    /// Slot order shared by the key tables below and `init(slots:)`.
    enum Slot: Int, CaseIterable {
        case rss, activeFile, inactiveFile, shmem, mappedFile, kernel, activeAnon, inactiveAnon, file
        case refaultFile, pgscan, pgsteal, pgmajfault
    }

    /// Slots a usable `memory.stat` must have; their absence is reported as a warning.
    static let requiredSlots: [(Slot, v1: String, v2: String)] = [
        (.rss, "total_rss", "anon"), (.activeFile, "total_active_file", "active_file"),
        (.inactiveFile, "total_inactive_file", "inactive_file"),
    ]

    static let v1Keys: [[String]] = [
        ["total_rss"], ["total_active_file"], ["total_inactive_file"], ["total_shmem"], ["total_mapped_file"],
        [], ["total_active_anon"], ["total_inactive_anon"], ["total_cache"],
        ["total_workingset_refault_file", "total_workingset_refault"], [], [], ["total_pgmajfault"],
    ]

    static let v2Keys: [[String]] = [
        ["anon"], ["active_file"], ["inactive_file"], ["shmem"], ["file_mapped"],
        ["kernel"], ["active_anon"], ["inactive_anon"], ["file"],
        ["workingset_refault_file", "workingset_refault"], ["pgscan"], ["pgsteal"], ["pgmajfault"],
    ]

    public static let v1Parser = KeyValueParser(keys: v1Keys)
    public static let v2Parser = KeyValueParser(keys: v2Keys)

    init(slots: [UInt64?]) {
        rssBytes = slots[Slot.rss.rawValue]
        activeFileBytes = slots[Slot.activeFile.rawValue]
        inactiveFileBytes = slots[Slot.inactiveFile.rawValue]
        shmemBytes = slots[Slot.shmem.rawValue]
        mappedFileBytes = slots[Slot.mappedFile.rawValue]
        kernelBytes = slots[Slot.kernel.rawValue]
        activeAnonBytes = slots[Slot.activeAnon.rawValue]
        inactiveAnonBytes = slots[Slot.inactiveAnon.rawValue]
        fileBytes = slots[Slot.file.rawValue]
        workingsetRefaultFile = slots[Slot.refaultFile.rawValue]
        pgscan = slots[Slot.pgscan.rawValue]
        pgsteal = slots[Slot.pgsteal.rawValue]
        pgmajfault = slots[Slot.pgmajfault.rawValue]
    }
}
