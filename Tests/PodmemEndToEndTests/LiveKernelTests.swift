import Foundation
import XCTest

/// podmem on the real kernel: a kubepods-like tree on the writable cgroup v1 memory hierarchy, real workloads
/// (`podmem-lab`) in its container cgroups, the built `podmem --batch --json` as a subprocess, and its
/// verdicts and working sets checked against the kernel's own files. Skips, printing why, where that is
/// impossible (no v1 memory hierarchy, read-only, not root).
final class LiveKernelTests: XCTestCase {
    static let hierarchy = "/sys/fs/cgroup/memory"
    static let mebibyte = 1 << 20
    /// What the growing workloads may add between a kernel reading and podmem's last poll: a couple of
    /// 2 MiB chunks plus v1's per-CPU charge batching.
    static let growingSlackBytes = 6 * mebibyte
    /// The steady pod is flat; only batching and the pause process's odd page move it.
    static let steadySlackBytes = 2 * mebibyte

    func testVerdictsAndWorkingSetsMatchTheKernel() throws {
        if let reason = LiveCgroupTree.unavailableReason(hierarchy: Self.hierarchy) {
            print("LiveKernelTests skipped: \(reason)")
            throw XCTSkip(reason)
        }
        let podmem = try XCTUnwrap(BinaryLocator.executable("podmem"), "podmem is not built next to the test bundle")
        let lab = try XCTUnwrap(
            BinaryLocator.executable("podmem-lab"), "podmem-lab is not built next to the test bundle")
        let tree = try LiveCgroupTree(hierarchy: Self.hierarchy)
        defer { tree.tearDown() }

        let logger = try tree.addPod(namespace: "shop", name: "web-logger", qos: "burstable")
        let leaky = try tree.addPod(namespace: "shop", name: "api-leaky", qos: "burstable")
        let steady = try tree.addPod(namespace: "infra", name: "db-steady", qos: "guaranteed", limitBytes: 512 << 20)
        for pod in [logger, leaky, steady] { try tree.startPause(in: try tree.addContainer(nil, to: pod)) }
        // The log file lives on disk (the scratch directory is not tmpfs), so its pages are file LRU, not shmem.
        try tree.startWorkload(
            lab,
            [
                "cache-writer", "--file", tree.scratch + "/web-logger.log", "--chunk-mib", "2",
                "--period", "0.25", "--max-mib", "256",
            ], in: try tree.addContainer("app", to: logger))
        try tree.startWorkload(
            lab, ["leak", "--chunk-mib", "2", "--period", "0.25", "--max-mib", "256"],
            in: try tree.addContainer("api", to: leaky))
        try tree.startWorkload(lab, ["steady", "--mib", "48"], in: try tree.addContainer("db", to: steady))
        Thread.sleep(forTimeInterval: 1)

        let before = try [logger, leaky, steady].map { try tree.memory(of: $0.cgroup) }
        let document = try tree.batchJSON(podmem: podmem, polls: 12, interval: 0.5)
        let after = try [logger, leaky, steady].map { try tree.memory(of: $0.cgroup) }

        XCTAssertEqual(document["cgroupVersion"] as? Int, 1)
        XCTAssertEqual(document["root"] as? String, tree.root)
        XCTAssertEqual(document["warnings"] as? [String], [], "podmem warned on a clean live tree")
        let pods = try XCTUnwrap(document["pods"] as? [[String: Any]])
        XCTAssertEqual(pods.count, 3, "exactly the three pods of this tree")

        let loggerJSON = try podJSON(logger, in: pods, qos: "burstable", container: "app")
        let leakyJSON = try podJSON(leaky, in: pods, qos: "burstable", container: "api")
        let steadyJSON = try podJSON(steady, in: pods, qos: "guaranteed", container: "db")
        for (json, low, high) in [
            (loggerJSON, before[0], after[0]), (leakyJSON, before[1], after[1]), (steadyJSON, before[2], after[2]),
        ] {
            print(
                "LiveKernelTests: \(summary(json)); kernel WS before \(low.workingSetBytes), after \(high.workingSetBytes)"
            )
        }

        XCTAssertEqual(growthClass(loggerJSON), "cache-driven", summary(loggerJSON))
        XCTAssertEqual(growthClass(leakyJSON), "anon-driven", summary(leakyJSON))
        XCTAssertEqual(growthClass(steadyJSON), "stable", summary(steadyJSON))

        // Growing pods: podmem's last poll falls between the readings taken before and after its run.
        for (json, low, high) in [(loggerJSON, before[0], after[0]), (leakyJSON, before[1], after[1])] {
            let workingSet = try bytes(json, "workingSetBytes")
            XCTAssertGreaterThanOrEqual(workingSet, Int(low.workingSetBytes) - Self.growingSlackBytes, summary(json))
            XCTAssertLessThanOrEqual(workingSet, Int(high.workingSetBytes) + Self.growingSlackBytes, summary(json))
        }
        XCTAssertGreaterThan(
            after[0].workingSetBytes, before[0].workingSetBytes + UInt64(8 * Self.mebibyte),
            "the cache writer's working set did not grow: the workload is not doing its job")
        XCTAssertGreaterThan(try XCTUnwrap(loggerJSON["cacheShare"] as? Double), 0.5, summary(loggerJSON))

        let steadyAfter = after[2]
        XCTAssertEqual(
            try bytes(steadyJSON, "workingSetBytes"), Int(steadyAfter.workingSetBytes),
            accuracy: Self.steadySlackBytes, summary(steadyJSON))
        XCTAssertEqual(
            try bytes(steadyJSON, "workingSetNoCacheBytes"), Int(steadyAfter.workingSetNoCacheBytes),
            accuracy: Self.steadySlackBytes, summary(steadyJSON))
        XCTAssertGreaterThanOrEqual(try bytes(steadyJSON, "workingSetBytes"), 48 * Self.mebibyte, summary(steadyJSON))
        XCTAssertEqual(try bytes(steadyJSON, "limitBytes"), 512 << 20)
    }

    // MARK: - Helpers

    /// The pod's entry, after checking what the name source and the layout determine: namespace, name, QoS,
    /// the named container and the sandbox (a container without a log link).
    private func podJSON(
        _ pod: LiveCgroupTree.Pod, in pods: [[String: Any]], qos: String, container: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> [String: Any] {
        let json = try XCTUnwrap(
            pods.first { $0["uid"] as? String == pod.uid }, "pod \(pod.name) missing", file: file, line: line)
        XCTAssertEqual(json["namespace"] as? String, pod.namespace, file: file, line: line)
        XCTAssertEqual(json["name"] as? String, pod.name, file: file, line: line)
        XCTAssertEqual(json["qos"] as? String, qos, file: file, line: line)
        XCTAssertEqual(json["cgroup"] as? String, pod.cgroup, file: file, line: line)
        let containers = try XCTUnwrap(json["containers"] as? [[String: Any]], file: file, line: line)
        XCTAssertEqual(containers.compactMap { $0["name"] as? String }, [container], file: file, line: line)
        XCTAssertEqual(
            containers.filter { $0["sandbox"] as? Bool == true }.count, 1, "one sandbox", file: file, line: line)
        return json
    }

    private func growthClass(_ pod: [String: Any]) -> String? {
        (pod["growth"] as? [String: Any])?["class"] as? String
    }

    private func bytes(_ pod: [String: Any], _ key: String) throws -> Int {
        try XCTUnwrap((pod["memory"] as? [String: Any])?[key] as? Int, "\(key) missing: \(summary(pod))")
    }

    /// The figures a failure needs, in one line.
    private func summary(_ pod: [String: Any]) -> String {
        let memory = pod["memory"] as? [String: Any] ?? [:]
        let growth = pod["growth"] as? [String: Any] ?? [:]
        func value(_ dictionary: [String: Any], _ key: String) -> String { dictionary[key].map { "\($0)" } ?? "nil" }
        let memoryKeys = [
            "usageBytes", "rssBytes", "activeFileBytes", "inactiveFileBytes", "workingSetBytes",
            "workingSetNoCacheBytes",
        ]
        let growthKeys = [
            "class", "windowSeconds", "samples", "thresholdBytes", "workingSetBytesPerSecond",
            "workingSetNoCacheBytesPerSecond", "activeFileBytesPerSecond", "rssBytesPerSecond",
        ]
        return "\(value(pod, "name")): " + memoryKeys.map { "\($0)=\(value(memory, $0))" }.joined(separator: " ")
            + " cacheShare=\(value(pod, "cacheShare")) growth{"
            + growthKeys.map { "\($0)=\(value(growth, $0))" }.joined(separator: " ") + "}"
    }
}
