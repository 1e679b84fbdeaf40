/// `podmem report`: the batch table with an ASCII working-set trend per pod, then one verdict sentence per pod
/// that grew — plain ASCII-safe text to paste into a ticket.
public enum TicketReport {
    public static func render(_ document: MemoryModel, replayedFrom path: String) -> String {
        var out = "podmem report of \(TerminalText.sanitized(path))\n"
        out += BatchReport.render(document, withTrend: true)
        let grown = document.pods.filter { $0.growth.class.isGrowth }
        out += "\nverdicts (\(grown.count) of \(document.pods.count) workloads grew):\n"
        for pod in grown {
            out +=
                "  \(BatchReport.label(pod)): \(pod.sentence ?? VerdictSentence.describe(growth: pod.growth, memory: pod.memory, cacheFiles: pod.cacheFiles))\n"
        }
        out += CacheFileText.paragraph(document)
        return out
    }

}
