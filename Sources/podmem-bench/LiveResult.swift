import PodmemCore

/// The figures of a live run: podmem's live screen against the floor, measured over the same seconds, round by round.
struct LiveResult: BenchReport, Codable {
    /// One measured window.
    struct Round: Codable {
        /// Seconds from podmem's first rows on screen to the start of the window.
        var startSeconds: Double
        var seconds: Double
        /// The floor reading podmem's files once per interval.
        var floorCPUMillisecondsPerSecond: Double
        var podmemCPUMillisecondsPerSecond: Double
        var ratio: Double
        /// The tmux server drawing podmem's output: the terminal's cost, not podmem's.
        var tmuxCPUMillisecondsPerSecond: Double
        /// Every other process on the machine (this bench included): high values mean a disturbed round.
        var otherCPUMillisecondsPerSecond: Double
        /// podmem's VmRSS at the end of the window.
        var podmemResidentBytes: UInt64
    }

    var layout: TreeLayout
    /// Whether the tree was real cgroups rather than copied files.
    var cgroupfs: Bool
    var pods: Int
    var containersPerPod: Int
    /// Files podmem reads (and the floor reads) per poll.
    var filesPerPoll: Int
    var width: Int
    var height: Int
    var intervalSeconds: Double
    var settleSeconds: Int
    var rounds: [Round]
    /// Medians over the rounds; the ratio is the median of per-round ratios.
    var floorCPUMillisecondsPerSecond: Double
    var podmemCPUMillisecondsPerSecond: Double
    var ratio: Double
    var tmuxCPUMillisecondsPerSecond: Double
    /// podmem's memory after the last round.
    var podmemMemory: ProcessUsage.Memory

    func table() -> String {
        var table = TextTable(
            headers: [
                "layout", "pods", "containers", "round", "from s", "floor CPU ms/s", "podmem CPU ms/s", "ratio",
                "tmux CPU ms/s", "others CPU ms/s", "podmem RSS MiB",
            ],
            alignments: [.left, .right, .right, .left, .right, .right, .right, .right, .right, .right, .right])
        func row(
            _ name: String, start: String, floor: Double, podmem: Double, ratio: Double, tmux: Double, other: String,
            resident: UInt64
        ) {
            table.rows.append([
                layout.rawValue + (cgroupfs ? " cgroupfs" : ""), String(pods), String(containersPerPod), name, start,
                Self.format(floor, digits: 1),
                Self.format(podmem, digits: 1), Self.format(ratio, digits: 2) + "×", Self.format(tmux, digits: 1),
                other, Self.mebibytes(resident),
            ])
        }
        for (index, round) in rounds.enumerated() {
            row(
                String(index + 1), start: Self.format(round.startSeconds, digits: 0),
                floor: round.floorCPUMillisecondsPerSecond,
                podmem: round.podmemCPUMillisecondsPerSecond, ratio: round.ratio,
                tmux: round.tmuxCPUMillisecondsPerSecond,
                other: Self.format(round.otherCPUMillisecondsPerSecond, digits: 0), resident: round.podmemResidentBytes)
        }
        row(
            "median", start: "", floor: floorCPUMillisecondsPerSecond, podmem: podmemCPUMillisecondsPerSecond,
            ratio: ratio,
            tmux: tmuxCPUMillisecondsPerSecond, other: "", resident: podmemMemory.residentBytes)
        let seconds = rounds.first.map { Self.format($0.seconds, digits: 0) } ?? "0"
        return table.render() + """
            podmem's live screen (\(width)×\(height), -d \(Self.format(intervalSeconds, digits: 0))) in tmux, measured \(settleSeconds) s \
            after its first rows, over \(rounds.count) × \(seconds) s; the floor (C open+read+close of the same \(filesPerPoll) files, \
            once per interval) runs over the same seconds. CPU = utime + stime from /proc/<pid>/stat; ratio = podmem / floor, per round. \
            podmem at the end: VmRSS \(Self.mebibytes(podmemMemory.residentBytes)) MiB (anon \(Self.mebibytes(podmemMemory.anonymousBytes)), \
            file \(Self.mebibytes(podmemMemory.fileBytes))), VmHWM \(Self.mebibytes(podmemMemory.peakResidentBytes)) MiB.

            """
    }

    func exceededLimits(_ options: BenchOptions) -> [String] {
        var exceeded: [String] = []
        if let maximum = options.maxRatio, ratio > maximum {
            exceeded.append(
                "\(layout.rawValue): the live screen costs \(Self.format(ratio, digits: 2))× the floor's CPU time, above --max-ratio \(maximum)"
            )
        }
        if let maximum = options.maxResidentMiB, Double(podmemMemory.peakResidentBytes) > maximum * 1_048_576 {
            exceeded.append(
                "\(layout.rawValue): podmem's peak RSS is \(Self.mebibytes(podmemMemory.peakResidentBytes)) MiB, above --max-rss-mib \(maximum)"
            )
        }
        return exceeded
    }

    private static func mebibytes(_ bytes: UInt64) -> String {
        format(Double(bytes) / 1_048_576, digits: 1)
    }
}
