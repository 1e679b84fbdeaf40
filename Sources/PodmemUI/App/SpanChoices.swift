/// The time spans `+` and `-` step through: the start window, and round spans up to what the history holds.
public enum SpanChoices {
    static let steps: [Double] = [60, 300, 900, 1800, 3600, 2 * 3600, 6 * 3600, 12 * 3600, 24 * 3600]

    /// Ascending spans no longer than `longest` (the coarsest tier's reach), always including `initial`.
    public static func make(initial: Double, longest: Double) -> [Double] {
        (steps.filter { $0 <= longest } + [initial]).reduce(into: [Double]()) { list, span in
            if !list.contains(span) { list.append(span) }
        }.sorted()
    }

    /// The choice `steps` places away from `current` (the nearest one when `current` is not a choice).
    static func step(from current: Double, by steps: Int, in choices: [Double]) -> Double {
        guard !choices.isEmpty else { return current }
        let index = choices.firstIndex { $0 >= current } ?? choices.count - 1
        return choices[min(choices.count - 1, max(0, index + steps))]
    }
}
