import Glibc
import PodmemCore

/// Runs the floor (both ways: full paths, and `openat` in held directories) and podmem's two poll paths on one
/// generated tree, interleaved round by round (floors, sample, monitor, floors, …) because the machine's speed drifts,
/// and condenses the rounds to medians.
struct PollBenchmark {
    let options: BenchOptions
    let tree: KubepodsTree
    /// Where the file list and the floor binary go.
    let scratch: String
    /// On a real cgroupfs tree: its path for `systemd-cgtop`, timed in the same rounds.
    let cgtopPath: String?

    /// Per-poll figures of one measured run.
    private struct Timing {
        var cpuMicroseconds: Double
        var wallMicroseconds: Double
    }

    func run() throws -> BenchResult {
        let hierarchy = try tree.hierarchy()
        let poll = try RecordedPoll.record(tree, hierarchy: hierarchy, hostRoot: "/")
        let list = scratch + "/files.txt"
        try poll.writeList(to: list)
        let floor = try FloorProgram.build(source: options.floorSource, into: scratch)

        let sampler = source(LocalFileSystem(), hierarchy)
        // A live run's history: the default 300 s window at the default 1 s interval, coarse tiers, default budget.
        let monitorSource = source(LocalFileSystem(), hierarchy)
        let monitor = Monitor(
            window: 300, intervalSeconds: 1,
            plan: .live(window: 300, intervalSeconds: 1))
        var now = 2.0
        for _ in 0..<options.warmup {
            now += 1
            _ = sampler.sample(at: now)
            monitor.ingest(monitorSource.sample(at: now))
        }
        var floorRuns: [Double] = []
        var floorAtRuns: [Double] = []
        var sampleRuns: [Timing] = []
        var monitorRuns: [Timing] = []
        var cgtopRuns: [Double] = []
        let cgtop = cgtopPath.flatMap { SystemdCgtop.isInstalled ? $0 : nil }
        for _ in 0..<options.roundCount {
            try StopSignals.sleep(0)  // on real cgroups Ctrl-C is held so the tree is removed: honour it between rounds
            floorRuns.append(try floor.cpuMicrosecondsPerPass(list: list, iterations: options.iterations))
            floorAtRuns.append(
                try floor.cpuMicrosecondsPerPass(list: list, iterations: options.iterations, inHeldDirectories: true))
            sampleRuns.append(
                measure {
                    now += 1
                    _ = sampler.sample(at: now)
                })
            monitorRuns.append(
                measure {
                    now += 1
                    monitor.ingest(monitorSource.sample(at: now))
                })
            // Root, kubepods, QoS, pod, container: the depth podmem reads.
            if let cgtop {
                cgtopRuns.append(
                    try SystemdCgtop.cpuMicrosecondsPerIteration(
                        cgroupPath: cgtop, depth: 5, iterations: options.iterations))
            }
        }

        return BenchResult(
            layout: tree.layout, pods: tree.pods, containersPerPod: tree.containersPerPod,
            cgroupsPerPoll: tree.cgroupCount,
            filesPerPoll: poll.readPaths.count, directoriesListedPerPoll: poll.listings, statsPerPoll: poll.stats,
            failedOpensPerPoll: poll.failedReads, iterations: options.iterations, rounds: options.roundCount,
            floorCPUMicrosecondsPerPoll: floorRuns.median, floorAtCPUMicrosecondsPerPoll: floorAtRuns.median,
            monitorRatioToFloorAt: zip(monitorRuns, floorAtRuns).map { $0.cpuMicroseconds / $1 }.median,
            sample: Self.figures(sampleRuns, floor: floorRuns), monitor: Self.figures(monitorRuns, floor: floorRuns),
            peakResidentBytes: ResourceClock.peakResidentBytes(), cgroupfs: cgtopPath != nil,
            systemdCgtopCPUMicrosecondsPerIteration: cgtopRuns.isEmpty ? nil : cgtopRuns.median,
            batchPeakResidentMiB: batchPeakResidentMiB())
    }

    private func source<FS: CgroupFileSystem>(_ fileSystem: FS, _ hierarchy: CgroupHierarchy) -> CgroupSource {
        CgroupSource(fileSystem: fileSystem, hierarchy: hierarchy, hostRoot: "/", logRoot: tree.logRoot, host: "bench")
    }

    /// Peak RSS of the release `podmem --batch -n 5` on the tree, under GNU time (which forks podmem itself, so the
    /// figure is podmem's own); nil when either is missing.
    private func batchPeakResidentMiB() -> Double? {
        guard access("/usr/bin/time", X_OK) == 0, access(options.podmem, X_OK) == 0 else { return nil }
        let run = ChildProcess.run(
            "/usr/bin/time",
            [
                "-f", "%M", "sh", "-c", "exec \"$0\" \"$@\" >/dev/null", options.podmem,
                "--batch", "-n", "5", "-d", "0", "--root", tree.cgroupRoot, "--log-root", tree.logRoot,
            ])
        guard run.status == 0, let kibibytes = run.output.split(separator: "\n").last.flatMap({ Double($0) }) else {
            return nil
        }
        return kibibytes / 1024
    }

    private func measure(_ poll: () -> Void) -> Timing {
        let cpu = ResourceClock.cpuMicroseconds()
        let wall = ResourceClock.wallMicroseconds()
        for _ in 0..<options.iterations { poll() }
        let count = Double(options.iterations)
        return Timing(
            cpuMicroseconds: (ResourceClock.cpuMicroseconds() - cpu) / count,
            wallMicroseconds: (ResourceClock.wallMicroseconds() - wall) / count)
    }

    private static func figures(_ runs: [Timing], floor: [Double]) -> BenchResult.PathFigures {
        BenchResult.PathFigures(
            cpuMicrosecondsPerPoll: runs.map(\.cpuMicroseconds).median,
            ratio: zip(runs, floor).map { $0.cpuMicroseconds / $1 }.median,
            wallMillisecondsPerPoll: runs.map(\.wallMicroseconds).median / 1000)
    }
}
