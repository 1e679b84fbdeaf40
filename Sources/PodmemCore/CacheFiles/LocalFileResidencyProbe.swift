import CFileResidency
import Glibc

/// Residency of real files: `cachestat(2)` where the kernel has it, else `mmap(PROT_READ)` + `mincore(2)` in
/// bounded windows. Neither reads a page: `cachestat` looks up the page cache, and a mapping that is never touched
/// faults nothing in. Files are opened read-only and non-blocking, and checked to be the regular file that was found.
public final class LocalFileResidencyProbe: FileResidencyProbe {
    /// Environment variable that forces a method (`cachestat` or `mincore`), for tests and for comparing the two.
    public static let methodVariable = "PODMEM_CACHE_FILES_METHOD"
    /// Bytes mapped at a time by the fallback: its residency vector is one byte per page of this.
    static let mincoreWindowBytes = 1 << 30

    /// The method in use; starts as `cachestat` unless forced, and falls back once when the kernel lacks it.
    public private(set) var method: ResidencyMethod
    private let forced: Bool
    private let pageBytes = UInt64(sysconf(Int32(_SC_PAGESIZE)))
    private var residencyVector: [UInt8] = []

    /// `method` nil: `cachestat`, falling back to `mincore` on ENOSYS.
    public init(method: ResidencyMethod? = nil) {
        self.method = method ?? .cachestat
        forced = method != nil
    }

    /// The method `PODMEM_CACHE_FILES_METHOD` names, nil when unset; an unknown value is an error message.
    public static func methodFromEnvironment() -> Result<ResidencyMethod?, CommandFailure> {
        guard let raw = getenv(methodVariable) else { return .success(nil) }
        let value = String(cString: raw)
        guard let method = ResidencyMethod(rawValue: value) else {
            return .failure(
                CommandFailure("\(methodVariable) must be cachestat or mincore, not '\(TerminalText.sanitized(value))'")
            )
        }
        return .success(method)
    }

    public func readLink(_ path: String) -> Result<[UInt8], FileReadError> {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = path.withCString { name in
            buffer.withUnsafeMutableBufferPointer {
                readlink(name, UnsafeMutableRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), $0.count)
            }
        }
        guard count >= 0 else { return .failure(LocalFileSystem.error(errno)) }
        return .success(Array(buffer[0..<count]))
    }

    public func identity(of path: String, followingLinks: Bool) -> Result<FileIdentity, FileReadError> {
        var info = stat()
        guard path.withCString({ followingLinks ? stat($0, &info) : lstat($0, &info) }) == 0 else {
            return .failure(LocalFileSystem.error(errno))
        }
        return .success(Self.identity(info))
    }

    public func residency(of path: String, expected: FileIdentity, followingLinks: Bool) -> Result<
        FileResidency, ResidencyProblem
    > {
        // O_NONBLOCK: a FIFO or device swapped in since the stat cannot block the open.
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (followingLinks ? 0 : O_NOFOLLOW)
        let fd = path.withCString { open($0, flags) }
        guard fd >= 0 else { return .failure(Self.problem(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Self.problem(errno)) }
        let opened = Self.identity(info)
        guard opened.isRegular, opened.key == expected.key else { return .failure(.vanished) }
        if method == .cachestat {
            var pages = podmem_cachestat_pages()
            if podmem_cachestat(fd, &pages) == 0 {
                return .success(
                    FileResidency(
                        cachedBytes: pages.cached * pageBytes, dirtyBytes: pages.dirty * pageBytes,
                        writebackBytes: pages.writeback * pageBytes,
                        recentlyEvictedBytes: pages.recently_evicted * pageBytes))
            }
            guard errno == ENOSYS, !forced else { return .failure(Self.problem(errno)) }
            method = .mincore
        }
        // mincore reports a file mapping honestly only to its owner or a writer (Linux 5.0+); anyone else is told
        // every page is resident.
        guard geteuid() == 0 || info.st_uid == geteuid() || access(path, W_OK) == 0 else {
            return .failure(.mincoreNotTrustworthy)
        }
        return residentBytes(fd: fd, sizeBytes: UInt64(max(0, info.st_size))).map { FileResidency(cachedBytes: $0) }
    }

    /// Maps the file window by window, read-only and untouched, and counts the pages `mincore` marks resident.
    private func residentBytes(fd: Int32, sizeBytes: UInt64) -> Result<UInt64, ResidencyProblem> {
        let window = UInt64(Self.mincoreWindowBytes)
        if residencyVector.isEmpty { residencyVector = [UInt8](repeating: 0, count: Int(window / pageBytes)) }
        var resident: UInt64 = 0
        var offset: UInt64 = 0
        while offset < sizeBytes {
            let length = Int(min(window, sizeBytes - offset))
            guard let mapping = mmap(nil, length, PROT_READ, MAP_SHARED, fd, off_t(offset)), mapping != MAP_FAILED
            else {
                return .failure(Self.problem(errno))
            }
            defer { munmap(mapping, length) }
            let pages = (length + Int(pageBytes) - 1) / Int(pageBytes)
            let status = residencyVector.withUnsafeMutableBufferPointer { mincore(mapping, length, $0.baseAddress) }
            guard status == 0 else { return .failure(Self.problem(errno)) }
            for index in 0..<pages where residencyVector[index] & 1 != 0 { resident += 1 }
            offset += UInt64(length)
        }
        return .success(resident * pageBytes)
    }

    private static func identity(_ info: stat) -> FileIdentity {
        FileIdentity(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), sizeBytes: UInt64(max(0, info.st_size)),
            isRegular: (info.st_mode & S_IFMT) == S_IFREG, isDeleted: info.st_nlink == 0)
    }

    private static func problem(_ code: Int32) -> ResidencyProblem {
        switch code {
        case ENOENT, ESRCH, ENOTDIR, ENXIO: .vanished
        case EACCES, EPERM: .permissionDenied
        default: .failed(errno: code)
        }
    }
}
