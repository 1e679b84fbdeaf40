/// An in-memory tree of files and directories that the demo node rewrites before every poll.
/// It implements the same `CgroupFileSystem` as the real one, so demo data is discovered and parsed like kernel data.
public final class DemoFileSystem: CgroupFileSystem {
    private var files: [String: [UInt8]] = [:]
    private var directories: [String: [DirectoryEntry]] = [:]
    private var stamps: [String: Int64] = [:]

    public init() {}

    /// Replaces the whole tree. Directories are implied by the files' paths; `inodes` gives an entry its inode (1 when
    /// absent) and `stamp` is every directory's modification time.
    func replace(files newFiles: [String: String], inodes: [String: UInt64], stamp: Int64) {
        files = newFiles.mapValues { Array($0.utf8) }
        var children: [String: [String: DirectoryEntry]] = [:]
        func register(_ path: String, isDirectory: Bool) {
            guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
            let parent = String(path[..<slash])
            let name = String(path[path.index(after: slash)...])
            if children[parent]?[name] == nil {
                children[parent, default: [:]][name] = DirectoryEntry(
                    name: name, inode: inodes[path] ?? 1, isDirectory: isDirectory)
                register(parent, isDirectory: true)
            }
        }
        for path in newFiles.keys { register(path, isDirectory: false) }
        directories = children.mapValues { $0.values.sorted { $0.name < $1.name } }
        stamps = [:]
        for path in directories.keys { stamps[path] = stamp }
    }

    public func read(_ path: String, into buffer: inout [UInt8]) -> Result<Int, FileReadError> {
        guard let bytes = files[path] else { return .failure(directories[path] != nil ? .other(errno: 21) : .notFound) }
        if buffer.count < bytes.count { buffer += Array(repeating: 0, count: bytes.count - buffer.count) }
        buffer.replaceSubrange(0..<bytes.count, with: bytes)
        return .success(bytes.count)
    }

    public func entries(of directory: String) -> Result<[DirectoryEntry], FileReadError> {
        directories[directory].map { .success($0) } ?? .failure(.notFound)
    }

    public func subdirectoryCount(of path: String) -> Int? {
        directories[path]?.filter(\.isDirectory).count
    }

    public func modificationTime(of path: String) -> Int64? {
        stamps[path] ?? (files[path] != nil ? 0 : nil)
    }
}
