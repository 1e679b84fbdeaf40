/// Checks a decoded `podmem.snapshot/1` document against `InputLimits` before anything computes with it. The walk is
/// generic over the document's properties, so a figure added to the document is checked by its kind: every count
/// up to 2^60 (limits 2^62), times, intervals, PSI and shares in their own ranges, other numbers (derived rates,
/// which a replay recomputes) finite up to 2^70, and the number arrays of one object (a pod's history) all as long
/// as its first (`t`).
enum SnapshotValidator {
    /// `JSON path: why` for the first value that cannot be real, or nil.
    static func problem(_ document: SnapshotDocument) -> String? {
        problem(in: document, path: "")
    }

    private static func problem(in object: Any, path: String) -> String? {
        var firstArray: (label: String, count: Int)?
        for child in Mirror(reflecting: object).children {
            guard let label = child.label else { continue }
            let here = path.isEmpty ? label : "\(path).\(label)"
            var count: Int?
            switch child.value {
            case let value as UInt64:
                if let why = InputLimits.countProblem(value) { return "\(here): \(why)" }
            case let value as Double:
                if let why = doubleProblem(value, label: label) { return "\(here): \(why)" }
            case let value as Int:
                let range = label == "cgroupVersion" ? 1...2 : 0...Int(Int32.max)
                if !range.contains(value) {
                    return "\(here): \(value) is outside \(range.lowerBound)…\(range.upperBound)"
                }
            case let values as [Double]:
                for (index, value) in values.enumerated() {
                    if let why = doubleProblem(value, label: label) { return "\(here)[\(index)]: \(why)" }
                }
                count = values.count
            case let values as [UInt64?]:
                for (index, value) in values.enumerated() {
                    if let value, let why = InputLimits.countProblem(value) { return "\(here)[\(index)]: \(why)" }
                }
                count = values.count
            case let figures as MemoryFigures:
                for figure in MemoryFigure.all {
                    guard let value = figures[figure] else { continue }
                    let why = figure == .limit ? InputLimits.limitProblem(value) : InputLimits.countProblem(value)
                    if let why { return "\(here).\(figure.jsonKey): \(why)" }
                }
            case is String, is Bool:
                break
            default:
                let nested = Mirror(reflecting: child.value)
                if nested.displayStyle == .optional, let wrapped = nested.children.first {
                    if let why = problem(in: wrapped.value, path: here) { return why }
                } else if nested.displayStyle == .collection {
                    for (index, element) in nested.children.enumerated() {
                        if let why = problem(in: element.value, path: "\(here)[\(index)]") { return why }
                    }
                } else if let why = problem(in: child.value, path: here) {
                    return why
                }
            }
            guard let count else { continue }
            if let first = firstArray, first.count != count {
                return "\(here): \(count) values where \(first.label) has \(first.count)"
            }
            if firstArray == nil { firstArray = (label, count) }
        }
        return nil
    }

    private static func doubleProblem(_ value: Double, label: String) -> String? {
        switch label {
        case "t": return InputLimits.timeProblem(value)
        case "intervalSeconds": return InputLimits.intervalProblem(value)
        case "windowSeconds": return within(value, 0...InputLimits.unixSeconds.upperBound)
        case "cacheShare": return within(value, 0...1)
        case _ where label.hasPrefix("pressure"): return within(value, InputLimits.pressurePercent)
        default: return abs(value) <= InputLimits.maximumRate ? nil : "\(value) is not finite or beyond ±2^70"
        }
    }

    private static func within(_ value: Double, _ range: ClosedRange<Double>) -> String? {
        range.contains(value) ? nil : "\(value) is outside \(range.lowerBound)…\(range.upperBound)"
    }
}
