import PodmemCore

/// The live monitor's loop, as htop runs it: one thread, wait for a key at most until the next poll,
/// handle it, poll when due, redraw. Generic over the terminal and the clock so tests drive it whole.
public final class App {
    let terminal: Terminal
    let monitor: Monitor
    let time: TimeSource
    let snapshotDirectory: String
    public private(set) var state = AppState()
    /// The last frame shown, for tests.
    public private(set) var lastFrame = Frame(width: 0, height: 0)
    /// Warnings already put on the status line (each distinct warning is shown once).
    private var warningsShown = 0

    public init(terminal: Terminal, monitor: Monitor, time: TimeSource, snapshotDirectory: String) {
        self.terminal = terminal
        self.monitor = monitor
        self.time = time
        self.snapshotDirectory = snapshotDirectory
    }

    /// Runs until a quit key or a termination signal.
    public func run() {
        poll()
        var nextPoll = time.now() + monitor.intervalSeconds
        while !terminal.shouldStop {
            render()
            if let key = terminal.readKey(timeout: max(0, nextPoll - time.now())) {
                let screenBefore = state.screen
                switch AppReducer.handle(key, state: &state) {
                case .quit: return
                case .writeSnapshot: writeSnapshot()
                case .none: break
                }
                if state.spanSeconds != monitor.window {
                    monitor.window = state.spanSeconds
                    refreshDocument()
                } else if state.screen != screenBefore, case .detail = state.screen {
                    refreshDocument()
                }
            }
            let now = time.now()
            if now >= nextPoll {
                if !state.paused { poll() }
                nextPoll = max(nextPoll + monitor.intervalSeconds, now)
            }
        }
    }

    func poll() {
        monitor.poll(at: time.now())
        if let window = monitor.window, state.spanChoices.isEmpty {
            // The plan is fitted to the node at the first poll, and with it the longest span worth offering.
            state.spanSeconds = window
            state.spanChoices = SpanChoices.make(initial: window, longest: monitor.history.plan.longestSeconds)
        }
        if case .detail(let cgroup) = state.screen {
            state.previousDetailPod = state.document?.pods.first { $0.cgroup == cgroup }
        }
        refreshDocument()
        if monitor.warnings.count > warningsShown, let warning = monitor.warnings.last {
            warningsShown = monitor.warnings.count
            state.status = (warning, true, time.now())
        }
    }

    /// Full history and container verdicts only for the pod on the detail screen: the list needs neither,
    /// and computing them for every container of a busy node on every poll would dominate podmem's cost.
    func refreshDocument() {
        if case .detail(let cgroup) = state.screen {
            state.document = monitor.snapshot(detailed: [cgroup])
        } else {
            state.document = monitor.snapshot(detailed: [])
        }
    }

    func render() {
        let (width, height) = terminal.size
        var frame = Frame(width: width, height: height)
        let context = ScreenContext(glyphs: terminal.glyphs, color: terminal.colorEnabled, now: time.now())
        state.updateViewport(rows: MainScreen.tableRows(height: height))
        switch state.screen {
        case .main: MainScreen.render(state, intervalSeconds: monitor.intervalSeconds, context: context, into: &frame)
        case .detail(let cgroup): DetailScreen.render(state, cgroup: cgroup, context: context, into: &frame)
        case .help: HelpScreen.render(context: context, into: &frame)
        }
        lastFrame = frame
        terminal.present(frame)
    }

    func writeSnapshot() {
        guard let document = monitor.snapshot() else {
            state.status = ("no data yet: nothing to snapshot", true, time.now())
            return
        }
        do {
            let path = try SnapshotWriter.write(document, to: snapshotDirectory, at: time.now())
            state.status = ("snapshot written: \(path)", false, time.now())
        } catch {
            state.status = (error.message, true, time.now())
        }
    }
}
