/// `podmem report`: the batch table with an ASCII working-set trend per pod, then one verdict sentence per pod
/// that grew — plain ASCII-safe text to paste into a ticket.
public enum TicketReport {
    public static let trendWidth = 24

    public static func render(_ document: MemoryModel, replayedFrom path: String) -> String {
        var out = "podmem report of \(TerminalText.sanitized(path))\n"
        out += BatchReport.render(document, trend: { trend($0.history.map(\.workingSetBytes)) })
        let grown = document.pods.filter { $0.growth.class.isGrowth }
        out += "\nverdicts (\(grown.count) of \(document.pods.count) workloads grew):\n"
        for pod in grown {
            out +=
                "  \(BatchReport.label(pod)): \(pod.sentence ?? VerdictSentence.describe(growth: pod.growth, memory: pod.memory, cacheFiles: pod.cacheFiles))\n"
        }
        out += CacheFileText.paragraph(document)
        return out
    }

    /// The working set's trend as the pod list draws it, in the ASCII glyph set: at most `trendWidth` columns
    /// (bucket maxima when there are more values), over a range of at least 1 MiB so kernel noise stays flat.
    static func trend(_ values: [UInt64?]) -> String {
        Sparkline.render(values.map { $0.map { Double($0) } }, width: min(trendWidth, values.count), glyphs: .ascii)
    }
}
