import ArgumentParser
import Foundation
import PodmemCore

// Usage errors exit 2 (like most Unix tools), setup errors print one line and exit 1, never a stack trace.
do {
    var command = try Podmem.parseAsRoot()
    try command.run()
} catch let error as SetupError {
    FileHandle.standardError.write(Data("podmem: \(error.message)\n".utf8))
    exit(1)
} catch {
    if Podmem.exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((Podmem.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    Podmem.exit(withError: error)
}
