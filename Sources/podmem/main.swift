import ArgumentParser
import CMallocTuning
import Glibc
import PodmemCore

/// Awaits an async command (`serve`). A function and not top-level code: there Swift resolves an async command's
/// `run()` to the synchronous requirement, whose default only prints help.
func runAsync(_ command: AsyncParsableCommand) async throws {
    var command = command
    try await command.run()
}

// Usage errors exit 2 (like most Unix tools), other failures (CommandFailure) print one line and exit 1, never a stack trace.
// Synchronous commands (the live screen, batch, record, replay, report) run here on the main thread, as curses and
// the terminal modes' signal handling expect.
// One malloc arena for every thread: `serve`'s poller runs on whichever thread of the concurrency pool is free, and
// an arena per thread would keep each thread's freed documents and expositions apart instead of reusing them. The
// other modes are single-threaded.
mallopt(M_ARENA_MAX, 1)

do {
    var command = try Podmem.parseAsRoot()
    if let asyncCommand = command as? AsyncParsableCommand {
        try await runAsync(asyncCommand)
    } else {
        try command.run()
    }
} catch let error as CommandFailure {
    // Messages carry paths and names from the host and the command line: never raw control characters.
    Console.write("podmem: \(TerminalText.sanitized(error.message))\n", to: STDERR_FILENO)
    exit(1)
} catch {
    if Podmem.exitCode(for: error) == .validationFailure {
        Console.write(TerminalText.sanitizedLines(Podmem.fullMessage(for: error)) + "\n", to: STDERR_FILENO)
        exit(2)
    }
    Podmem.exit(withError: error)
}
