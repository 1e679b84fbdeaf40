import ArgumentParser
import Glibc
import PodmemCore

/// `podmem [top]`: the live monitor, or with `--batch` a top-style table or JSON document. The default subcommand.
struct TopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "top",
        abstract: "Live per-pod monitor (the default), or --batch for a table or the JSON snapshot document.")

    @Flag(name: [.customShort("b"), .long], help: "Poll, print the final table (or JSON) and exit, like top -b.")
    var batch = false

    @Option(name: [.customShort("n"), .customLong("iterations")], help: "Polls in batch mode (1 … 1000000).")
    var iterations: Int = 5

    @Option(
        name: [.customShort("d"), .customLong("interval"), .customLong("delay")],
        help: ArgumentHelp(
            "Seconds between polls; fractions allowed (0.01 … 86400; with --batch 0 … 86400).", valueName: "SECONDS"))
    var interval: Double = 1

    @Flag(help: "With --batch: print the podmem.snapshot/1 JSON document instead of the table.")
    var json = false

    @Flag(
        help:
            "With --batch: list each pod's files in the page cache (pods[].cacheFiles in JSON). The live screen lists the detail pod's."
    )
    var cacheFiles = false

    @Option(help: ArgumentHelp("Where the s key writes snapshots (live mode).", valueName: "DIR"))
    var snapshotDir: String = "."

    @OptionGroup var source: SourceOptions

    func validate() throws {
        try OptionRange.iterations.check(iterations)
        try (batch ? OptionRange.batchInterval : OptionRange.interval).check(interval)
        if json && !batch { throw ValidationError("--json needs --batch") }
        if cacheFiles && !batch {
            throw ValidationError("--cache-files needs --batch (the live screen lists the detail pod's files anyway)")
        }
    }

    func run() throws {
        if batch {
            try BatchRun(
                iterations: iterations, intervalSeconds: interval, json: json, cacheFiles: cacheFiles,
                source: try source.makeSource()
            ).run()
        } else {
            guard isatty(STDOUT_FILENO) == 1 else {
                throw CommandFailure(
                    "stdout is not a terminal; use --batch for a table or --batch --json for the snapshot document")
            }
            try LiveRun(
                intervalSeconds: interval, window: source.window, snapshotDirectory: snapshotDir,
                source: try source.makeSource()
            ).run()
        }
    }
}
