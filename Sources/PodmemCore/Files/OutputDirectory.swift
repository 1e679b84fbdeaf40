import CFileSafety
import Glibc

/// The one way podmem creates files (snapshots, recordings), safe when it runs as root in a directory other users can
/// write. The directory is opened once and every name is resolved in it, so swapping a path component later changes
/// nothing. A new file is written under a random temp name created with `O_CREAT|O_EXCL|O_NOFOLLOW`, mode 0600 (it
/// names every pod of the node), synced, then published under its final name with `renameat2(RENAME_NOREPLACE)`, so a
/// planted file or symlink at either name is never opened, followed, truncated or replaced; a reader never sees a
/// half-written file. Every failure closes what it opened and removes its temp file.
public final class OutputDirectory {
    /// A failed system call (its errno), or a file that is no longer the one podmem wrote.
    public struct Failure: Error {
        public let code: Int32
        public var replaced = false
        public var description: String { replaced ? "replaced by another file" : FileOutput.describe(code) }
        public var nameTaken: Bool { code == EEXIST }
    }

    /// The directory as the user named it, for messages.
    public let path: String
    private let descriptor: Int32

    /// Opens `path`; the directory itself may be reached through symlinks (the user named it), the names in it never.
    public init(path: String) throws(Failure) {
        self.path = path
        descriptor = open(path.isEmpty ? "." : path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(code: errno) }
    }

    deinit {
        close(descriptor)
    }

    /// The directory's absolute path as the kernel resolves the open descriptor, for messages one copies (`scp`);
    /// the path as named when it cannot be resolved.
    public var resolvedPath: String {
        guard let resolved = realpath("/proc/self/fd/\(descriptor)", nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Splits `file` into its directory and last component; nil when there is no file name (`""`, `dir/`, `.`, `..`).
    public static func split(_ file: String) -> (directory: String, name: String)? {
        let parts = file.split(separator: "/", omittingEmptySubsequences: false)
        guard let last = parts.last, !last.isEmpty, last != ".", last != ".." else { return nil }
        let directory =
            parts.count == 1
            ? "." : (parts.count == 2 && parts[0].isEmpty ? "/" : parts.dropLast().joined(separator: "/"))
        return (directory, String(last))
    }

    /// Writes `bytes` to a new file published as `name`, which must not exist in any form (`nameTaken` otherwise).
    /// With `keepOpen` the written descriptor is returned, positioned after `bytes`, for appending; else it is closed.
    @discardableResult
    public func publish(_ bytes: [UInt8], as name: String, keepOpen: Bool = false) throws(Failure) -> Int32? {
        let (temporary, fd) = try createTemporary()
        func abandon(_ code: Int32) -> Failure {
            close(fd)
            unlinkat(descriptor, temporary, 0)
            return Failure(code: code)
        }
        if let code = FileOutput.writeAll(fd, bytes) { throw abandon(code) }
        guard fsync(fd) == 0 else { throw abandon(errno) }
        guard podmem_rename_noreplace(descriptor, temporary, name) == 0 else { throw abandon(errno) }
        guard fsync(descriptor) == 0 else {
            // Published but maybe not durable: say so rather than claim success.
            let code = errno
            close(fd)
            throw Failure(code: code)
        }
        if keepOpen { return fd }
        guard close(fd) == 0 else { throw Failure(code: errno) }
        return nil
    }

    /// Renames `name` to `replaced`, replacing whatever `replaced` is (a planted symlink is replaced, never followed),
    /// after checking that `name` is still the file open as `expected`.
    public func rename(_ name: String, to replaced: String, expected: Int32) throws(Failure) {
        var named = stat()
        var open = stat()
        guard fstatat(descriptor, name, &named, AT_SYMLINK_NOFOLLOW) == 0 else { throw Failure(code: errno) }
        guard fstat(expected, &open) == 0 else { throw Failure(code: errno) }
        // Someone replaced our file (the directory is writable by others): moving theirs would lose ours silently.
        guard named.st_dev == open.st_dev, named.st_ino == open.st_ino else { throw Failure(code: 0, replaced: true) }
        guard renameat(descriptor, name, descriptor, replaced) == 0 else { throw Failure(code: errno) }
        guard fsync(descriptor) == 0 else { throw Failure(code: errno) }
    }

    /// `.podmem-<64 random bits>.tmp`, created exclusively: a name nobody can predict, and a planted one is never used.
    private func createTemporary() throws(Failure) -> (name: String, fd: Int32) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<8 {
            let name = ".podmem-\(String(generator.next() as UInt64, radix: 16)).tmp"
            let fd = openat(descriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 { return (name, fd) }
            if errno != EEXIST { throw Failure(code: errno) }
        }
        throw Failure(code: EEXIST)
    }
}
