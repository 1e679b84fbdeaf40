#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// A file written through the page cache: appends with `write(2)`, full reads with `pread(2)`.
/// Reading a page twice is what moves it from inactive_file to active_file.
final class PageCacheFile {
    let path: String
    private let writer: Int32
    private let reader: Int32
    private(set) var size = 0

    /// Creates or truncates `path`.
    init(path: String) throws(LabError) {
        self.path = path
        writer = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644)
        guard writer >= 0 else { throw .system(path) }
        reader = open(path, O_RDONLY | O_CLOEXEC)
        guard reader >= 0 else {
            close(writer)
            throw .system(path)
        }
    }

    deinit {
        close(writer)
        close(reader)
    }

    func append(_ chunk: [UInt8]) throws(LabError) {
        var offset = 0
        while offset < chunk.count {
            let written = chunk[offset...].withUnsafeBytes { write(writer, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw .system("write to \(path)") }
            offset += written
        }
        size += chunk.count
    }

    /// Reads the whole file into `buffer`, one buffer-full at a time.
    func readAll(using buffer: inout [UInt8]) throws(LabError) {
        var offset = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(reader, $0.baseAddress, $0.count, off_t(offset)) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .system("read of \(path)") }
            if count == 0 { return }
            offset += count
        }
    }

    /// `bytes` of log-like text lines, so the file looks like what it imitates.
    static func logText(bytes: Int) -> [UInt8] {
        let line = Array(
            "2025-01-01T00:00:00Z INFO podmem-lab request handled in 3ms status=200 path=/api/items\n".utf8)
        return (0..<bytes).map { line[$0 % line.count] }
    }
}
