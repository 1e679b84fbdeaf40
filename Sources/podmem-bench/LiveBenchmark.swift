import Foundation
import PodmemCore

/// podmem's live screen as a user runs it — the release binary in a real terminal (a tmux pane), polling and
/// redrawing every interval — against the floor reading the same files once per interval over the same seconds.
/// Both run at once: podmem cannot be paused without breaking its history, and on two or more cores the floor's
/// short passes barely meet its polls.
struct LiveBenchmark {
    let options: BenchOptions
    let tree: KubepodsTree
    /// Where the file list, the floor binary and the tmux socket go.
    let scratch: String
    /// podmem's default `-d`; the floor is paced the same.
    static let intervalSeconds = 1.0
    static let term = "xterm-256color"

    func run() throws -> LiveResult {
        guard access(options.podmem, X_OK) == 0 else {
            throw BenchError(
                "\(options.podmem): no podmem binary; build it with swift build -c release "
                    + "--scratch-path .build-bench --static-swift-stdlib --product podmem (bench/live does), or pass --podmem"
            )
        }
        // A live podmem reads the real /proc/meminfo and /etc/hostname, as on a node; the floor reads them too.
        let poll = try RecordedPoll.record(tree, hierarchy: try tree.hierarchy(), hostRoot: "/")
        let list = scratch + "/files.txt"
        try poll.writeList(to: list)
        let floor = try FloorProgram.build(source: options.floorSource, into: scratch)
        if options.detail && options.cgroupfs != nil {
            throw BenchError("--detail needs a generated tree, not --cgroupfs", exitCode: 2)
        }
        let detailFiles =
            options.detail && !options.detailWithoutFiles
            ? try DetailPodFiles(lab: BenchOptions.siblingExecutable("podmem-lab"), tree: tree, scratch: scratch) : nil
        defer { detailFiles?.stop() }

        let pane = try TmuxPane.start(
            [
                options.podmem, "--root", tree.cgroupRoot, "--log-root", tree.logRoot, "--host-root", "/",
                "-d", String(Self.intervalSeconds),
            ],
            width: options.width, height: options.height, term: Self.term, directory: scratch)
        defer { Self.stop(pane) }
        let podmem = ProcessUsage(pid: try pane.programPID())
        guard podmem.name == "podmem" else {
            throw BenchError(
                "the tmux pane runs \(podmem.name ?? "nothing") (pid \(podmem.pid)), not podmem:\n\(screen(pane))")
        }
        let tmux = ProcessUsage(pid: try pane.serverPID())
        var firstRows = try waitForRows(pane)
        if options.detail {
            try pane.sendKeys(["Enter"])
            firstRows = try waitFor(options.detailWithoutFiles ? Self.emptyDetailMarker : Self.detailMarker, in: pane)
        }
        Self.note(
            "podmem (pid \(podmem.pid)) shows the tree; measuring \(options.roundCount) × \(options.seconds) s after \(options.settleSeconds) s"
        )
        try StopSignals.sleep(Double(options.settleSeconds))

        var rounds: [LiveResult.Round] = []
        for index in 0..<options.roundCount {
            let seconds = Double(options.seconds)
            let floorRun = try floor.startPaced(list: list, intervalSeconds: Self.intervalSeconds, seconds: seconds)
            let start = ResourceClock.wallMicroseconds()
            try checkRunning(pane)
            let podmemBefore = try podmem.cpuSeconds()
            let tmuxBefore = try tmux.cpuSeconds()
            let busyBefore = try SystemCPU.busySeconds()
            do {
                try StopSignals.sleep(seconds)
            } catch {
                floorRun.cancel()
                throw error
            }
            try checkRunning(pane)
            let podmemCPU = try podmem.cpuSeconds() - podmemBefore
            let tmuxCPU = try tmux.cpuSeconds() - tmuxBefore
            let busy = try SystemCPU.busySeconds() - busyBefore
            let elapsed = (ResourceClock.wallMicroseconds() - start) / 1e6
            let floorCPU = try floorRun.cpuMicroseconds() / 1e6
            let round = LiveResult.Round(
                startSeconds: (start - firstRows) / 1e6, seconds: elapsed,
                floorCPUMillisecondsPerSecond: floorCPU * 1000 / seconds,
                podmemCPUMillisecondsPerSecond: podmemCPU * 1000 / elapsed,
                ratio: (podmemCPU / elapsed) / (floorCPU / seconds),
                tmuxCPUMillisecondsPerSecond: tmuxCPU * 1000 / elapsed,
                otherCPUMillisecondsPerSecond: max(0, busy - podmemCPU - tmuxCPU - floorCPU) * 1000 / elapsed,
                podmemResidentBytes: try podmem.memory().residentBytes)
            rounds.append(round)
            Self.note(
                String(
                    format:
                        "round %d/%d: floor %.1f ms/s, podmem %.1f ms/s (%.2f×), RSS %.1f MiB, other processes %.0f ms/s",
                    index + 1, options.roundCount, round.floorCPUMillisecondsPerSecond,
                    round.podmemCPUMillisecondsPerSecond,
                    round.ratio, Double(round.podmemResidentBytes) / 1_048_576, round.otherCPUMillisecondsPerSecond))
        }
        try checkRunning(pane)
        let memory = try podmem.memory()
        let marker =
            options.detail
            ? (options.detailWithoutFiles ? Self.emptyDetailMarker : Self.detailMarker) : Self.podRowMarker
        guard try pane.capture().contains(marker) else {
            throw BenchError("podmem no longer shows the pods:\n\(screen(pane))")
        }

        return LiveResult(
            layout: tree.layout, cgroupfs: options.cgroupfs != nil, pods: tree.pods,
            containersPerPod: tree.containersPerPod, filesPerPoll: poll.readPaths.count,
            width: options.width, height: options.height, intervalSeconds: Self.intervalSeconds,
            settleSeconds: options.settleSeconds,
            rounds: rounds, floorCPUMillisecondsPerSecond: rounds.map(\.floorCPUMillisecondsPerSecond).median,
            podmemCPUMillisecondsPerSecond: rounds.map(\.podmemCPUMillisecondsPerSecond).median,
            ratio: rounds.map(\.ratio).median,
            tmuxCPUMillisecondsPerSecond: rounds.map(\.tmuxCPUMillisecondsPerSecond).median, podmemMemory: memory)
    }

    /// Text every pod row shows: the generated pods' namespace (`KubepodsTree` names them `bench/pod-N`).
    private static let podRowMarker = "bench/pod-"

    /// The detail screen's page-cache-by-file section, once its first scan is in.
    private static let detailMarker = "page cache by file: these files hold"
    private static let emptyDetailMarker = "page cache by file: no open, mapped, log or emptyDir file"

    /// Polls the screen until pod rows show; returns when they did (monotonic microseconds).
    private func waitForRows(_ pane: TmuxPane) throws -> Double {
        try waitFor(Self.podRowMarker, in: pane)
    }

    private func waitFor(_ marker: String, in pane: TmuxPane) throws -> Double {
        let deadline = ResourceClock.wallMicroseconds() + 60e6
        while ResourceClock.wallMicroseconds() < deadline {
            if try pane.capture().contains(marker) { return ResourceClock.wallMicroseconds() }
            if try pane.programExited() { throw BenchError("podmem exited:\n\(screen(pane))") }
            try StopSignals.sleep(0.1)
        }
        throw BenchError("podmem did not show '\(marker)' within 60 s:\n\(screen(pane))")
    }

    /// Throws, with podmem's last screen, once podmem has exited.
    private func checkRunning(_ pane: TmuxPane) throws {
        if (try? pane.programExited()) != false { throw BenchError("podmem exited:\n\(screen(pane))") }
    }

    private func screen(_ pane: TmuxPane) -> String {
        (try? pane.capture()) ?? "(no screen)"
    }

    /// Ends the tmux server, which hangs up podmem; podmem is killed if it is still there 2 s later.
    private static func stop(_ pane: TmuxPane) {
        let podmem = (try? pane.programPID()).map(ProcessUsage.init)
        pane.stop()
        guard let podmem else { return }
        for _ in 0..<20 where podmem.name != nil { usleep(100_000) }
        if podmem.name != nil { kill(podmem.pid, SIGKILL) }
    }

    private static func note(_ message: String) {
        FileHandle.standardError.write(Data("podmem-bench: \(message)\n".utf8))
    }
}
