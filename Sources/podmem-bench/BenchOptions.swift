import Glibc

/// Command-line options, parsed by hand so the bench depends on nothing but PodmemCore.
/// A repeated option takes its last value, so `bench/run` defaults can be overridden by appended arguments.
struct BenchOptions {
    var layout = TreeLayout.v1
    var pods = 1000
    var containersPerPod = 2
    /// Polls per measured run: each run's CPU time is divided by this.
    var iterations = 20
    /// Interleaved floor/podmem runs (live: measured windows); the report shows medians over rounds.
    var rounds: Int?
    var roundCount: Int { rounds ?? (live ? 3 : 5) }
    /// Untimed polls before the first round: first-poll work (name index, path caches) is not steady state.
    var warmup = 3
    /// Where the temporary tree goes; it must be a real filesystem, not a fixture or a mock.
    var directory = "/tmp"
    var json = false
    var maxRatio: Double?
    /// Live mode: podmem's live screen in tmux against the floor paced at its interval, instead of polls in-process.
    var live = false
    /// Live: length of one measured round.
    var seconds = 30
    /// Live: time between the first rows on screen and the first round. The default lets the history fill:
    /// podmem's default 300 s window, so growth analysis and memory are those of a long run.
    var settleSeconds = 300
    var width = 200
    var height = 50
    /// Live: the release podmem binary to run (default: the one next to this bench binary).
    var podmem = BenchOptions.siblingExecutable("podmem")
    var maxResidentMiB: Double?
    /// Live: open the first pod's detail screen, whose page-cache-by-file scan then runs every poll.
    var detail = false
    /// Live, with `detail`: no process listed, so the scan finds nothing to measure (the detail screen's baseline).
    var detailWithoutFiles = false
    var floorSource = BenchOptions.packageRoot + "/bench/floor.c"
    /// Real kernel captures the tree's files are copied from (`Tests/Fixtures`, as the tests use).
    var fixtures = BenchOptions.packageRoot + "/Tests/Fixtures"
    var showHelp = false
    /// Replay mode: a synthetic recording of this many hours at 1 s is written, opened and reported on.
    var replay = false
    var replayHours = 24.0
    var maxOpenSeconds: Double?
    /// Make the tree of real, empty cgroups on this cgroup v1 memory hierarchy instead of files in --dir.
    var cgroupfs: String?

    /// The checkout this binary was built from: where `bench/floor.c` and the fixtures are found by default.
    static var packageRoot: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // BenchOptions.swift, podmem-bench, Sources
        return parts.joined(separator: "/")
    }

    /// `name` in the directory of the running bench binary, where `swift build --product` puts every product.
    static func siblingExecutable(_ name: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return name }
        let path = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/") + "/"
            + name
    }

    static let usage = """
        usage: podmem-bench [--layout v1|v2 | --cgroupfs] [--pods N] [--containers M] [--iterations P] [--rounds R]
                            [--warmup W] [--dir DIR] [--json] [--max-ratio X] [--floor-source FILE] [--fixtures DIR]
               podmem-bench --live [--layout v1|v2] [--pods N] [--containers M] [--seconds S] [--rounds R]
                            [--settle T] [--size WxH] [--podmem FILE] [--max-ratio X] [--max-rss-mib Y] [--json] …
               podmem-bench --replay [--pods N] [--hours H] [--rounds R] [--podmem FILE] [--max-open-seconds Z]
                            [--max-rss-mib Y] [--json]

        Generates a kubepods cgroup tree of N pods × M containers in a temporary directory under DIR
        (default /tmp), polls it with podmem (CgroupSource.sample and Monitor.poll) and with a C reader that
        only opens, reads and closes the same files (the floor), interleaved for R rounds of P polls each,
        and prints median CPU time per poll and podmem/floor ratios. Defaults: v1, 1000 × 2, 20 polls, 5 rounds.

        --live runs the release podmem binary's live screen on the tree instead (`-d 1`, in a detached tmux
        pane of W×H, TERM=xterm-256color), waits for its first rows and T more seconds (default 300: the
        default window of history fills), then measures R rounds (default 3) of S seconds (default 30):
        podmem's CPU time (utime + stime from /proc), the floor's reading the same files once a second over
        the same seconds, their ratio, and podmem's VmRSS / VmHWM. The tmux server and the tree are removed
        on every exit, Ctrl-C included.

        --replay writes a synthetic recording of H hours (default 24) at 1 s for N pods × 2 containers with
        podmem's writer, times opening it at its end (median of R rounds, in-process) and runs the release
        `podmem report FILE --json` on it for its wall time and peak RSS. No tree is generated.

          --cgroupfs      make the tree of real, empty cgroups on the v1 memory hierarchy at /sys/fs/cgroup/memory
                          (--cgroupfs-at DIR: elsewhere), so the kernel generates every file read; v1 layout only;
                          also times `systemd-cgtop -b` walking the same tree. The cgroups are removed afterwards.
          --json          print the figures as one JSON object instead of the table
          --detail        live: open the top pod's detail screen (Enter) and measure with it open; a podmem-lab
                          hold-files process (built next to this binary) is listed in every container's cgroup.procs
                          so the page-cache-by-file scan has real files; generated trees only, not --cgroupfs
          --detail-without-files  live: the same detail screen with no process listed (the scan's baseline)
          --max-open-seconds Z  replay: exit 1 when opening (in-process or podmem report) takes longer than Z s
          --max-ratio X   exit 1 when podmem's CPU ratio to the floor (Monitor.poll's; live: the UI's) exceeds X
          --max-rss-mib Y live: exit 1 when podmem's peak RSS (VmHWM) exceeds Y MiB
          --podmem        live: the podmem binary (default: podmem next to this binary, which bench/live builds
                          as shipped: swift build -c release --scratch-path .build-bench --static-swift-stdlib)
          --floor-source  the floor's C source (default: bench/floor.c of this checkout)
          --fixtures      the real kernel captures to copy (default: Tests/Fixtures of this checkout)
        """

    static func parse(_ arguments: [String]) throws -> BenchOptions {
        var options = BenchOptions()
        var remaining = arguments[...]
        func value(_ flag: String) throws -> String {
            guard let next = remaining.popFirst() else { throw BenchError("\(flag) needs a value", exitCode: 2) }
            return next
        }
        func count(_ flag: String, minimum: Int) throws -> Int {
            let text = try value(flag)
            guard let number = Int(text), number >= minimum else {
                throw BenchError("\(flag) must be an integer ≥ \(minimum), not \(text)", exitCode: 2)
            }
            return number
        }
        while let flag = remaining.popFirst() {
            switch flag {
            case "--layout":
                let text = try value(flag)
                guard let layout = TreeLayout(rawValue: text) else {
                    throw BenchError("--layout must be v1 or v2, not \(text)", exitCode: 2)
                }
                options.layout = layout
            case "--pods": options.pods = try count(flag, minimum: 1)
            case "--containers": options.containersPerPod = try count(flag, minimum: 1)
            case "--iterations": options.iterations = try count(flag, minimum: 1)
            case "--rounds": options.rounds = try count(flag, minimum: 1)
            case "--warmup": options.warmup = try count(flag, minimum: 0)
            case "--dir": options.directory = try value(flag)
            case "--json": options.json = true
            case "--max-ratio":
                let text = try value(flag)
                guard let ratio = Double(text), ratio > 0 else {
                    throw BenchError("--max-ratio must be a positive number, not \(text)", exitCode: 2)
                }
                options.maxRatio = ratio
            case "--live": options.live = true
            case "--detail": options.detail = true
            case "--detail-without-files":
                options.detail = true
                options.detailWithoutFiles = true
            case "--replay": options.replay = true
            case "--cgroupfs": options.cgroupfs = CgroupfsTree.defaultHierarchy
            case "--cgroupfs-at": options.cgroupfs = try value(flag)
            case "--hours":
                let text = try value(flag)
                guard let hours = Double(text), hours > 0 else {
                    throw BenchError("--hours must be a positive number, not \(text)", exitCode: 2)
                }
                options.replayHours = hours
            case "--max-open-seconds":
                let text = try value(flag)
                guard let limit = Double(text), limit > 0 else {
                    throw BenchError("--max-open-seconds must be a positive number, not \(text)", exitCode: 2)
                }
                options.maxOpenSeconds = limit
            case "--seconds": options.seconds = try count(flag, minimum: 1)
            case "--settle": options.settleSeconds = try count(flag, minimum: 0)
            case "--size":
                let text = try value(flag)
                let parts = text.split(separator: "x").compactMap { Int($0) }
                guard parts.count == 2, parts.allSatisfy({ $0 >= 10 }) else {
                    throw BenchError("--size must be WxH, such as 200x50, not \(text)", exitCode: 2)
                }
                (options.width, options.height) = (parts[0], parts[1])
            case "--podmem": options.podmem = try value(flag)
            case "--max-rss-mib":
                let text = try value(flag)
                guard let limit = Double(text), limit > 0 else {
                    throw BenchError("--max-rss-mib must be a positive number, not \(text)", exitCode: 2)
                }
                options.maxResidentMiB = limit
            case "--floor-source": options.floorSource = try value(flag)
            case "--fixtures": options.fixtures = try value(flag)
            case "-h", "--help": options.showHelp = true
            default: throw BenchError("unknown argument \(flag)\n\n\(usage)", exitCode: 2)
            }
        }
        return options
    }
}
