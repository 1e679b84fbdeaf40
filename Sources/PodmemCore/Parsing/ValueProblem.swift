/// What was wrong with a value in a kernel file; becomes part of a warning line.
public enum ValueProblem: Error, Sendable, Equatable {
    case empty
    case negative
    case notANumber
    /// Does not fit in 64 bits, or is beyond anything a machine can hold (see `ByteParsing.plausibleMaximum`).
    case implausible

    public var summary: String {
        switch self {
        case .empty: "empty or truncated"
        case .negative: "negative value"
        case .notANumber: "not a number"
        case .implausible: "absurdly large value"
        }
    }
}
