/// Why a file could not be read. Kept small so readers can turn it into a one-line warning.
public enum FileReadError: Error, Sendable, Equatable {
    case notFound
    case permissionDenied
    /// The cgroup was removed while we held or opened the file (ENODEV, ESRCH).
    case vanished
    case other(errno: Int32)

    public var summary: String {
        switch self {
        case .notFound: "missing"
        case .permissionDenied: "permission denied"
        case .vanished: "cgroup vanished"
        case .other(let code): "read error (errno \(code))"
        }
    }
}

/// One child of a directory, as `readdir` reports it.
public struct DirectoryEntry: Sendable, Equatable {
    public var name: String
    /// `d_ino`: on cgroupfs a recreated cgroup gets a new inode, which starts a new series.
    public var inode: UInt64
    public var isDirectory: Bool

    public init(name: String, inode: UInt64, isDirectory: Bool) {
        self.name = name
        self.inode = inode
        self.isDirectory = isDirectory
    }
}

/// The file operations podmem needs from a cgroup hierarchy, a log directory or /proc.
/// `LocalFileSystem` is the real one; the demo serves generated files through the same calls,
/// so demo data goes through the same discovery and parsers as kernel data.
public protocol CgroupFileSystem {
    /// Replaces the start of `buffer` with the file's bytes and returns how many were read.
    /// The buffer grows when a file does not fit and is reused between calls.
    func read(_ path: String, into buffer: inout [UInt8]) -> Result<Int, FileReadError>
    /// `read` of the cgroup file `name` of `files`: the poll's hot path, which an implementation can serve through
    /// the cgroup's directory handle, without a path string or a path walk.
    func read(_ files: CgroupFiles, _ name: String, into buffer: inout [UInt8]) -> Result<Int, FileReadError>
    /// A handle of a cgroup directory for `CgroupFiles`, or nil: reads then use full paths.
    func openDirectory(_ path: String) -> DirectoryHandle?
    /// `subdirectoryCount(of:)` of a cgroup's directory, through its handle where it has one.
    func subdirectoryCount(of files: CgroupFiles) -> Int?
    /// Children of a directory, without `.` and `..`.
    func entries(of directory: String) -> Result<[DirectoryEntry], FileReadError>
    /// Modification time in nanoseconds; name sources are re-read only when it changes.
    func modificationTime(of path: String) -> Int64?
    /// Child directories only: what discovery walks (cgroup directories hold dozens of files).
    func directories(of directory: String) -> Result<[DirectoryEntry], FileReadError>
    /// How many child directories `path` has (from the link count; nil when the file system does not tell).
    /// Discovery re-lists a pod's containers only when this changes.
    func subdirectoryCount(of path: String) -> Int?
    /// A regular file of at most `maxBytes`, whole; nil when it is missing, unreadable, not a regular file or
    /// larger. For state other programs write (runtimes' JSON under the host root): never a hang, never unbounded.
    func readRegularFile(_ path: String, maxBytes: Int) -> [UInt8]?
}

extension CgroupFileSystem {
    public func read(_ files: CgroupFiles, _ name: String, into buffer: inout [UInt8]) -> Result<Int, FileReadError> {
        read(files.path(name), into: &buffer)
    }

    public func openDirectory(_ path: String) -> DirectoryHandle? { nil }

    public func subdirectoryCount(of files: CgroupFiles) -> Int? { subdirectoryCount(of: files.directoryPath) }

    public func directories(of directory: String) -> Result<[DirectoryEntry], FileReadError> {
        entries(of: directory).map { $0.filter(\.isDirectory) }
    }

    public func subdirectoryCount(of path: String) -> Int? { nil }

    /// Convenience for cold paths (detection, names): the whole file as a string.
    public func readString(_ path: String) -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        guard case .success(let count) = read(path, into: &buffer) else { return nil }
        return String(decoding: buffer[0..<count], as: UTF8.self)
    }

    public func readRegularFile(_ path: String, maxBytes: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        guard case .success(let count) = read(path, into: &buffer), count <= maxBytes else { return nil }
        return Array(buffer[0..<count])
    }
}
