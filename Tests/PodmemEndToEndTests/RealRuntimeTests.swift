import Foundation
import XCTest

/// podmem against real container runtimes: Debian's docker.io (here the cgroupfs driver, `docker/<id>`) and podman
/// (here the cgroupfs manager, `libpod_parent/libpod-<id>`; on a systemd host both use scopes, and the test follows:
/// each container's cgroup is read from its process's `/proc/<pid>/cgroup`). Each runs three containers from an image made offline
/// (busybox-static, with `podmem-lab` and its libraries bind-mounted read-only) with `--network none --memory 512m`:
/// a log writer that re-reads its file (cache-driven), an anonymous leak (anon-driven) and a steady holder (stable).
/// `podmem --batch --json` runs with no `--root` (the host's hierarchy, detected) and must find each container by
/// its runtime name, with working sets equal to the kernel's files read right before and after it, and the right
/// verdicts. Containers, images, the daemon this test started and leftover cgroups are removed, also on failure.
/// Skips, printing why, where a runtime cannot run.
final class RealRuntimeTests: XCTestCase {
    static let hierarchy = "/sys/fs/cgroup/memory"
    static let mebibyte = 1 << 20
    static let limitBytes = 512 << 20
    /// As in LiveKernelTests: a couple of 2 MiB chunks plus v1's per-CPU charge batching.
    static let growingSlackBytes = 6 * mebibyte
    static let steadySlackBytes = 2 * mebibyte

    func testDockerContainersFoundNamedAndJudged() throws {
        try skipUnlessRuntimesCanRun()
        guard let docker = ContainerRuntime.docker() else {
            try skip("/usr/bin/docker is missing (Debian's docker.io provides it)")
        }
        let scratch = try Self.makeScratch()
        var daemon: DockerDaemon?
        var cgroups: [String] = []
        defer {
            docker.removeEverything()
            daemon?.stop()
            Self.removeCgroups(cgroups + ["docker"])
            try? FileManager.default.removeItem(atPath: scratch)
        }
        do {
            daemon = try DockerDaemon(docker: docker, scratch: scratch)
        } catch let unavailable as DockerDaemon.Unavailable {
            try skip(unavailable.description)
        }
        try checkThreeWorkloads(docker, image: "podmem-runtimes-\(Self.token):1", scratch: scratch, cgroups: &cgroups)
    }

    func testPodmanContainersFoundNamedAndJudged() throws {
        try skipUnlessRuntimesCanRun()
        guard let podman = ContainerRuntime.podman() else {
            try skip("/usr/bin/podman is missing (Debian's podman provides it)")
        }
        let scratch = try Self.makeScratch()
        var cgroups: [String] = []
        defer {
            podman.removeEverything()
            Self.removeCgroups(cgroups + ["libpod_parent/conmon", "libpod_parent"])
            try? FileManager.default.removeItem(atPath: scratch)
        }
        do {
            try podman.run(["info"], timeout: 60)
        } catch {
            try skip("podman cannot run here: \(error)")
        }
        try checkThreeWorkloads(
            podman, image: "localhost/podmem-runtimes-\(Self.token):1", scratch: scratch, cgroups: &cgroups)
    }

    // MARK: - The check, the same for both runtimes

    private struct Workload {
        let role: String
        let arguments: [String]
        let expectedClass: String
        /// The kernel figure that shows the workload is doing its job before podmem starts.
        let readyWhen: (LiveCgroupTree.KernelMemory) -> Bool
        var id = ""
        var name = ""
        /// Where the runtime put it, relative to the hierarchy.
        var cgroup = ""
    }

    /// `cgroups` collects the containers' cgroups (relative to the hierarchy) for the caller's cleanup.
    private func checkThreeWorkloads(
        _ runtime: ContainerRuntime, image: String, scratch: String, cgroups: inout [String]
    ) throws {
        let podmem = try XCTUnwrap(BinaryLocator.executable("podmem"), "podmem is not built next to the test bundle")
        let lab = try XCTUnwrap(
            BinaryLocator.executable("podmem-lab"), "podmem-lab is not built next to the test bundle")
        try runtime.importImage(try BusyboxRootfs.tarball(in: scratch), tag: image)
        do {
            _ = try runtime.runOnce(
                name: "podmem-runtimes-\(Self.token)-probe", image: image, options: ["--network", "none"],
                command: ["/bin/true"])
        } catch {
            try skip("\(runtime.name) cannot start a container here: \(error)")
        }
        let mounts = try LibraryMounts.options(for: lab)
        var workloads = [
            Workload(
                role: "logger",
                arguments: [
                    "cache-writer", "--file", "/data/app.log", "--chunk-mib", "2", "--period", "0.25",
                    "--max-mib", "256",
                ],
                expectedClass: "cache-driven", readyWhen: { $0.activeFileBytes >= UInt64(16 * Self.mebibyte) }),
            Workload(
                role: "leak", arguments: ["leak", "--chunk-mib", "2", "--period", "0.25", "--max-mib", "256"],
                expectedClass: "anon-driven", readyWhen: { $0.workingSetNoCacheBytes >= UInt64(16 * Self.mebibyte) }),
            Workload(
                role: "steady", arguments: ["steady", "--mib", "48"],
                expectedClass: "stable", readyWhen: { $0.workingSetNoCacheBytes >= UInt64(48 * Self.mebibyte) }),
        ]
        for index in workloads.indices {
            let name = "podmem-runtimes-\(Self.token)-\(workloads[index].role)"
            // podmem-lab starts on a "go" line and stops at end of stdin: sleep keeps the pipe open.
            let script =
                "/bin/busybox mkdir -p /data; (echo go; /bin/sleep 100000) | /podmem-bin/podmem-lab "
                + workloads[index].arguments.joined(separator: " ")
            let id = try runtime.start(
                name: name, image: image, options: ["--network", "none", "--memory", "512m"] + mounts,
                command: ["/bin/sh", "-c", script])
            workloads[index].cgroup = try runtime.memoryCgroup(of: id)
            cgroups.append(workloads[index].cgroup)
            workloads[index].id = id
            workloads[index].name = name
        }
        for workload in workloads {
            let directory = Self.hierarchy + "/" + workload.cgroup
            let deadline = Date(timeIntervalSinceNow: 60)
            while Date() < deadline,
                !((try? LiveCgroupTree.KernelMemory.read(directory: directory)).map(workload.readyWhen) ?? false)
            {
                usleep(100_000)
            }
            let memory = try LiveCgroupTree.KernelMemory.read(directory: directory)
            guard workload.readyWhen(memory) else {
                XCTFail(
                    "\(runtime.name) \(workload.role) did not get going within 60 s (\(memory)): \(runtime.logs(workload.id))"
                )
                return
            }
        }

        let directories = workloads.map { Self.hierarchy + "/" + $0.cgroup }
        let before = try directories.map(LiveCgroupTree.KernelMemory.read(directory:))
        let run = try CommandRun.run(podmem, ["--batch", "--json", "-n", "12", "-d", "0.5"], timeout: 120)
        let after = try directories.map(LiveCgroupTree.KernelMemory.read(directory:))
        XCTAssertEqual(run.status, 0, run.stderr)
        let document = try XCTUnwrap(run.json, "not a JSON document: \(run.stdout.prefix(500)) \(run.stderr)")
        XCTAssertEqual(document["root"] as? String, Self.hierarchy, "the host's hierarchy, detected")
        let pods = try XCTUnwrap(document["pods"] as? [[String: Any]])
        let monitors = pods.compactMap { $0["cgroup"] as? String }.filter {
            $0.hasPrefix("libpod_parent/conmon") || $0.contains("conmon-")
        }
        XCTAssertEqual(monitors, [], "podman's conmon cgroups are not workloads")

        for (index, workload) in workloads.enumerated() {
            let json = try XCTUnwrap(
                pods.first { $0["name"] as? String == workload.name },
                "\(runtime.name) container \(workload.name) not found by name in \(pods.compactMap { $0["name"] as? String })"
            )
            print(
                "RealRuntimeTests \(runtime.name) \(workload.cgroup.prefix(30))…: \(Self.summary(json)); kernel WS before \(before[index].workingSetBytes), "
                    + "after \(after[index].workingSetBytes)")
            XCTAssertEqual(json["kind"] as? String, "container")
            XCTAssertEqual(json["runtime"] as? String, runtime.name)
            XCTAssertEqual(json["cgroup"] as? String, workload.cgroup)
            XCTAssertEqual(
                (json["growth"] as? [String: Any])?["class"] as? String, workload.expectedClass, Self.summary(json))
            let memory = try XCTUnwrap(json["memory"] as? [String: Any])
            XCTAssertEqual(memory["limitBytes"] as? Int, Self.limitBytes)
            let workingSet = try XCTUnwrap(memory["workingSetBytes"] as? Int)
            if workload.expectedClass == "stable" {
                XCTAssertEqual(
                    workingSet, Int(after[index].workingSetBytes), accuracy: Self.steadySlackBytes, Self.summary(json))
                XCTAssertEqual(
                    try XCTUnwrap(memory["workingSetNoCacheBytes"] as? Int), Int(after[index].workingSetNoCacheBytes),
                    accuracy: Self.steadySlackBytes, Self.summary(json))
            } else {
                // The last poll falls between the readings taken before and after podmem's run.
                XCTAssertGreaterThanOrEqual(
                    workingSet, Int(before[index].workingSetBytes) - Self.growingSlackBytes, Self.summary(json))
                XCTAssertLessThanOrEqual(
                    workingSet, Int(after[index].workingSetBytes) + Self.growingSlackBytes, Self.summary(json))
            }
        }
    }

    // MARK: - Helpers

    private static let token = UUID().uuidString.lowercased().prefix(8)

    private func skipUnlessRuntimesCanRun() throws {
        if geteuid() != 0 { try skip("not running as root: container runtimes need it") }
        guard FileManager.default.fileExists(atPath: Self.hierarchy + "/memory.usage_in_bytes") else {
            try skip("\(Self.hierarchy) is not a cgroup v1 memory hierarchy (the kernel readings here are v1 files)")
        }
        if let reason = BusyboxRootfs.unavailableReason() { try skip(reason) }
    }

    private func skip(_ reason: String) throws -> Never {
        print("RealRuntimeTests skipped: \(reason)")
        throw XCTSkip(reason)
    }

    /// The figures a failure needs, in one line.
    private static func summary(_ pod: [String: Any]) -> String {
        let memory = pod["memory"] as? [String: Any] ?? [:]
        let growth = pod["growth"] as? [String: Any] ?? [:]
        let memoryKeys = [
            "usageBytes", "rssBytes", "activeFileBytes", "inactiveFileBytes", "workingSetBytes",
            "workingSetNoCacheBytes",
        ]
        let growthKeys = [
            "class", "samples", "thresholdBytes", "workingSetBytesPerSecond", "workingSetNoCacheBytesPerSecond",
            "activeFileBytesPerSecond",
        ]
        return "\(pod["name"] ?? "?"): " + memoryKeys.map { "\($0)=\(memory[$0] ?? "nil")" }.joined(separator: " ")
            + " growth{" + growthKeys.map { "\($0)=\(growth[$0] ?? "nil")" }.joined(separator: " ") + "}"
    }

    private static func makeScratch() throws -> String {
        let path = NSTemporaryDirectory() + "podmem-runtimes-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// `rmdir` of cgroups the runtime left behind, deepest first; one still holding processes stays (EBUSY).
    private static func removeCgroups(_ relativePaths: [String]) {
        for relative in relativePaths { rmdir(hierarchy + "/" + relative) }
    }
}
