import Glibc

/// The real filesystem through raw `open`/`openat`/`read`/`close`: no Foundation, no per-read allocation.
public struct LocalFileSystem: CgroupFileSystem, Sendable {
    public init() {}

    public func read(_ path: String, into buffer: inout [UInt8]) -> Result<Int, FileReadError> {
        path.withCString { read(cString: $0, into: &buffer, shortReadEnds: false) }
    }

    /// `openat` in the cgroup's directory handle, without a path string or a path walk; without one (descriptors
    /// short), the full path. A cgroup control file is one seq_file record, which the kernel returns whole to one
    /// read large enough, so a short read is its end: one `read` per file, not two.
    public func read(_ files: CgroupFiles, _ name: String, into buffer: inout [UInt8]) -> Result<Int, FileReadError> {
        guard let directory = files.directory else {
            return files.path(name).withCString { read(cString: $0, into: &buffer, shortReadEnds: true) }
        }
        let fd = name.withCString { openat(directory.descriptor, $0, O_RDONLY | O_CLOEXEC) }
        return fd < 0 ? .failure(Self.error(errno)) : read(fd, into: &buffer, shortReadEnds: true)
    }

    public func openDirectory(_ path: String) -> DirectoryHandle? {
        DirectoryHandle.open(path)
    }

    public func subdirectoryCount(of files: CgroupFiles) -> Int? {
        guard let directory = files.directory else { return subdirectoryCount(of: files.directoryPath) }
        var info = stat()
        guard fstat(directory.descriptor, &info) == 0 else { return nil }
        return Self.subdirectories(linkCount: info.st_nlink)
    }

    private func read(cString path: UnsafePointer<CChar>, into buffer: inout [UInt8], shortReadEnds: Bool) -> Result<
        Int, FileReadError
    > {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        return fd < 0 ? .failure(Self.error(errno)) : read(fd, into: &buffer, shortReadEnds: shortReadEnds)
    }

    /// Reads an open file to its end and closes it. `shortReadEnds`: a read returning less than asked for is the end
    /// (single-record kernel files and regular files); otherwise only a read returning 0 is (multi-record /proc files
    /// such as mountinfo return a page of records at a time).
    private func read(_ fd: Int32, into buffer: inout [UInt8], shortReadEnds: Bool) -> Result<Int, FileReadError> {
        defer { close(fd) }
        var total = 0
        while true {
            if total == buffer.count {
                buffer.append(contentsOf: repeatElement(0, count: max(4096, buffer.count)))
            }
            let asked = buffer.count - total
            let got = buffer.withUnsafeMutableBytes { raw in
                Glibc.read(fd, raw.baseAddress! + total, asked)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(Self.error(errno))
            }
            if got == 0 { return .success(total) }
            total += got
            if shortReadEnds && got < asked { return .success(total) }
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
        guard path.withCString({ stat($0, &info) }) == 0 else { return nil }
        return Self.subdirectories(linkCount: info.st_nlink)
    }

    private static func subdirectories(linkCount: nlink_t) -> Int? {
        linkCount >= 2 ? Int(linkCount) - 2 : nil
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

    /// `O_NONBLOCK` so a FIFO cannot block the open, `O_NOFOLLOW` so the last component is not a link elsewhere,
    /// `fstat` for a regular file within the bound, and reads that stop at `maxBytes + 1` (the file may grow meanwhile).
    public func readRegularFile(_ path: String, maxBytes: Int) -> [UInt8]? {
        let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size <= maxBytes else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var total = 0
        while total < bytes.count {
            let got = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + total, $0.count - total) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { return nil }
            if got == 0 { break }
            total += got
            if total == bytes.count && total <= maxBytes {
                bytes.append(contentsOf: repeatElement(0, count: min(4096, maxBytes + 1 - total)))
            }
        }
        guard total <= maxBytes else { return nil }
        return Array(bytes[0..<total])
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
