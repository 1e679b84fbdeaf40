import Foundation
import PodmemCore

/// `--batch`: poll N times, then print the table or the snapshot document. The verdict window is the whole run.
struct BatchRun {
    /// Most polls a batch run keeps in history (the window then covers the newest ones).
    static let maximumHistory = 3600

    let iterations: Int
    let intervalSeconds: Double
    let json: Bool
    let source: MemorySource

    func run() throws {
        let monitor = Monitor(source: source, window: nil, intervalSeconds: intervalSeconds,
                              historyCapacity: min(iterations, Self.maximumHistory))
        let showProgress = isatty(STDERR_FILENO) == 1
        for index in 0..<iterations {
            if index > 0, intervalSeconds > 0 { Thread.sleep(forTimeInterval: intervalSeconds) }
            monitor.poll(at: Timestamp.now())
            if showProgress { FileHandle.standardError.write(Data("\rpodmem: poll \(index + 1)/\(iterations)".utf8)) }
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        guard let document = monitor.snapshot() else { return }
        if json {
            var data = try SnapshotCodec.encode(document)
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        } else {
            FileHandle.standardOutput.write(Data(BatchReport.render(document).utf8))
        }
    }
}
