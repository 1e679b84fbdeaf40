/// Identifies one series: a cgroup path plus its inode, so a cgroup removed and recreated under
/// the same name starts a new series instead of continuing (and faking a rate across) the old one.
public struct SeriesKey: Hashable, Sendable {
    public let cgroup: String
    public let inode: UInt64

    public init(cgroup: String, inode: UInt64) {
        self.cgroup = cgroup
        self.inode = inode
    }

    /// Hashes the inode only (unique per cgroup on a real hierarchy): hashing long paths every poll is costly.
    /// Equality still compares the path, so trees with repeated inodes stay correct.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(inode)
    }
}
