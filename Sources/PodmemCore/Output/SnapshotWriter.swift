import Glibc

/// Writes a snapshot document atomically: a temp file in the target directory, fsync, rename.
/// A reader never sees a half-written file, and a failure leaves nothing behind.
public enum SnapshotWriter {
    /// `podmem-<host>-<YYYYMMDD-HHMMSS>.json` (UTC), with `-2`, `-3`… when that name is taken. Returns the
    /// absolute path (the directory resolved by `realpath`): what one copies into `scp`, whatever the working directory.
    public static func write(_ document: SnapshotDocument, to directory: String, at unixSeconds: Double) throws(SetupError) -> String {
        let data: [UInt8]
        do {
            data = Array(try SnapshotCodec.encode(document)) + [0x0A]
        } catch {
            throw SetupError("snapshot not written: cannot encode: \(error)")
        }
        let host = document.host.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" }
        guard let resolved = realpath(directory, nil) else { throw failure(directory, errno) }
        let absolute = String(cString: resolved)
        free(resolved)
        let stem = "\(absolute == "/" ? "" : absolute)/podmem-\(String(host))-\(Timestamp.compact(unixSeconds))"
        var path = stem + ".json"
        var attempt = 2
        while access(path, F_OK) == 0 {
            path = "\(stem)-\(attempt).json"
            attempt += 1
        }
        let temporary = "\(absolute)/.podmem-snapshot-\(getpid())-\(attempt).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(directory, errno) }
        if let code = FileOutput.writeAll(fd, data) {
            close(fd)
            unlink(temporary)
            throw failure(directory, code)
        }
        if fsync(fd) != 0 || close(fd) != 0 {
            let code = errno
            unlink(temporary)
            throw failure(directory, code)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure(directory, code)
        }
        return path
    }

    static func failure(_ directory: String, _ code: Int32) -> SetupError {
        SetupError("snapshot not written to \(directory): \(FileOutput.describe(code))")
    }
}
