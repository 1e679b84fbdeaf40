import Foundation

/// What a bench mode hands back: a table for people, one JSON line for scripts, and the limits it broke.
protocol BenchReport: Encodable {
    func table() -> String
    /// One message per `--max-…` limit in `options` that the figures exceed.
    func exceededLimits(_ options: BenchOptions) -> [String]
}

extension BenchReport {
    /// One line of JSON, so the runs of `bench/run --json` form JSON Lines.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    static func format(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
