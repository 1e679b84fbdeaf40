/// One file of a pod with its page cache figures, as `pods[].cacheFiles[]` carries it.
public struct CacheFileEntry: Sendable, Equatable, Codable {
    /// As the holding process sees it (its mount namespace), else the host path.
    public var path: String
    /// The path on the host: translated through the holder's and the host's mountinfo for a process in another
    /// mount namespace; nil when the host mounts no file system root that reaches it.
    public var hostPath: String?
    public var cachedBytes: UInt64
    /// nil: measured with the `mincore` fallback, which sees residency only.
    public var dirtyBytes: UInt64?
    public var writebackBytes: UInt64?
    public var recentlyEvictedBytes: UInt64?
    /// No directory names the file any more (`st_nlink == 0`); it lives while a process holds it.
    public var deleted: Bool
    public var heldBy: [CacheFileHolder]

    public init(path: String, hostPath: String?, residency: FileResidency, deleted: Bool, heldBy: [CacheFileHolder]) {
        self.path = path
        self.hostPath = hostPath
        cachedBytes = residency.cachedBytes
        dirtyBytes = residency.dirtyBytes
        writebackBytes = residency.writebackBytes
        recentlyEvictedBytes = residency.recentlyEvictedBytes
        self.deleted = deleted
        self.heldBy = heldBy
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(hostPath, forKey: .hostPath)
        try c.encode(cachedBytes, forKey: .cachedBytes)
        try c.encode(dirtyBytes, forKey: .dirtyBytes)
        try c.encode(writebackBytes, forKey: .writebackBytes)
        try c.encode(recentlyEvictedBytes, forKey: .recentlyEvictedBytes)
        try c.encode(deleted, forKey: .deleted)
        try c.encode(heldBy, forKey: .heldBy)
    }
}
