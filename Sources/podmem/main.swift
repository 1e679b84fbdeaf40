import ArgumentParser
import Glibc
import PodmemCore

// Usage errors exit 2 (like most Unix tools), setup errors print one line and exit 1, never a stack trace.
do {
    var command = try Podmem.parseAsRoot()
    try command.run()
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
