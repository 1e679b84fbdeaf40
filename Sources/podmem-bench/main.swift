import Foundation

// podmem-bench: podmem's per-poll CPU time against a C floor reading the same files (see BenchOptions.usage).
// Exit status: 0 done, 1 failure or --max-ratio exceeded, 2 usage error.

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

let result: BenchResult
do {
    let scratch = try ScratchDirectory(under: options.directory)
    defer { scratch.remove() }
    FileHandle.standardError.write(Data("podmem-bench: \(options.layout.rawValue) tree of \(options.pods) pods × \(options.containersPerPod) containers in \(scratch.path)\n".utf8))
    let tree = try KubepodsTree.generate(layout: options.layout, pods: options.pods, containersPerPod: options.containersPerPod,
                                         fixtures: options.fixtures, in: scratch.path)
    result = try PollBenchmark(options: options, tree: tree, scratch: scratch.path).run()
} catch let error as BenchError {
    fail(error.message, status: error.exitCode)
} catch {
    fail("\(error)", status: 1)
}

print(options.json ? try result.json() : result.table(), terminator: options.json ? "\n" : "")
if let maximum = options.maxRatio, result.monitor.ratio > maximum {
    let ratio = String(format: "%.2f", result.monitor.ratio)
    fail("\(result.layout.rawValue): Monitor.poll costs \(ratio)× the floor's CPU time, above --max-ratio \(maximum)", status: 1)
}
