import Foundation
import PodmemCore

/// What one steady-state podmem poll of a generated tree touches, recorded from podmem itself (the second poll,
/// after the name index is filled) and checked against the tree: the floor then reads exactly these files.
struct RecordedPoll {
    /// Files read, in podmem's order.
    let readPaths: [String]
    /// Work beyond the floor's reads: listings, stats and opens of absent files (see `RecordingFileSystem`).
    let listings: Int
    let stats: Int
    let failedReads: Int

    /// `hostRoot` and the tree's log root are passed to podmem as a live run would pass them.
    static func record(_ tree: KubepodsTree, hierarchy: CgroupHierarchy, hostRoot: String) throws -> RecordedPoll {
        let recorder = RecordingFileSystem()
        let source = CgroupSource(
            fileSystem: recorder, hierarchy: hierarchy, hostRoot: hostRoot, logRoot: tree.logRoot, host: "bench")
        _ = source.sample(at: 0)
        recorder.log.reset()
        let sample = source.sample(at: 1)
        let log = recorder.log
        try check(sample, reads: log.readPaths.count, tree: tree)
        return RecordedPoll(
            readPaths: log.readPaths, listings: log.listings, stats: log.stats, failedReads: log.failedReads)
    }

    /// Writes the file list the floor reads, one path a line.
    func writeList(to path: String) throws {
        try (readPaths.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// Refuses to time a poll that did not see the whole tree: a broken path would look fast.
    private static func check(_ sample: Sample, reads: Int, tree: KubepodsTree) throws {
        if let warning = sample.warnings.first { throw BenchError("podmem warned on the generated tree: \(warning)") }
        let complete = sample.workloads.filter {
            $0.kind == .pod && $0.name != nil && $0.counters.usageBytes != nil
                && $0.containers.count == tree.containersPerPod
                && $0.containers.allSatisfy { $0.counters.usageBytes != nil }
        }
        guard sample.workloads.count == tree.pods, complete.count == tree.pods else {
            throw BenchError(
                "podmem saw \(complete.count) complete pods of \(sample.workloads.count) workloads, expected \(tree.pods)"
            )
        }
        // Every poll: usage and memory.stat per cgroup (the v2 root: memory.stat only), plus /proc/meminfo. The slow
        // files (v1: limit, failcnt; v2: max, events, pressure) only for the cgroups due this poll, about a tenth
        // at a 1 s interval: so the floor reads what an average steady-state poll reads.
        let everyPoll = tree.layout == .v1 ? tree.cgroupCount * 2 + 1 : (tree.cgroupCount - 1) * 2 + 2
        let all = tree.layout == .v1 ? tree.cgroupCount * 4 + 1 : (tree.cgroupCount - 1) * 5 + 2
        guard reads >= everyPoll, reads < all else {
            throw BenchError(
                "podmem read \(reads) files in a steady poll, expected \(everyPoll) and some of the slow ones")
        }
    }
}
