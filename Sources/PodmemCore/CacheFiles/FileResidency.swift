/// How much of one file sits in the page cache, in bytes (pages × page size, as the kernel counts them).
/// `cachestat(2)` gives all five figures; the `mincore(2)` fallback gives residency only, the rest nil.
public struct FileResidency: Sendable, Equatable {
    public var cachedBytes: UInt64
    public var dirtyBytes: UInt64?
    public var writebackBytes: UInt64?
    /// Pages of this file evicted recently enough that a read now would count as a refault (cachestat's
    /// `nr_recently_evicted`): cache the file lost to pressure, not cache it never had.
    public var recentlyEvictedBytes: UInt64?

    public init(
        cachedBytes: UInt64, dirtyBytes: UInt64? = nil, writebackBytes: UInt64? = nil,
        recentlyEvictedBytes: UInt64? = nil
    ) {
        self.cachedBytes = cachedBytes
        self.dirtyBytes = dirtyBytes
        self.writebackBytes = writebackBytes
        self.recentlyEvictedBytes = recentlyEvictedBytes
    }
}
