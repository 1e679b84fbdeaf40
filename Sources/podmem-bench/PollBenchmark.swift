import Foundation
import PodmemCore

/// Runs the floor and podmem's two poll paths on one generated tree, interleaved round by round
/// (floor, sample, monitor, floor, …) because the machine's speed drifts, and condenses the rounds to medians.
struct PollBenchmark {
    let options: BenchOptions
    let tree: KubepodsTree
    /// Where the file list and the floor binary go.
    let scratch: String

    /// Per-poll figures of one measured run.
    private struct Timing {
        var cpuMicroseconds: Double
        var wallMicroseconds: Double
    }

    func run() throws -> BenchResult {
        let hierarchy = try CgroupHierarchy.inspect(fileSystem: LocalFileSystem(), directory: tree.cgroupRoot)
        guard hierarchy.version == tree.layout.cgroupVersion else {
            throw BenchError("podmem detected cgroup \(hierarchy.version) in a generated \(tree.layout.rawValue) tree")
        }

        // The file list comes from a steady-state poll itself: the second one, after the name index is filled.
        let recorder = RecordingFileSystem()
        let probe = source(recorder, hierarchy)
        _ = probe.sample(at: 0)
        recorder.log.reset()
        try check(probe.sample(at: 1), reads: recorder.log.readPaths.count)
        let list = scratch + "/files.txt"
        try (recorder.log.readPaths.joined(separator: "\n") + "\n").write(toFile: list, atomically: false, encoding: .utf8)
        let floor = try FloorProgram.build(source: options.floorSource, into: scratch)

        let sampler = source(LocalFileSystem(), hierarchy)
        // A live run's history: the default 300 s window at the default 1 s interval.
        let monitor = Monitor(source: source(LocalFileSystem(), hierarchy), window: 300, intervalSeconds: 1,
                              historyCapacity: MemoryHistory.capacity(window: 300, interval: 1))
        var now = 2.0
        for _ in 0..<options.warmup {
            now += 1
            _ = sampler.sample(at: now)
            monitor.poll(at: now)
        }
        var floorRuns: [Double] = []
        var sampleRuns: [Timing] = []
        var monitorRuns: [Timing] = []
        for _ in 0..<options.rounds {
            floorRuns.append(try floor.cpuMicrosecondsPerPass(list: list, iterations: options.iterations))
            sampleRuns.append(measure { now += 1; _ = sampler.sample(at: now) })
            monitorRuns.append(measure { now += 1; monitor.poll(at: now) })
        }

        let log = recorder.log
        return BenchResult(
            layout: tree.layout, pods: tree.pods, containersPerPod: tree.containersPerPod, cgroupsPerPoll: tree.cgroupCount,
            filesPerPoll: log.readPaths.count, directoriesListedPerPoll: log.listings, statsPerPoll: log.stats,
            failedOpensPerPoll: log.failedReads, iterations: options.iterations, rounds: options.rounds,
            floorCPUMicrosecondsPerPoll: Self.median(floorRuns),
            sample: Self.figures(sampleRuns, floor: floorRuns), monitor: Self.figures(monitorRuns, floor: floorRuns),
            peakResidentBytes: ResourceClock.peakResidentBytes())
    }

    private func source<FS: CgroupFileSystem>(_ fileSystem: FS, _ hierarchy: CgroupHierarchy) -> CgroupSource {
        CgroupSource(fileSystem: fileSystem, hierarchy: hierarchy, hostRoot: "/", logRoot: tree.logRoot, host: "bench")
    }

    /// Refuses to time a poll that did not see the whole tree: a broken path would look fast.
    private func check(_ sample: Sample, reads: Int) throws {
        if let warning = sample.warnings.first { throw BenchError("podmem warned on the generated tree: \(warning)") }
        let complete = sample.workloads.filter {
            $0.kind == .pod && $0.name != nil && $0.counters.usageBytes != nil
                && $0.containers.count == tree.containersPerPod && $0.containers.allSatisfy { $0.counters.usageBytes != nil }
        }
        guard sample.workloads.count == tree.pods, complete.count == tree.pods else {
            throw BenchError("podmem saw \(complete.count) complete pods of \(sample.workloads.count) workloads, expected \(tree.pods)")
        }
        // v1: four files per cgroup; v2: five, but the root has only memory.stat. Plus /proc/meminfo.
        let expected = tree.layout == .v1 ? tree.cgroupCount * 4 + 1 : (tree.cgroupCount - 1) * 5 + 2
        guard reads == expected else { throw BenchError("podmem read \(reads) files per poll, expected \(expected)") }
    }

    private func measure(_ poll: () -> Void) -> Timing {
        let cpu = ResourceClock.cpuMicroseconds()
        let wall = ResourceClock.wallMicroseconds()
        for _ in 0..<options.iterations { poll() }
        let count = Double(options.iterations)
        return Timing(cpuMicroseconds: (ResourceClock.cpuMicroseconds() - cpu) / count,
                      wallMicroseconds: (ResourceClock.wallMicroseconds() - wall) / count)
    }

    private static func figures(_ runs: [Timing], floor: [Double]) -> BenchResult.PathFigures {
        BenchResult.PathFigures(cpuMicrosecondsPerPoll: median(runs.map(\.cpuMicroseconds)),
                                ratio: median(zip(runs, floor).map { $0.cpuMicroseconds / $1 }),
                                wallMillisecondsPerPoll: median(runs.map(\.wallMicroseconds)) / 1000)
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
