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
    private let directory: OutputDirectory
    private let name: String
    private var fd: Int32 = -1
    private var encoder = RecordingEncoder()
    private var segmentBytes = 0
    private var lastSync: Double

    /// Creates `path` with its header line through `OutputDirectory` (random temp file, fsync, a rename that never
    /// replaces, mode 0600); an existing file or symlink at `path` is an error, never opened or overwritten. The
    /// directory stays open for rotations, so they happen where the recording started.
    public init(path: String, header: RecordingHeader, maximumBytes: Int) throws(CommandFailure) {
        self.path = path
        self.header = header
        self.maximumBytes = maximumBytes
        lastSync = header.startedAt
        guard let (directoryPath, name) = OutputDirectory.split(path) else {
            throw CommandFailure("\(path) does not name a file; record to a file path")
        }
        self.name = name
        do throws(OutputDirectory.Failure) {
            directory = try OutputDirectory(path: directoryPath)
        } catch {
            throw CommandFailure("recording to \(path) failed: \(directoryPath): \(error.description)")
        }
        try startSegment(first: true)
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    public func append(_ sample: Sample) throws(CommandFailure) {
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
    public func finish() throws(CommandFailure) {
        guard fd >= 0 else { return }
        let synced = fdatasync(fd) == 0
        let code = errno
        close(fd)
        fd = -1
        if !synced { throw failure(code) }
    }

    private func startSegment(first: Bool) throws(CommandFailure) {
        // Escaped like every JSON podmem writes: `head -1 FILE` on a terminal shows the host name and root.
        let encoded = (try? JSONEncoder().encode(header)).map { TerminalText.jsonEscapingControls(Array($0)) } ?? []
        let line = encoded + [0x0A]
        do throws(OutputDirectory.Failure) {
            fd = try directory.publish(line, as: name, keepOpen: true)!
        } catch  where error.nameTaken {
            throw CommandFailure(
                first
                    ? "\(path) exists; record to a new file (or remove it)"
                    : "recording to \(path) stopped: another process created \(path) while it was rotated")
        } catch {
            throw failure(error)
        }
        segmentBytes = line.count
        encoder = RecordingEncoder()
    }

    /// The live segment becomes `FILE.1` by `renameat` in the held directory: an older `FILE.1`, even a planted
    /// symlink, is replaced and never followed; a live file that is no longer ours stops the recording.
    private func rotate(at time: Double) throws(CommandFailure) {
        do throws(OutputDirectory.Failure) {
            try directory.rename(name, to: name + ".1", expected: fd)
        } catch {
            throw failure(error)
        }
        try finish()
        header.startedAt = time
        try startSegment(first: false)
    }

    private func failure(_ code: Int32) -> CommandFailure {
        failure(OutputDirectory.Failure(code: code))
    }

    private func failure(_ error: OutputDirectory.Failure) -> CommandFailure {
        CommandFailure(
            "recording to \(path) failed: \(error.replaced ? "\(path) was \(error.description)" : error.description)")
    }
}
