/// A failure that ends a command with its message as the one line printed on stderr (exit 1): at setup (no cgroup
/// hierarchy, an unreadable recording, a port in use) or later (a recording or snapshot that could not be written).
public struct CommandFailure: Error, Sendable, CustomStringConvertible, Equatable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
