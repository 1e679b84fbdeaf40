/// How the headers (screen, `--batch`, report) count what discovery found, and the one line they show when it found
/// nothing. Kubernetes pods are "pods"; docker/podman containers and systemd services are "workloads", not pods.
public enum WorkloadSummary {
    /// `12 pods`, `3 workloads`, `5 workloads (2 pods)` for a mix, `root cgroup only` when discovery found nothing.
    public static func count(_ document: MemoryModel) -> String {
        if foundNothing(document) { return "root cgroup only" }
        let total = document.pods.count
        let pods = document.pods.reduce(0) { $0 + ($1.kind == .pod ? 1 : 0) }
        if pods == total, total > 0 { return plural(pods, "pod") }
        let workloads = plural(total, "workload")
        return pods == 0 ? workloads : "\(workloads) (\(plural(pods, "pod")))"
    }

    /// Discovery found no pod, container or service, so the root cgroup itself stands in as the only row (kind `cgroup`).
    public static func foundNothing(_ document: MemoryModel) -> Bool {
        document.pods.count == 1 && document.pods[0].kind == .cgroup
    }

    /// The one line saying so, with what was looked for (the layouts `WorkloadDiscovery` knows); `root` may come from
    /// a replayed file, so it is made safe for a terminal.
    public static func nothingFound(root: String) -> String {
        "nothing found under \(TerminalText.sanitized(root)): no Kubernetes pods (kubepods*, kubelet* within 3 levels), docker (docker/, "
            + "system.slice/docker-*.scope), podman (libpod_parent/, machine.slice/libpod-*.scope) or systemd services "
            + "(system.slice/*.service); the one row is the root cgroup itself"
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
