import Foundation
import XCTest

/// Verdicts and kernel memory on the real kernel (cgroup v1 memory hierarchy, `podmem-lab` workloads, the built
/// `podmem --batch --json`): a heap sawtooth is stable, a slow leak and a leak that evicts cache at its limit are
/// anon-driven, and v1 kernel memory is `memory.kmem.usage_in_bytes`. Skips where LiveKernelTests skips.
final class LiveVerdictTests: XCTestCase {
    static let hierarchy = "/sys/fs/cgroup/memory"
    static let mebibyte: UInt64 = 1 << 20

    /// The issue's sawtooth (0 → 120 MiB in 8 MiB steps, freed every ~4 s), a 0.5 MiB/s leak, and a leak that
    /// keeps evicting its own page cache at the pod's limit, polled 45 times at 1 s.
    func testSawtoothIsStableWhileLeaksAreAnonDriven() throws {
        let (podmem, lab) = try Self.binaries()
        let tree = try LiveCgroupTree(hierarchy: Self.hierarchy, label: "verdicts")
        defer { tree.tearDown() }
        let sawtooth = try tree.addPod(namespace: "jobs", name: "gc-sawtooth", qos: "burstable")
        let slow = try tree.addPod(namespace: "shop", name: "slow-leak", qos: "burstable")
        let evicting = try tree.addPod(
            namespace: "shop", name: "leak-at-limit", qos: "guaranteed", limitBytes: 192 << 20)
        try tree.startWorkload(
            lab, ["sawtooth", "--step-mib", "8", "--steps", "15", "--period", "4"],
            in: try tree.addContainer("worker", to: sawtooth))
        try tree.startWorkload(
            lab, ["leak", "--chunk-mib", "0.5", "--period", "1"], in: try tree.addContainer("api", to: slow))
        // 80 MiB held and 96 MiB of page cache written by the pod and read back twice (the pages stay charged to the
        // pod, and two reads move them to active_file), then left alone: at the 192 MiB limit within seconds, after
        // which each 1 MiB the leak adds every 0.5 s is taken from that cache.
        let app = try tree.addContainer("app", to: evicting)
        try tree.startWorkload(lab, ["steady", "--mib", "80"], in: app)
        let cacheFile = tree.scratch + "/leak-at-limit.data"
        try tree.startWorkload(lab, ["cold-cache", "--file", cacheFile, "--mib", "96"], in: app)
        for _ in 0..<2 { _ = try Data(contentsOf: URL(fileURLWithPath: cacheFile)) }
        XCTAssertGreaterThan(
            try tree.memory(of: evicting.cgroup).activeFileBytes, 64 * Self.mebibyte, "the cache is not active")
        try tree.startWorkload(lab, ["leak", "--chunk-mib", "1", "--period", "0.5", "--max-mib", "104"], in: app)
        try Self.waitUntil("leak-at-limit reaches its limit", timeout: 30) {
            try tree.memory(of: evicting.cgroup).usageBytes >= (192 - 8) * Self.mebibyte
        }
        let cacheBefore = try tree.memory(of: evicting.cgroup)
        let failuresBefore = try tree.value("memory.failcnt", of: evicting.cgroup)

        let document = try tree.batchJSON(podmem: podmem, polls: 45, interval: 1)
        let cacheAfter = try tree.memory(of: evicting.cgroup)
        let pods = try XCTUnwrap(document["pods"] as? [[String: Any]])
        let sawtoothJSON = try Self.pod(sawtooth, in: pods)
        let slowJSON = try Self.pod(slow, in: pods)
        let evictingJSON = try Self.pod(evicting, in: pods)
        for json in [sawtoothJSON, slowJSON, evictingJSON] { print("LiveVerdictTests: \(Self.summary(json))") }

        XCTAssertEqual(Self.growth(sawtoothJSON)["class"] as? String, "stable", Self.summary(sawtoothJSON))
        XCTAssertEqual(Self.growth(slowJSON)["class"] as? String, "anon-driven", Self.summary(slowJSON))
        XCTAssertEqual(Self.growth(evictingJSON)["class"] as? String, "anon-driven", Self.summary(evictingJSON))
        // The workloads did what they are for: the sawtooth swung, the cache was evicted at the limit.
        let sawtoothHistory = try XCTUnwrap(
            (sawtoothJSON["history"] as? [String: Any])?["workingSetNoCacheBytes"] as? [Int])
        XCTAssertGreaterThan(sawtoothHistory.max()! - sawtoothHistory.min()!, 64 << 20, "the sawtooth did not swing")
        let cacheBytes = { (memory: LiveCgroupTree.KernelMemory) in memory.activeFileBytes + memory.inactiveFileBytes }
        XCTAssertLessThan(cacheBytes(cacheAfter) + 16 * Self.mebibyte, cacheBytes(cacheBefore), "no cache was evicted")
        XCTAssertGreaterThan(
            try tree.value("memory.failcnt", of: evicting.cgroup), failuresBefore, "the limit was never hit")
        let evictingSummary = try XCTUnwrap(Self.growth(evictingJSON)["summary"] as? String)
        XCTAssertTrue(evictingSummary.contains("This is what a leak looks like."), evictingSummary)
    }

    /// Empty files created by the thousand: inodes and dentries, kernel memory without page cache or anon.
    func testKernelMemoryIsKmemUsageAndTheVerdictSaysSo() throws {
        let (podmem, lab) = try Self.binaries()
        let tree = try LiveCgroupTree(hierarchy: Self.hierarchy, label: "verdicts")
        defer { tree.tearDown() }
        let files = try tree.addPod(namespace: "infra", name: "file-hoarder", qos: "burstable")
        let steady = try tree.addPod(namespace: "infra", name: "db-steady", qos: "burstable")
        let hoarder = try tree.addContainer("indexer", to: files)
        try tree.startWorkload(
            lab,
            [
                "kernel-objects", "--dir", tree.scratch + "/objects", "--files", "2000", "--period", "0.25",
                "--max-files", "400000",
            ], in: hoarder)
        try tree.startWorkload(lab, ["steady", "--mib", "16"], in: try tree.addContainer("db", to: steady))
        Thread.sleep(forTimeInterval: 1)

        let kmemBefore = try tree.value("memory.kmem.usage_in_bytes", of: files.cgroup)
        let document = try tree.batchJSON(podmem: podmem, polls: 12, interval: 0.5)
        let kmemAfter = try tree.value("memory.kmem.usage_in_bytes", of: files.cgroup)
        let pods = try XCTUnwrap(document["pods"] as? [[String: Any]])
        let filesJSON = try Self.pod(files, in: pods)
        let steadyJSON = try Self.pod(steady, in: pods)
        print("LiveVerdictTests: \(Self.summary(filesJSON)); kmem before \(kmemBefore), after \(kmemAfter)")

        // kmem is read every 10 s: podmem's value is one the kernel had during its run.
        let kernel = try XCTUnwrap(
            (filesJSON["memory"] as? [String: Any])?["kernelBytes"] as? Int, Self.summary(filesJSON))
        XCTAssertGreaterThanOrEqual(UInt64(kernel), kmemBefore, Self.summary(filesJSON))
        XCTAssertLessThanOrEqual(UInt64(kernel), kmemAfter, Self.summary(filesJSON))
        XCTAssertGreaterThan(kmemAfter, kmemBefore + 8 * Self.mebibyte, "the workload did not grow kernel memory")
        let steadyKernel = try XCTUnwrap((steadyJSON["memory"] as? [String: Any])?["kernelBytes"] as? Int)
        XCTAssertEqual(
            Double(steadyKernel), Double(try tree.value("memory.kmem.usage_in_bytes", of: steady.cgroup)),
            accuracy: Double(Self.mebibyte), Self.summary(steadyJSON))
        // The container's own figure too, and the node root has none (its usage leaves kernel memory out).
        let container = try XCTUnwrap(
            (filesJSON["containers"] as? [[String: Any]])?.first { $0["name"] as? String == "indexer" })
        XCTAssertNotNil((container["memory"] as? [String: Any])?["kernelBytes"] as? Int)

        XCTAssertEqual(Self.growth(filesJSON)["class"] as? String, "anon-driven", Self.summary(filesJSON))
        let sentence = try XCTUnwrap(Self.growth(filesJSON)["summary"] as? String)
        XCTAssertTrue(
            sentence.contains("is kernel memory (slab: dentries, inodes, sockets): neither page cache nor a heap leak"),
            sentence)
    }

    // MARK: - Helpers

    static func binaries() throws -> (podmem: URL, lab: URL) {
        if let reason = LiveCgroupTree.unavailableReason(hierarchy: hierarchy) {
            print("LiveVerdictTests skipped: \(reason)")
            throw XCTSkip(reason)
        }
        return (
            try XCTUnwrap(BinaryLocator.executable("podmem"), "podmem is not built next to the test bundle"),
            try XCTUnwrap(BinaryLocator.executable("podmem-lab"), "podmem-lab is not built next to the test bundle")
        )
    }

    static func waitUntil(_ what: String, timeout: Double, _ condition: () throws -> Bool) throws {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while try !condition() {
            guard Date() < deadline else { throw LiveCgroupTree.Failure("\(what): not within \(timeout) s") }
            usleep(100_000)
        }
    }

    static func pod(_ pod: LiveCgroupTree.Pod, in pods: [[String: Any]]) throws -> [String: Any] {
        try XCTUnwrap(pods.first { $0["uid"] as? String == pod.uid }, "pod \(pod.name) missing")
    }

    static func growth(_ pod: [String: Any]) -> [String: Any] { pod["growth"] as? [String: Any] ?? [:] }

    static func summary(_ pod: [String: Any]) -> String {
        let memory = pod["memory"] as? [String: Any] ?? [:]
        let growth = growth(pod)
        func value(_ dictionary: [String: Any], _ key: String) -> String { dictionary[key].map { "\($0)" } ?? "nil" }
        let memoryKeys = [
            "usageBytes", "rssBytes", "shmemBytes", "kernelBytes", "activeFileBytes", "inactiveFileBytes",
            "workingSetBytes", "workingSetNoCacheBytes", "limitBytes",
        ]
        let growthKeys = [
            "class", "windowSeconds", "samples", "thresholdBytes", "noCacheThresholdBytes", "netBytes", "peakBytes",
            "workingSetBytesPerSecond", "workingSetNoCacheBytesPerSecond", "rssBytesPerSecond",
            "activeFileBytesPerSecond", "summary",
        ]
        return "\(value(pod, "name")): " + memoryKeys.map { "\($0)=\(value(memory, $0))" }.joined(separator: " ")
            + " growth{" + growthKeys.map { "\($0)=\(value(growth, $0))" }.joined(separator: " ") + "}"
    }
}
