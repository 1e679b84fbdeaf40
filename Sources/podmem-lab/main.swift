#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

// Exit codes: 0 when stdin closes (or --help), 1 when a workload fails, 2 on a usage error.
signal(SIGPIPE, SIG_IGN)  // a caller that stops reading stdout must not kill the workload
do {
    let command = try LabCommand.parse(Array(CommandLine.arguments.dropFirst()))
    try command.run(control: ControlChannel())
    exit(0)
} catch {
    ControlChannel.writeError("podmem-lab: \(error.message)\n" + (error.isUsage ? "\n" + LabCommand.usage : ""))
    exit(error.isUsage ? 2 : 1)
}
