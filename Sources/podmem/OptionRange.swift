import ArgumentParser

/// The values a numeric option accepts, checked in `validate()`: anything outside (NaN and infinities included) is
/// a usage error (exit 2) that names the range, before any value reaches arithmetic that could trap.
struct OptionRange {
    let option: String
    let lowest: Double
    let highest: Double
    let unit: String

    /// Polls more often than 100 per second only spin the CPU; a day apart is the longest that still monitors.
    static let interval = OptionRange(option: "-d", lowest: 0.01, highest: 86_400, unit: "seconds")
    /// `--batch` may also poll back to back.
    static let batchInterval = OptionRange(option: "-d", lowest: 0, highest: 86_400, unit: "seconds")
    /// Up to 7 days: the history's coarsest tier covers 24 h, and a week bounds what a window can ask of it.
    static let window = OptionRange(option: "--window", lowest: 1, highest: 604_800, unit: "seconds")
    static let iterations = OptionRange(option: "-n", lowest: 1, highest: 1_000_000, unit: "polls")
    static let duration = OptionRange(option: "--duration", lowest: 0, highest: 31_622_400, unit: "seconds (366 days)")
    static let maximumSize = OptionRange(option: "--max-size", lowest: 1, highest: 1_048_576, unit: "MiB (1 TiB)")

    func check(_ value: Double) throws {
        guard value >= lowest, value <= highest else { throw outside(Self.format(value)) }
    }

    func check(_ value: Int) throws {
        guard Double(value) >= lowest, Double(value) <= highest else { throw outside("\(value)") }
    }

    private func outside(_ value: String) -> ValidationError {
        ValidationError(
            "\(option) must be between \(Self.format(lowest)) and \(Self.format(highest)) \(unit), got \(value)")
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
