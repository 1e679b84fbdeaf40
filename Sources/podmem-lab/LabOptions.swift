/// `--name value` pairs after the workload name; every option must be consumed exactly once.
struct LabOptions {
    private var values: [String: String] = [:]

    init(_ arguments: [String]) throws(LabError) {
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            guard name.hasPrefix("--"), index + 1 < arguments.count else {
                throw .usage(name.hasPrefix("--") ? "\(name) needs a value" : "unexpected argument '\(name)'")
            }
            guard values.updateValue(arguments[index + 1], forKey: name) == nil else {
                throw .usage("\(name) given twice")
            }
            index += 2
        }
    }

    mutating func requiredPath(_ name: String) throws(LabError) -> String {
        guard let value = values.removeValue(forKey: name), !value.isEmpty else {
            throw .usage("\(name) PATH is required")
        }
        return value
    }

    /// A positive size in MiB, returned in bytes rounded up to whole 4 KiB pages (so never 0).
    mutating func bytes(_ name: String, default fallback: Double) throws(LabError) -> Int {
        try optionalBytes(name) ?? Self.pages(fallback)
    }

    mutating func optionalBytes(_ name: String) throws(LabError) -> Int? {
        try positiveNumber(name).map(Self.pages)
    }

    /// A positive whole number.
    mutating func count(_ name: String, default fallback: Int) throws(LabError) -> Int {
        guard let value = try positiveNumber(name) else { return fallback }
        guard value == value.rounded(), value < 1e9 else { throw .usage("\(name) needs a whole number") }
        return Int(value)
    }

    mutating func seconds(_ name: String, default fallback: Double) throws(LabError) -> Double {
        try positiveNumber(name) ?? fallback
    }

    /// Rejects options no workload asked for.
    func finish() throws(LabError) {
        if let unknown = values.keys.sorted().first { throw .usage("unknown option \(unknown) for this workload") }
    }

    private static func pages(_ mebibytes: Double) -> Int {
        Int((mebibytes * 256).rounded(.up)) * 4096
    }

    private mutating func positiveNumber(_ name: String) throws(LabError) -> Double? {
        guard let text = values.removeValue(forKey: name) else { return nil }
        guard let value = Double(text), value.isFinite, value > 0 else {
            throw .usage("\(name) needs a positive number, not '\(text)'")
        }
        return value
    }
}
