import ArgumentParser
import Glibc
import PodmemCore

/// `podmem record`: raw samples to a file that `replay` and `report` open, for hours or days.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Append raw samples to a recording until --duration ends or SIGINT/SIGTERM.",
        discussion: """
            Raw counters, not derived values: replays recompute working sets and verdicts with the current formulas. \
            Each poll is written as it is taken and synced every 10 s; a kill at any moment leaves a file that opens. \
            The file stays under --max-size: at half of it the file becomes FILE.1 (replacing an older one) and a new \
            one starts; replay and report read both.
            """)

    @Option(
        name: [.customShort("o"), .long],
        help: ArgumentHelp("The recording to create (it must not exist).", valueName: "FILE"))
    var output: String

    @Option(
        name: [.customShort("d"), .customLong("interval"), .customLong("delay")],
        help: ArgumentHelp("Seconds between polls; fractions allowed (0.01 … 86400).", valueName: "SECONDS"))
    var interval: Double = 1

    @Option(
        help: ArgumentHelp(
            "Stop after this many seconds, 0 … 31622400 (default: until SIGINT or SIGTERM).", valueName: "SECONDS"))
    var duration: Double?

    @Option(
        help: ArgumentHelp(
            "Most disk space the recording and its rotated part take together (1 … 1048576).", valueName: "MiB"))
    var maxSize: Double = 1024

    @OptionGroup var source: SourceOptions

    func validate() throws {
        try OptionRange.interval.check(interval)
        if let duration { try OptionRange.duration.check(duration) }
        try OptionRange.maximumSize.check(maxSize)
    }

    func run() throws {
        try RecordRun(
            path: output, intervalSeconds: interval, durationSeconds: duration,
            maximumBytes: Int(maxSize * 1024 * 1024), source: try source.makeSource()
        ).run()
    }
}
