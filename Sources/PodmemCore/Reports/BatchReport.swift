/// The plain-text table `podmem --batch` prints: node summary, then pods by working set.
public enum BatchReport {
    /// `withTrend`: the report's table, with the working set's sparkline last.
    public static func render(_ document: MemoryModel, withTrend: Bool = false) -> String {
        var out = "podmem · \(TerminalText.sanitized(document.host)) · cgroup v\(document.cgroupVersion.rawValue) · "
        out += "\(TerminalText.sanitized(document.root)) · \(Timestamp.iso8601(document.takenAt))\n"
        let node = document.node
        out += "node: MemTotal \(ByteFormat.human(node.memTotalBytes))"
        out +=
            " · working set \(ByteFormat.human(node.workingSetBytes)) (without cache \(ByteFormat.human(node.workingSetNoCacheBytes)))"
        out += " · memory.available \(ByteFormat.human(node.availableBytes)) (kubelet)"
        out += ", \(ByteFormat.human(node.availableNoCacheBytes)) counting active cache as available\n"
        let window = document.pods.first.map { ByteFormat.fixed($0.growth.windowSeconds, decimals: 1) + " s" } ?? "-"
        out += "\(WorkloadSummary.count(document)) · growth window \(window)"
        out += " · WS = usage − inactive_file (cAdvisor) · WS-NC = WS − active_file\n"
        if WorkloadSummary.foundNothing(document) { out += WorkloadSummary.nothingFound(root: document.root) + "\n" }
        out += "\n"

        // ASCII sparklines: the report is pasted into tickets.
        out += TextTable(
            columns: withTrend ? TableColumn.report : TableColumn.batch, rows: document.pods, glyphs: .ascii
        )
        .render()
        if !document.warnings.isEmpty {
            out +=
                "\nwarnings:\n" + document.warnings.map { "  " + TerminalText.sanitized($0) }.joined(separator: "\n")
                + "\n"
        }
        return out
    }

    /// Sanitised for the terminal: it is made of names from the host.
    static func label(_ pod: PodModel) -> String {
        TerminalText.sanitized(TableColumn.label(pod))
    }
}
