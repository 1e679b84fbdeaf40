/// Identifies one series: a cgroup path plus its inode, so a cgroup removed and recreated under
/// the same name starts a new series instead of continuing (and faking a rate across) the old one.
public struct SeriesKey: Hashable, Sendable {
    public let cgroup: String
    public let inode: UInt64

    public init(cgroup: String, inode: UInt64) {
        self.cgroup = cgroup
        self.inode = inode
    }
}
