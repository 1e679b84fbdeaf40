/// A source whose workloads' files can be scanned: the real node and the demo node.
public protocol CacheFileSource: MemorySource {
    /// The engine for this source's cgroups, /proc and directories; an invalid forced method is a `CommandFailure`.
    func makeCacheFileMonitor(limits: CacheFileLimits) throws -> CacheFileMonitor
}
