/// The plain-text table `podmem --batch` prints: node summary, then pods by working set.
public enum BatchReport {
    /// `trend`: an extra last column drawn from each pod (the report's ASCII sparkline).
    public static func render(_ document: MemoryModel, trend: ((PodModel) -> String)? = nil) -> String {
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

        let figures = MemoryFigure.columns
        var table = TextTable(
            headers: ["WORKLOAD", "QOS"] + figures.map { $0.column?.title ?? $0.longTitle } + [
                "LIMIT", "%LIM", "CACHE", "WS/s", "VERDICT",
            ]
                + (trend == nil ? [] : ["WS TREND"]),
            alignments: [.left, .left] + figures.map { _ in .right } + [.right, .right, .right, .right, .left]
                + (trend == nil ? [] : [.left]))
        for pod in document.pods {
            let m = pod.memory
            table.rows.append(
                [label(pod), pod.qos?.rawValue ?? "-"] + figures.map { ByteFormat.human(m[$0]) } + [
                    m.limitBytes.map { ByteFormat.human($0) } ?? "none", ByteFormat.percent(m.limitFraction),
                    ByteFormat.percent(pod.cacheShare), ByteFormat.rate(pod.growth.workingSetBytesPerSecond),
                    pod.growth.class.rawValue,
                ] + (trend.map { [$0(pod)] } ?? []))
        }
        out += table.render()
        if !document.warnings.isEmpty {
            out +=
                "\nwarnings:\n" + document.warnings.map { "  " + TerminalText.sanitized($0) }.joined(separator: "\n")
                + "\n"
        }
        return out
    }

    /// Sanitised for the terminal: it is made of names from the host.
    static func label(_ pod: PodModel) -> String {
        TerminalText.sanitized(rawLabel(pod))
    }

    /// The display name, and what kind of workload it is unless a pod.
    private static func rawLabel(_ pod: PodModel) -> String {
        pod.kind == .pod ? pod.displayName : "\(pod.displayName) (\(pod.kind.rawValue))"
    }
}
