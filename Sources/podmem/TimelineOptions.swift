import ArgumentParser

/// What `replay` and `report` open, and the span their verdicts start with.
struct TimelineOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp("A podmem.snapshot/1 document or a podmem.recording (/1 or /2) file.", valueName: "FILE"))
    var file: String

    @Option(
        help: ArgumentHelp("Seconds of history the sparklines and verdicts look at (1 … 604800).", valueName: "SECONDS")
    )
    var window: Double = 300

    func validate() throws {
        try OptionRange.window.check(window)
    }
}
