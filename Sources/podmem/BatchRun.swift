import Glibc
import PodmemCore

/// `--batch`: poll N times, then print the table or the snapshot document. The verdict window is the whole run.
struct BatchRun {
    /// Most polls a batch run keeps in history (the window then covers the newest ones).
    static let maximumHistory = 3600

    let iterations: Int
    let intervalSeconds: Double
    let json: Bool
    /// Scan every workload's files after the last poll, to completion (bounded by the file cap).
    let cacheFiles: Bool
    let source: MemorySource

    func run() throws {
        let monitor = Monitor(
            window: nil, intervalSeconds: intervalSeconds,
            historyCapacity: min(iterations, Self.maximumHistory))
        let showProgress = isatty(STDERR_FILENO) == 1
        for index in 0..<iterations {
            if index > 0, intervalSeconds > 0 { Console.sleep(seconds: intervalSeconds) }
            monitor.ingest(source.sample(at: Timestamp.now()))
            if showProgress { Console.write("\rpodmem: poll \(index + 1)/\(iterations)", to: STDERR_FILENO) }
        }
        if cacheFiles, let source = source as? CacheFileSource {
            monitor.cacheFiles = try source.makeCacheFileMonitor(limits: CacheFileLimits())
            monitor.refreshCacheFiles(cgroups: nil, toCompletion: true)
        }
        if showProgress { Console.write("\r\u{1B}[K", to: STDERR_FILENO) }
        guard let model = monitor.model() else { return }
        if json {
            Console.write(
                TerminalText.jsonEscapingControls(Array(try SnapshotCodec.encode(SnapshotDocument(model)))) + [0x0A],
                to: STDOUT_FILENO)
        } else {
            Console.write(BatchReport.render(model) + CacheFileText.paragraph(model))
        }
    }
}
