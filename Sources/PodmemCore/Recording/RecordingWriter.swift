import FoundationEssentials
import Glibc

/// Appends samples to a recording (format: README, "Recordings"). Each poll is one `write(2)` of its records,
/// so the kernel has it as soon as it is sampled and a `kill -9` tears at most the last record; `fdatasync`
/// every `syncSeconds` bounds what a power loss can take. The file stays under `maximumBytes` on disk: when the
/// live segment reaches half of it, it becomes `FILE.1` (replacing the older one) and a new segment starts.
public final class RecordingWriter {
    public let path: String
    public let maximumBytes: Int
    public static let syncSeconds = 10.0
    private var header: RecordingHeader
    private var fd: Int32 = -1
    private var encoder = RecordingEncoder()
    private var segmentBytes = 0
    private var lastSync: Double

    /// Creates `path` with its header line (atomically: temp file, fsync, rename); an existing file is an error,
    /// never overwritten.
    public init(path: String, header: RecordingHeader, maximumBytes: Int) throws(SetupError) {
        self.path = path
        self.header = header
        self.maximumBytes = maximumBytes
        lastSync = header.startedAt
        guard access(path, F_OK) != 0 else { throw SetupError("\(path) exists; record to a new file (or remove it)") }
        try startSegment()
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    public func append(_ sample: Sample) throws(SetupError) {
        if segmentBytes >= maximumBytes / 2 { try rotate(at: sample.timestamp) }
        let bytes = encoder.encode(sample)
        if let code = FileOutput.writeAll(fd, bytes) { throw failure(code) }
        segmentBytes += bytes.count
        if sample.timestamp - lastSync >= Self.syncSeconds {
            lastSync = sample.timestamp
            if fdatasync(fd) != 0 { throw failure(errno) }
        }
    }

    /// Flushes to disk and closes; the file stays a valid recording.
    public func finish() throws(SetupError) {
        guard fd >= 0 else { return }
        let synced = fdatasync(fd) == 0
        let code = errno
        close(fd)
        fd = -1
        if !synced { throw failure(code) }
    }

    private func startSegment() throws(SetupError) {
        let encoded = (try? JSONEncoder().encode(header)).map(Array.init) ?? []
        let line = encoded + [0x0A]
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let temporary = "\(directory.isEmpty ? "/" : directory)/.podmem-recording-\(getpid()).tmp"
        let created = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard created >= 0 else { throw failure(errno) }
        if let code = FileOutput.writeAll(created, line) ?? (fsync(created) == 0 ? nil : errno) {
            close(created)
            unlink(temporary)
            throw failure(code)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            close(created)
            unlink(temporary)
            throw failure(code)
        }
        fd = created
        segmentBytes = line.count
        encoder = RecordingEncoder()
    }

    private func rotate(at time: Double) throws(SetupError) {
        try finish()
        guard rename(path, path + ".1") == 0 else { throw failure(errno) }
        header.startedAt = time
        try startSegment()
    }

    private func failure(_ code: Int32) -> SetupError {
        SetupError("recording to \(path) failed: \(FileOutput.describe(code))")
    }
}
