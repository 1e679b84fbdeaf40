import Glibc
import PodmemCore

/// The recording loop. SIGINT and SIGTERM are blocked and waited for with `sigtimedwait` between polls, so a stop
/// request ends the loop cleanly after the current record and never interrupts a write.
struct RecordRun {
    let path: String
    let intervalSeconds: Double
    let durationSeconds: Double?
    let maximumBytes: Int
    let source: MemorySource

    func run() throws {
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGINT)
        sigaddset(&stopSignals, SIGTERM)
        sigprocmask(SIG_BLOCK, &stopSignals, nil)
        let start = Timestamp.now()
        var writer: RecordingWriter?
        var records = 0
        let showProgress = isatty(STDERR_FILENO) == 1
        var deadline = start
        while true {
            let sample = source.sample(at: Timestamp.now())
            if writer == nil {
                let header = RecordingHeader(recordingId: Self.randomIdentifier(), host: sample.host, cgroupVersion: sample.cgroupVersion,
                                             root: sample.root, intervalSeconds: intervalSeconds, startedAt: sample.timestamp)
                writer = try RecordingWriter(path: path, header: header, maximumBytes: maximumBytes)
            }
            try writer!.append(sample)
            records += 1
            if showProgress { Console.write("\rpodmem: \(records) samples recorded to \(path)", to: STDERR_FILENO) }
            deadline += intervalSeconds
            if let durationSeconds, deadline - start > durationSeconds + 1e-6 { break }
            if Self.waitForStop(stopSignals, seconds: deadline - Timestamp.now()) { break }
        }
        try writer?.finish()
        if showProgress { Console.write("\r\u{1B}[K", to: STDERR_FILENO) }
        Console.write("podmem: \(records) samples recorded to \(path)\n", to: STDERR_FILENO)
    }

    /// Waits up to `seconds` (zero: only looks); true when SIGINT or SIGTERM arrived.
    private static func waitForStop(_ signals: sigset_t, seconds: Double) -> Bool {
        var signals = signals
        let wait = max(0, seconds)
        var timeout = timespec(tv_sec: Int(wait), tv_nsec: Int((wait - wait.rounded(.down)) * 1e9))
        while true {
            if sigtimedwait(&signals, nil, &timeout) > 0 { return true }
            if errno == EINTR { continue }
            return false
        }
    }

    private static func randomIdentifier() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(generator.next() as UInt64, radix: 16)
    }
}
