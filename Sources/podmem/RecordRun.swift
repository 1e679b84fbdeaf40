import Glibc
import PodmemCore

/// Set by the SIGINT/SIGTERM handler; the handler may run on any thread, the loop reads it between polls.
nonisolated(unsafe) private var stopSignalReceived: sig_atomic_t = 0

/// The recording loop. SIGINT and SIGTERM only set a flag, read between polls (the wait sleeps in slices of at most
/// 50 ms), so a stop request ends the loop cleanly after the current record and a write is only ever retried.
struct RecordRun {
    let path: String
    let intervalSeconds: Double
    let durationSeconds: Double?
    let maximumBytes: Int
    let source: MemorySource

    func run() throws {
        for signal in [SIGINT, SIGTERM] { Glibc.signal(signal) { _ in stopSignalReceived = 1 } }
        let start = Timestamp.now()
        var writer: RecordingWriter?
        var records = 0
        let showProgress = isatty(STDERR_FILENO) == 1
        var deadline = start
        while true {
            let sample = source.sample(at: Timestamp.now())
            if writer == nil {
                let header = RecordingHeader(
                    recordingId: Self.randomIdentifier(), host: sample.host, cgroupVersion: sample.cgroupVersion,
                    root: sample.root, intervalSeconds: intervalSeconds, startedAt: sample.timestamp)
                writer = try RecordingWriter(path: path, header: header, maximumBytes: maximumBytes)
            }
            try writer!.append(sample)
            records += 1
            if showProgress {
                Console.write(
                    "\rpodmem: \(records) samples recorded to \(TerminalText.sanitized(path))", to: STDERR_FILENO)
            }
            deadline += intervalSeconds
            if let durationSeconds, deadline - start > durationSeconds + 1e-6 { break }
            if Self.waitForStop(until: deadline) { break }
        }
        try writer?.finish()
        if showProgress { Console.write("\r\u{1B}[K", to: STDERR_FILENO) }
        Console.write("podmem: \(records) samples recorded to \(TerminalText.sanitized(path))\n", to: STDERR_FILENO)
    }

    /// Sleeps until `deadline` (Unix seconds) or a stop signal; true when SIGINT or SIGTERM arrived.
    private static func waitForStop(until deadline: Double) -> Bool {
        while stopSignalReceived == 0 {
            let left = deadline - Timestamp.now()
            if left <= 0 { return false }
            Console.sleep(seconds: min(left, 0.05))
        }
        return true
    }

    private static func randomIdentifier() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(generator.next() as UInt64, radix: 16)
    }
}
