import ArgumentParser
import Glibc
import PodmemCore

/// `podmem replay FILE`: a snapshot or recording in the live screens, read-only, moving through time by key.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Open a snapshot or recording in the monitor's screens; [ ] step, { } a minute, g G start and end.")

    @OptionGroup var input: TimelineOptions

    func run() throws {
        guard isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure("stdout is not a terminal; use 'podmem report \(input.file)' for text or JSON")
        }
        let timeline = try ReplayInput.open(input.file)
        try LiveRun.replay(Replay(timeline: timeline, window: input.window))
    }
}
