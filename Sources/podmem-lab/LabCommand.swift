/// The command line: which workload to run, with its options in bytes and seconds.
enum LabCommand {
    case help
    case cacheWriter(CacheWriter)
    case leak(AnonymousLeak)
    case steady(SteadyHolder)
    case coldCache(ColdCache)
    case sawtooth(HeapSawtooth)
    case kernelObjects(KernelObjects)
    case holdFiles(FileHolder)

    static let usage = """
        usage: podmem-lab <workload> [options]

        Memory workloads for trying podmem on a real kernel. A workload starts, prints
        "ready <pid>" and waits for one line on stdin, so the caller can first move it
        into a cgroup (write <pid> to the cgroup's cgroup.procs: on cgroup v1, memory
        charged before the move stays in the old cgroup). After that line it allocates,
        prints "started" once its first allocation is in place, and runs until stdin
        reaches end of file or it gets SIGTERM or SIGINT.

        workloads:
          cache-writer --file PATH [--chunk-mib 2] [--period 0.25] [--max-mib N]
              Every period: append chunk-mib to PATH (created or truncated), then read
              the whole file back twice, like grep over a growing log. Pages read twice
              move to active_file: the working set grows with page cache alone.
              With --max-mib, appending stops at that file size; the reads go on.
          leak [--chunk-mib 2] [--period 0.25] [--max-mib N]
              Every period: allocate chunk-mib of anonymous memory, write every page
              and keep it. With --max-mib, allocation stops at that total; it is held.
          steady [--mib 48]
              Allocate and write mib of anonymous memory once, then hold it.
          cold-cache --file PATH [--mib 96]
              Write mib to PATH (created or truncated) once, then idle: page cache
              that stays on inactive_file, outside cAdvisor's working set.
          sawtooth [--step-mib 8] [--steps 15] [--period 4]
              Allocate step-mib of anonymous memory (every page written) steps times,
              evenly over the period, then free it all; again and again. No net growth.
          kernel-objects --dir PATH [--files 2000] [--period 0.25] [--max-files 200000]
              Every period: create that many empty files in PATH (created if missing) and
              keep them: inodes and dentries, kernel memory without page cache or anon.
          hold-files --dir DIR [--open-mib 64] [--mapped-mib 32] [--deleted-mib 16]
              Write DIR/open.log and keep it open; write DIR/mapped.idx, map it and
              read every page through the mapping (the descriptor is closed); write
              DIR/rotated.log, keep it open and delete it. Then hold all three.

        Sizes are MiB and periods seconds; fractions are allowed. Put PATH on a disk
        file system: tmpfs pages are shmem (anon LRU), not page cache.

        example (bash):
          coproc LAB { exec podmem-lab leak --max-mib 512; }
          read -r _ pid <&"${LAB[0]}"                 # "ready <pid>"
          echo "$pid" > /sys/fs/cgroup/memory/lab/cgroup.procs
          echo go >&"${LAB[1]}"
          ...
          kill "$pid"                                 # or close its stdin

        """

    static func parse(_ arguments: [String]) throws(LabError) -> LabCommand {
        guard let workload = arguments.first else { throw .usage("no workload given") }
        if workload == "-h" || workload == "--help" || workload == "help" { return .help }
        var options = try LabOptions(Array(arguments.dropFirst()))
        let command: LabCommand
        switch workload {
        case "cache-writer":
            command = .cacheWriter(
                CacheWriter(
                    path: try options.requiredPath("--file"), chunkBytes: try options.bytes("--chunk-mib", default: 2),
                    periodSeconds: try options.seconds("--period", default: 0.25),
                    maximumBytes: try options.optionalBytes("--max-mib")))
        case "leak":
            command = .leak(
                AnonymousLeak(
                    chunkBytes: try options.bytes("--chunk-mib", default: 2),
                    periodSeconds: try options.seconds("--period", default: 0.25),
                    maximumBytes: try options.optionalBytes("--max-mib")))
        case "steady":
            command = .steady(SteadyHolder(bytes: try options.bytes("--mib", default: 48)))
        case "sawtooth":
            command = .sawtooth(
                HeapSawtooth(
                    stepBytes: try options.bytes("--step-mib", default: 8),
                    steps: try options.count("--steps", default: 15),
                    periodSeconds: try options.seconds("--period", default: 4)))
        case "kernel-objects":
            command = .kernelObjects(
                KernelObjects(
                    directory: try options.requiredPath("--dir"),
                    filesPerPeriod: try options.count("--files", default: 2000),
                    periodSeconds: try options.seconds("--period", default: 0.25),
                    maximumFiles: try options.count("--max-files", default: 200_000)))
        case "cold-cache":
            command = .coldCache(
                ColdCache(path: try options.requiredPath("--file"), bytes: try options.bytes("--mib", default: 96)))
        case "hold-files":
            command = .holdFiles(
                FileHolder(
                    directory: try options.requiredPath("--dir"),
                    openBytes: try options.bytes("--open-mib", default: 64),
                    mappedBytes: try options.bytes("--mapped-mib", default: 32),
                    deletedBytes: try options.bytes("--deleted-mib", default: 16)))
        default:
            throw .usage("unknown workload '\(workload)'")
        }
        try options.finish()
        return command
    }

    func run(control: ControlChannel) throws(LabError) {
        switch self {
        case .help: ControlChannel.writeOutput(Self.usage)
        case .cacheWriter(let workload): try workload.run(control: control)
        case .leak(let workload): try workload.run(control: control)
        case .steady(let workload): try workload.run(control: control)
        case .coldCache(let workload): try workload.run(control: control)
        case .sawtooth(let workload): try workload.run(control: control)
        case .kernelObjects(let workload): try workload.run(control: control)
        case .holdFiles(let workload): try workload.run(control: control)
        }
    }
}
