import FoundationEssentials
import PodmemCore
import PodmemCurses
import PodmemUI

/// The full-screen monitor: curses owns the terminal from start to stop, on every exit path.
struct LiveRun {
    let intervalSeconds: Double
    let window: Double
    let snapshotDirectory: String
    let source: MemorySource

    func run() throws {
        let monitor = Monitor(
            window: window, intervalSeconds: intervalSeconds,
            plan: .live(window: window, intervalSeconds: intervalSeconds))
        // The detail screen lists its pod's files in the page cache, one time budget per poll.
        monitor.cacheFiles = try (source as? CacheFileSource)?.makeCacheFileMonitor(limits: CacheFileLimits())
        try Self.withTerminal { terminal in
            App(
                terminal: terminal, source: source, monitor: monitor, time: SystemTime(),
                snapshotDirectory: snapshotDirectory
            ).run()
        }
    }

    /// The same screens over a recording or snapshot.
    static func replay(_ replay: Replay) throws {
        try withTerminal { terminal in App(terminal: terminal, replay: replay, time: SystemTime()).run() }
    }

    private static func withTerminal(_ body: (CursesTerminal) -> Void) throws {
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start(environment: ProcessInfo.processInfo.environment)
        } catch {
            throw CommandFailure("\(error)")
        }
        defer { terminal.stop() }
        body(terminal)
        // Exit 1 with one line: a supervisor or a `2>` file learns why; on the gone terminal the write just fails.
        if terminal.isDisconnected { throw CommandFailure("terminal closed") }
    }
}
