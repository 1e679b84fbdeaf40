import PodmemCore

/// The live monitor's loop, as htop runs it: one thread, wait for a key at most until the next poll,
/// handle it, poll when due, redraw. Generic over the terminal and the clock so tests drive it whole.
public final class App {
    /// Where samples come from, and so who owns the monitor: the app polls a source into its own monitor, or
    /// steps a replay, which owns (and on a seek may rebuild) its monitor.
    enum Feed {
        case live(source: MemorySource, monitor: Monitor)
        /// No polling: keys move through time instead.
        case replay(Replay)
    }

    let terminal: Terminal
    let feed: Feed
    let time: TimeSource
    let snapshotDirectory: String
    public private(set) var state = AppState()
    /// The last frame shown, for tests.
    public private(set) var lastFrame = Frame(width: 0, height: 0)
    /// Warnings of the monitor shown already put on the status line (each distinct warning is shown once).
    private var warningsShown = 0
    /// The replay's monitor the warnings count is for.
    private var replayMonitorShown: ObjectIdentifier?

    /// Polls `source` into `monitor` every interval.
    public init(terminal: Terminal, source: MemorySource, monitor: Monitor, time: TimeSource, snapshotDirectory: String)
    {
        self.terminal = terminal
        feed = .live(source: source, monitor: monitor)
        self.time = time
        self.snapshotDirectory = snapshotDirectory
    }

    /// Replays `replay` read-only, starting where it stands (its end).
    public init(terminal: Terminal, replay: Replay, time: TimeSource) {
        self.terminal = terminal
        feed = .replay(replay)
        self.time = time
        snapshotDirectory = "."
    }

    var monitor: Monitor {
        switch feed {
        case .live(_, let monitor): monitor
        case .replay(let replay): replay.monitor
        }
    }

    var replay: Replay? { if case .replay(let replay) = feed { replay } else { nil } }

    /// Runs until a quit key or a termination signal.
    public func run() {
        if replay != nil { showReplayPosition() } else { poll() }
        var nextPoll = time.now() + monitor.intervalSeconds
        while !terminal.shouldStop {
            layOut()
            render()
            if let key = terminal.readKey(timeout: max(0, nextPoll - time.now())) {
                let screenBefore = state.screen
                switch AppReducer.handle(key, state: &state) {
                case .quit: return
                case .writeSnapshot: writeSnapshot()
                case .seek(let seek): self.seek(seek)
                case .none: break
                }
                if state.spanSeconds != monitor.window {
                    monitor.window = state.spanSeconds
                    refreshModel()
                } else if state.screen != screenBefore, case .detail = state.screen {
                    refreshCacheFiles()
                    refreshModel()
                }
            }
            let now = time.now()
            if now >= nextPoll {
                if !state.paused && replay == nil { poll() }
                nextPoll = max(nextPoll + monitor.intervalSeconds, now)
            }
        }
    }

    func poll() {
        guard case .live(let source, let monitor) = feed else { return }
        monitor.ingest(source.sample(at: time.now()))
        refreshCacheFiles()
        afterPoll()
    }

    /// Only the pod on the detail screen has its files scanned (none on the list), one time budget per call.
    func refreshCacheFiles() {
        guard replay == nil else { return }
        if case .detail(let cgroup) = state.screen {
            monitor.refreshCacheFiles(cgroups: [cgroup], toCompletion: false)
        } else {
            monitor.refreshCacheFiles(cgroups: [], toCompletion: false)
        }
    }

    /// What follows new data, live or replayed: span choices, the document, a new warning on the status line.
    func afterPoll() {
        if let window = monitor.window, state.spanChoices.isEmpty {
            // The plan is fitted to the node at the first poll, and with it the longest span worth offering.
            state.spanSeconds = window
            state.spanChoices = SpanChoices.make(initial: window, longest: monitor.history.plan.longestSeconds)
        }
        if case .detail(let cgroup) = state.screen {
            state.previousDetailPod = state.model?.pods.first { $0.cgroup == cgroup }
        }
        state.heldSeconds = monitor.heldSeconds
        refreshModel()
        if monitor.warnings.count > warningsShown, let warning = monitor.warnings.last {
            warningsShown = monitor.warnings.count
            state.status = (warning, true, time.now())
        }
    }

    func seek(_ seek: ReplaySeek) {
        guard let replay else { return }
        let target: Int
        switch seek {
        case .samples(let count): target = replay.position + count
        case .seconds(let seconds): target = replay.position(offsetBy: seconds)
        case .start: target = 0
        case .end: target = replay.timeline.count - 1
        }
        do {
            try replay.seek(to: target)
        } catch {
            state.status = (error.message, true, time.now())
        }
        showReplayPosition()
    }

    /// Shows the replay's time; a seek that rebuilt its monitor (with the same window) starts its warnings afresh.
    func showReplayPosition() {
        guard let replay else { return }
        if replayMonitorShown != ObjectIdentifier(replay.monitor) {
            replayMonitorShown = ObjectIdentifier(replay.monitor)
            warningsShown = 0
        }
        state.mode = .replay(timestamp: replay.timestamp, position: replay.position, count: replay.timeline.count)
        if let warning = replay.timeline.warnings.first, state.status == nil {
            state.status = (warning, true, time.now())
        }
        afterPoll()
    }

    /// Full history and containers only for the pod on the detail screen: the list needs neither,
    /// and computing them for every container of a busy node on every poll would dominate podmem's cost.
    func refreshModel() {
        let scope: ModelScope
        if case .detail(let cgroup) = state.screen {
            scope = .detail(cgroup: cgroup)
        } else {
            scope = .list(rows: Set(state.rowsOnScreen.map(\.cgroup)))
        }
        state.model = nil  // a busy node's model is megabytes: never hold two
        state.model = monitor.model(scope)
    }

    /// Fits the list to the terminal before a frame is drawn. Rows scrolled, sorted or filtered into view since the
    /// last model have no sparklines yet: the model is fetched again for them here, so drawing only reads state.
    func layOut() {
        let height = terminal.size.height
        state.updateViewport(rows: MainScreen.tableRows(height: height))
        if case .main = state.screen, state.rowsOnScreen.contains(where: { $0.history.isEmpty }) {
            refreshModel()
            state.updateViewport(rows: MainScreen.tableRows(height: height))
        }
    }

    /// Draws the current state and shows it.
    func render() {
        let (width, height) = terminal.size
        var frame = Frame(width: width, height: height)
        let context = ScreenContext(glyphs: terminal.glyphs, color: terminal.colorEnabled, now: time.now())
        switch state.screen {
        case .main: MainScreen.render(state, intervalSeconds: monitor.intervalSeconds, context: context, into: &frame)
        case .detail(let cgroup): DetailScreen.render(state, cgroup: cgroup, context: context, into: &frame)
        case .help: HelpScreen.render(context: context, into: &frame)
        }
        lastFrame = frame
        terminal.present(frame)
    }

    func writeSnapshot() {
        guard replay == nil else { return }
        guard let model = monitor.model() else {
            state.status = ("no data yet: nothing to snapshot", true, time.now())
            return
        }
        do {
            let path = try SnapshotWriter.write(SnapshotDocument(model), to: snapshotDirectory, at: time.now())
            state.status = ("snapshot written: \(path)", false, time.now())
        } catch {
            state.status = (error.message, true, time.now())
        }
    }
}
