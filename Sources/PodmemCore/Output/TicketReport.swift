/// `podmem report`: the batch table with an ASCII working-set trend per pod, then one verdict sentence per pod
/// that grew — plain ASCII-safe text to paste into a ticket.
public enum TicketReport {
    /// Eight levels, lowest first, printable anywhere.
    static let levels: [Character] = ["_", ".", ",", "-", "~", "=", "+", "#"]
    public static let trendWidth = 24

    public static func render(_ document: SnapshotDocument, replayedFrom path: String) -> String {
        var out = "podmem report of \(TerminalText.sanitized(path))\n"
        out += BatchReport.render(document, trend: { trend($0.history.workingSetBytes) })
        let grown = document.pods.filter { GrowthClass(rawValue: $0.growth.class)?.isGrowth ?? false }
        out += "\nverdicts (\(grown.count) of \(document.pods.count) workloads grew):\n"
        for pod in grown {
            out += "  \(BatchReport.label(pod)): \(VerdictSentence.describe(growth: pod.growth, memory: pod.memory, cacheFiles: pod.cacheFiles))\n"
        }
        out += CacheFileText.paragraph(document)
        return out
    }

    /// The newest `trendWidth` values (averaged into that many columns when there are more), scaled between their
    /// own minimum and maximum; a gap is a space.
    static func trend(_ values: [UInt64?]) -> String {
        guard !values.isEmpty else { return "" }
        let columns = min(trendWidth, values.count)
        let means: [Double?] = (0..<columns).map { column in
            let slice = values[(column * values.count / columns)..<((column + 1) * values.count / columns)].compactMap { $0 }
            return slice.isEmpty ? nil : slice.reduce(0.0) { $0 + Double($1) } / Double(slice.count)
        }
        let present = means.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else { return String(repeating: " ", count: columns) }
        return String(means.map { mean in
            guard let mean else { return " " }
            let level = high > low ? Int((mean - low) / (high - low) * Double(levels.count - 1) + 0.5) : 0
            return levels[level]
        })
    }
}
