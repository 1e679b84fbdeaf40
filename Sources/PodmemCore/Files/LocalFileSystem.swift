import Glibc

/// The real filesystem through raw `open`/`read`/`close`: no Foundation, no per-read allocation.
public struct LocalFileSystem: CgroupFileSystem, Sendable {
    public init() {}

    public func read(_ path: String, into buffer: inout [UInt8]) -> Result<Int, FileReadError> {
        let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        if fd < 0 { return .failure(Self.error(errno)) }
        defer { close(fd) }
        var total = 0
        while true {
            if total == buffer.count {
                buffer.append(contentsOf: repeatElement(0, count: max(4096, buffer.count)))
            }
            let got = buffer.withUnsafeMutableBytes { raw in
                Glibc.read(fd, raw.baseAddress! + total, raw.count - total)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(Self.error(errno))
            }
            if got == 0 { return .success(total) }
            total += got
        }
    }

    public func entries(of directory: String) -> Result<[DirectoryEntry], FileReadError> {
        list(directory, directoriesOnly: false)
    }

    public func directories(of directory: String) -> Result<[DirectoryEntry], FileReadError> {
        list(directory, directoriesOnly: true)
    }

    /// Directories have `2 + subdirectories` links on cgroupfs, ext4 and tmpfs; file systems that
    /// report fewer (btrfs reports 1) give nil, so callers re-list every time.
    public func subdirectoryCount(of path: String) -> Int? {
        var info = stat()
        guard path.withCString({ stat($0, &info) }) == 0, info.st_nlink >= 2 else { return nil }
        return Int(info.st_nlink) - 2
    }

    /// `readdir` without `.` and `..`; with `directoriesOnly`, other entries are skipped by `d_type`
    /// before any String is made.
    private func list(_ directory: String, directoriesOnly: Bool) -> Result<[DirectoryEntry], FileReadError> {
        guard let dir = directory.withCString({ opendir($0) }) else {
            return .failure(Self.error(errno))
        }
        defer { closedir(dir) }
        var result: [DirectoryEntry] = []
        while let entry = readdir(dir) {
            let type = entry.pointee.d_type
            if directoriesOnly && type != UInt8(DT_DIR) && type != UInt8(DT_UNKNOWN) { continue }
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            var isDirectory = type == UInt8(DT_DIR)
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                let full = directory + "/" + name
                isDirectory = full.withCString { stat($0, &info) } == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            if directoriesOnly && !isDirectory { continue }
            result.append(DirectoryEntry(name: name, inode: UInt64(entry.pointee.d_ino), isDirectory: isDirectory))
        }
        return .success(result)
    }

    public func modificationTime(of path: String) -> Int64? {
        var info = stat()
        guard path.withCString({ stat($0, &info) }) == 0 else { return nil }
        return Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    static func error(_ code: Int32) -> FileReadError {
        switch code {
        case ENOENT, ENOTDIR: .notFound
        case EACCES, EPERM: .permissionDenied
        case ENODEV, ESRCH: .vanished
        default: .other(errno: code)
        }
    }
}
