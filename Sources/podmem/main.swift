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

// Usage errors exit 2 (like most Unix tools), setup errors print one line and exit 1, never a stack trace.
// Synchronous commands (the live screen, batch, record, replay, report) run right here on the main thread: curses
// and the signal handling of the terminal modes expect it, and nothing hops to a worker thread.
// One malloc arena for every thread: `serve`'s poller hops between the concurrency pool's threads, and with an arena
// per thread each kept its own freed megabytes of documents and expositions (94 MiB RSS at 2000 pods × 2). The other
// modes are single-threaded.
mallopt(M_ARENA_MAX, 1)

do {
    var command = try Podmem.parseAsRoot()
    if let asyncCommand = command as? AsyncParsableCommand {
        try await runAsync(asyncCommand)
    } else {
        try command.run()
    }
} catch let error as SetupError {
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
