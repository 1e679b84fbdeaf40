/// A problem that stops podmem before the first poll; its message is the one line printed on stderr.
public struct SetupError: Error, Sendable, CustomStringConvertible, Equatable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
