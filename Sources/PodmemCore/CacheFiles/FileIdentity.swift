/// What `stat` says of a candidate file: the device and inode that identify it across paths and processes,
/// its size, its type and whether any directory still names it.
public struct FileIdentity: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64
    public var sizeBytes: UInt64
    public var isRegular: Bool
    /// `st_nlink == 0`: deleted but still open or mapped (a rotated log held by its writer).
    public var isDeleted: Bool

    public init(device: UInt64, inode: UInt64, sizeBytes: UInt64, isRegular: Bool, isDeleted: Bool) {
        self.device = device
        self.inode = inode
        self.sizeBytes = sizeBytes
        self.isRegular = isRegular
        self.isDeleted = isDeleted
    }

    /// Device and inode: one file, whatever path or descriptor reached it.
    public var key: FileKey { FileKey(device: device, inode: inode) }
}

/// Device + inode of a file.
public struct FileKey: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }
}
