import ArgumentParser
import Glibc
import PodmemCore

/// `podmem report FILE`: a snapshot or recording as text for a ticket, or its last document as JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Print a plain-text report of a snapshot or recording (node, pods with ASCII trends, verdict sentences).")

    @Flag(help: "Print the podmem.snapshot/1 document for the last point in time instead.")
    var json = false

    @OptionGroup var input: TimelineOptions

    func run() throws {
        let timeline = try ReplayInput.open(input.file)
        // Warnings (a skipped torn tail) only once the file has opened: a file that fails is one line.
        let replay = try Replay(timeline: timeline, window: input.window)
        for warning in timeline.warnings {
            Console.write("podmem: \(TerminalText.sanitized(warning))\n", to: STDERR_FILENO)
        }
        guard var model = replay.monitor.model() else { throw CommandFailure("\(input.file): nothing to report") }
        if let snapshot = timeline as? SnapshotTimeline { model.carryCacheFiles(from: snapshot.document) }
        if json {
            Console.write(
                TerminalText.jsonEscapingControls(Array(try SnapshotCodec.encode(SnapshotDocument(model)))) + [0x0A],
                to: STDOUT_FILENO)
        } else {
            Console.write(TicketReport.render(model, replayedFrom: input.file))
        }
    }
}
