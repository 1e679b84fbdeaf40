import Foundation

// podmem-bench: podmem's per-poll CPU time, or its live screen's CPU time and memory, against a C floor reading
// the same files (see BenchOptions.usage). Exit status: 0 done, 1 failure or a --max-… limit exceeded, 2 usage error.

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("podmem-bench: \(message)\n".utf8))
    exit(status)
}

let options: BenchOptions
do {
    options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch let error as BenchError {
    fail(error.message, status: error.exitCode)
}
if options.showHelp {
    print(BenchOptions.usage)
    exit(0)
}
// A live run holds a tmux server and a podmem: Ctrl-C must end it through its cleanup.
if options.live || options.cgroupfs != nil { StopSignals.hold() }

let report: any BenchReport
do {
    let scratch = try ScratchDirectory(under: options.directory)
    defer { scratch.remove() }
    if options.replay {
        FileHandle.standardError.write(
            Data(
                "podmem-bench: synthetic \(options.replayHours) h recording of \(options.pods) pods in \(scratch.path)\n"
                    .utf8))
        report = try ReplayBenchmark(options: options, scratch: scratch.path).run()
    } else {
        FileHandle.standardError.write(
            Data(
                "podmem-bench: \(options.layout.rawValue) tree of \(options.pods) pods × \(options.containersPerPod) containers in \(scratch.path)\n"
                    .utf8))
        let cgroupfs = try options.cgroupfs.map {
            try CgroupfsTree.make(
                pods: options.pods, containersPerPod: options.containersPerPod, hierarchy: $0, scratch: scratch.path)
        }
        defer { cgroupfs?.remove() }
        let tree =
            try cgroupfs?.tree
            ?? KubepodsTree.generate(
                layout: options.layout, pods: options.pods,
                containersPerPod: options.containersPerPod, fixtures: options.fixtures,
                in: scratch.path)
        report =
            options.live
            ? try LiveBenchmark(options: options, tree: tree, scratch: scratch.path).run()
            : try PollBenchmark(options: options, tree: tree, scratch: scratch.path, cgtopPath: cgroupfs?.cgroupPath)
                .run()
    }
} catch let error as BenchError {
    fail(error.message, status: error.exitCode)
} catch {
    fail("\(error)", status: 1)
}

print(options.json ? try report.json() : report.table(), terminator: options.json ? "\n" : "")
let exceeded = report.exceededLimits(options)
if !exceeded.isEmpty { fail(exceeded.joined(separator: "\n"), status: 1) }
