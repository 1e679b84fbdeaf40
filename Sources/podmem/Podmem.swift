import ArgumentParser

/// `podmem`: container memory with page cache told apart from what a pod really holds.
/// With no subcommand it runs `top`, so `podmem`, `podmem -b -n 3` and `podmem --demo` work as before.
struct Podmem: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "podmem",
        abstract: "Per-pod memory from cgroups, with cAdvisor's working set split into page cache and the rest.",
        discussion: """
            WS = max(0, usage − inactive_file) is cAdvisor's working set (Grafana, kubectl top, kubelet eviction).
            WS-NC = max(0, usage − inactive_file − active_file) leaves out all page cache.
            """,
        version: versionLine,
        subcommands: [TopCommand.self, RecordCommand.self, ReplayCommand.self, ReportCommand.self, ServeCommand.self],
        defaultSubcommand: TopCommand.self)
}

/// What `podmem --version` prints: the git description of the source tree at build time (see Plugins/GitDescribe).
let versionLine = gitDescribe == "unknown" ? "podmem unknown (built outside a git checkout)" : "podmem \(gitDescribe)"
