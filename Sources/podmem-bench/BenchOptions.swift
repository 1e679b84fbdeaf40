/// Command-line options, parsed by hand so the bench depends on nothing but PodmemCore.
/// A repeated option takes its last value, so `bench/run` defaults can be overridden by appended arguments.
struct BenchOptions {
    var layout = TreeLayout.v1
    var pods = 1000
    var containersPerPod = 2
    /// Polls per measured run: each run's CPU time is divided by this.
    var iterations = 20
    /// Interleaved floor/podmem runs; the report shows medians over rounds.
    var rounds = 5
    /// Untimed polls before the first round: first-poll work (name index, path caches) is not steady state.
    var warmup = 3
    /// Where the temporary tree goes; it must be a real filesystem, not a fixture or a mock.
    var directory = "/tmp"
    var json = false
    var maxRatio: Double?
    var floorSource = BenchOptions.packageRoot + "/bench/floor.c"
    /// Real kernel captures the tree's files are copied from (`../shared/fixtures`, as the tests use).
    var fixtures = BenchOptions.packageRoot + "/../shared/fixtures"
    var showHelp = false

    /// The checkout this binary was built from: where `bench/floor.c` and the fixtures are found by default.
    static var packageRoot: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // BenchOptions.swift, podmem-bench, Sources
        return parts.joined(separator: "/")
    }

    static let usage = """
        usage: podmem-bench [--layout v1|v2] [--pods N] [--containers M] [--iterations P] [--rounds R]
                            [--warmup W] [--dir DIR] [--json] [--max-ratio X] [--floor-source FILE] [--fixtures DIR]

        Generates a kubepods cgroup tree of N pods × M containers in a temporary directory under DIR
        (default /tmp), polls it with podmem (CgroupSource.sample and Monitor.poll) and with a C reader that
        only opens, reads and closes the same files (the floor), interleaved for R rounds of P polls each,
        and prints median CPU time per poll and podmem/floor ratios. Defaults: v1, 1000 × 2, 20 polls, 5 rounds.

          --json          print the figures as one JSON object instead of the table
          --max-ratio X   exit 1 when Monitor.poll's CPU ratio to the floor exceeds X (a CI regression guard)
          --floor-source  the floor's C source (default: bench/floor.c of this checkout)
          --fixtures      the real kernel captures to copy (default: ../shared/fixtures next to this checkout)
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
                guard let layout = TreeLayout(rawValue: text) else { throw BenchError("--layout must be v1 or v2, not \(text)", exitCode: 2) }
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
                guard let ratio = Double(text), ratio > 0 else { throw BenchError("--max-ratio must be a positive number, not \(text)", exitCode: 2) }
                options.maxRatio = ratio
            case "--floor-source": options.floorSource = try value(flag)
            case "--fixtures": options.fixtures = try value(flag)
            case "-h", "--help": options.showHelp = true
            default: throw BenchError("unknown argument \(flag)\n\n\(usage)", exitCode: 2)
            }
        }
        return options
    }
}
