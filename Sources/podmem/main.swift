import ArgumentParser
import Glibc
import PodmemCore

/// Runs a parsed command, awaiting async ones (`serve`). A function and not top-level code: there Swift resolves
/// an async command's `run()` to the synchronous requirement, whose default only prints help.
func run(_ command: ParsableCommand) async throws {
    if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
    } else {
        var command = command
        try command.run()
    }
}

// Usage errors exit 2 (like most Unix tools), setup errors print one line and exit 1, never a stack trace.
do {
    try await run(try Podmem.parseAsRoot())
} catch let error as SetupError {
    Console.write("podmem: \(error.message)\n", to: STDERR_FILENO)
    exit(1)
} catch {
    if Podmem.exitCode(for: error) == .validationFailure {
        Console.write(Podmem.fullMessage(for: error) + "\n", to: STDERR_FILENO)
        exit(2)
    }
    Podmem.exit(withError: error)
}
