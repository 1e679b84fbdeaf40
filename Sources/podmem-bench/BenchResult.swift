import PodmemCore

/// The figures of one bench run: medians over the rounds, podmem against the floor measured in the same rounds.
struct BenchResult: BenchReport, Codable {
    /// One of podmem's poll paths.
    struct PathFigures: Codable {
        var cpuMicrosecondsPerPoll: Double
        /// Median of the per-round podmem/floor CPU ratios: each pair ran back to back, so slow drift cancels.
        var ratio: Double
        var wallMillisecondsPerPoll: Double
    }

    var layout: TreeLayout
    var pods: Int
    var containersPerPod: Int
    var cgroupsPerPoll: Int
    /// Files podmem read (and the floor reads) per poll.
    var filesPerPoll: Int
    /// Work a poll does beyond the floor's: discovery lists the directories above the pods and stats each pod
    /// (`fstat` of its held directory: its subdirectory count decides whether its containers are re-listed), the name
    /// index stats its two directories, and the v2 root's absent files are tried.
    var directoriesListedPerPoll: Int
    var statsPerPoll: Int
    var failedOpensPerPoll: Int
    var iterations: Int
    var rounds: Int
    var floorCPUMicrosecondsPerPoll: Double
    /// The floor opening each file with `openat` in its directory, opened once beforehand (`floor --at`): the least
    /// work of a reader that skips the path walk as podmem does, so podmem's own overhead shows against it.
    var floorAtCPUMicrosecondsPerPoll: Double
    /// `Monitor.poll` against that floor (median of the per-round ratios).
    var monitorRatioToFloorAt: Double
    /// `CgroupSource.sample`: discovery, reading, parsing, naming.
    var sample: PathFigures
    /// `Monitor.poll`: the above plus history ingest, what a live run does each interval.
    var monitor: PathFigures
    /// `ru_maxrss` of the bench process (tree generation included; the floor is a child and not counted).
    var peakResidentBytes: UInt64
    /// Whether the tree was real cgroups (the kernel generating every file) rather than copied files.
    var cgroupfs: Bool
    /// `systemd-cgtop -b` refreshing the same real tree (cgroupfs only, when installed).
    var systemdCgtopCPUMicrosecondsPerIteration: Double?
    /// The release `podmem --batch -n 5` on the same tree, its own peak RSS.
    var batchPeakResidentMiB: Double?

    func table() -> String {
        var table = TextTable(
            headers: [
                "layout", "pods", "containers", "files/poll", "path", "floor CPU µs/poll", "podmem CPU µs/poll",
                "ratio",
                "podmem wall ms/poll",
            ],
            alignments: [.left, .right, .right, .right, .left, .right, .right, .right, .right])
        for (name, figures) in [("CgroupSource.sample", sample), ("Monitor.poll", monitor)] {
            table.rows.append([
                layout.rawValue + (cgroupfs ? " cgroupfs" : ""), String(pods), String(containersPerPod),
                String(filesPerPoll), name,
                Self.format(floorCPUMicrosecondsPerPoll, digits: 0),
                Self.format(figures.cpuMicrosecondsPerPoll, digits: 0),
                Self.format(figures.ratio, digits: 2) + "×", Self.format(figures.wallMillisecondsPerPoll, digits: 1),
            ])
        }
        table.rows.append([
            layout.rawValue + (cgroupfs ? " cgroupfs" : ""), String(pods), String(containersPerPod),
            String(filesPerPoll),
            "Monitor.poll vs floor --at", Self.format(floorAtCPUMicrosecondsPerPoll, digits: 0),
            Self.format(monitor.cpuMicrosecondsPerPoll, digits: 0), Self.format(monitorRatioToFloorAt, digits: 2) + "×",
            Self.format(monitor.wallMillisecondsPerPoll, digits: 1),
        ])
        if let cgtop = systemdCgtopCPUMicrosecondsPerIteration {
            table.rows.append([
                layout.rawValue + " cgroupfs", String(pods), String(containersPerPod), "-", "systemd-cgtop -b",
                Self.format(floorCPUMicrosecondsPerPoll, digits: 0), Self.format(cgtop, digits: 0),
                Self.format(cgtop / floorCPUMicrosecondsPerPoll, digits: 2) + "×", "-",
            ])
        }
        return table.render() + """
            medians of \(rounds) rounds × \(iterations) polls; ratio = podmem CPU / floor CPU (C open+read+close of the same files \
            by full path; --at: openat in each cgroup directory, opened once beforehand, as podmem reads), paired per round. \
            Beyond the floor's reads a poll lists \(directoriesListedPerPoll) directories, stats \(statsPerPoll) \
            paths (pods by fstat of their held directory) and tries \(failedOpensPerPoll) absent files. Bench peak RSS \(Self.format(Double(peakResidentBytes) / 1_048_576, digits: 1)) MiB\
            \(batchPeakResidentMiB.map { "; podmem --batch -n 5 peak RSS " + Self.format($0, digits: 1) + " MiB" } ?? "").

            """
    }

    func exceededLimits(_ options: BenchOptions) -> [String] {
        guard let maximum = options.maxRatio, monitor.ratio > maximum else { return [] }
        return [
            "\(layout.rawValue): Monitor.poll costs \(Self.format(monitor.ratio, digits: 2))× the floor's CPU time, above --max-ratio \(maximum)"
        ]
    }
}
