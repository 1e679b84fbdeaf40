import ArgumentParser
import PodmemCore

/// Where samples come from: flags shared by every mode.
struct SourceOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The cgroup memory hierarchy to read (default: detected under --host-root).", valueName: "DIR"))
    var root: String?

    @Option(
        help: ArgumentHelp(
            "Where the host's / is mounted, e.g. /host under kubectl debug node/…; every default path resolves under it.",
            valueName: "DIR"))
    var hostRoot: String = "/"

    @Option(
        help: ArgumentHelp(
            "kubelet's log directory, the source of pod and container names (default: <host-root>/var/log).",
            valueName: "DIR"))
    var logRoot: String?

    @Option(
        help: ArgumentHelp(
            "Seconds of history the growth verdict looks at, 1 … 604800 (batch mode: the whole run).",
            valueName: "SECONDS"))
    var window: Double = 300

    @Flag(help: "Show a built-in simulated node instead of this machine's cgroups.")
    var demo = false

    func validate() throws {
        try OptionRange.window.check(window)
    }

    /// Builds the source these flags describe; a bad root is a `CommandFailure` with a one-line message.
    func makeSource() throws -> MemorySource {
        if demo { return DemoNode.makeSource() }
        let fileSystem = LocalFileSystem()
        let hierarchy =
            try root.map { try CgroupHierarchy.inspect(fileSystem: fileSystem, directory: $0) }
            ?? CgroupHierarchy.detect(fileSystem: fileSystem, hostRoot: hostRoot)
        return CgroupSource(
            fileSystem: fileSystem, hierarchy: hierarchy, hostRoot: hostRoot,
            logRoot: logRoot ?? CgroupHierarchy.joinHostRoot(hostRoot, "var/log"),
            host: HostName.resolve(fileSystem: fileSystem, hostRoot: hostRoot))
    }
}
