import Foundation
import PodmemTestSupport
import XCTest

/// The DaemonSet image, built and run for real: `deploy/stage-image` collects `make release`'s binary, the libraries
/// `ldd` lists and a terminfo set; `deploy/Dockerfile` (`FROM scratch`) packs them with no registry. The image runs
/// `--demo --batch`, then `serve --host-root /host` as the DaemonSet runs it — the host's `/sys/fs/cgroup`,
/// `/var/log`, `/proc/meminfo` and `/etc/hostname` mounted read-only, user 65534, read-only root file system, every
/// capability dropped — and a scrape must carry the host's figures exactly as `podmem --batch --json` on the host
/// reads them. Skips, printing why, without root, docker.io or a release build.
final class ImageTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let token = UUID().uuidString.lowercased().prefix(8)

    func testImageBuildsOfflineAndServesTheHostsFigures() throws {
        if geteuid() != 0 { try skip("not running as root: dockerd needs it") }
        guard let docker = ContainerRuntime.docker() else {
            try skip("/usr/bin/docker is missing (Debian's docker.io provides it)")
        }
        let release = Self.packageRoot + "/.build/release/podmem"
        guard FileManager.default.isExecutableFile(atPath: release) else {
            try skip("\(release) is missing: the image packs `make release`'s binary (scripts/test builds it)")
        }
        if let reason = BusyboxRootfs.unavailableReason() { try skip(reason) }
        let scratch = NSTemporaryDirectory() + "podmem-image-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        var daemon: DockerDaemon?
        var idleID: String?
        defer {
            docker.removeEverything()
            daemon?.stop()
            if let idleID { rmdir("/sys/fs/cgroup/memory/docker/\(idleID)") }
            rmdir("/sys/fs/cgroup/memory/docker")
            try? FileManager.default.removeItem(atPath: scratch)
        }
        do {
            daemon = try DockerDaemon(docker: docker, scratch: scratch)
        } catch let unavailable as DockerDaemon.Unavailable {
            try skip(unavailable.description)
        }

        let stage = try CommandRun.run(
            URL(fileURLWithPath: Self.packageRoot + "/deploy/stage-image"), [release, scratch + "/image-root"])
        XCTAssertEqual(stage.status, 0, stage.stderr)
        let image = "podmem-runtimes-image-\(Self.token):1"
        try docker.buildImage(
            context: scratch + "/image-root", dockerfile: Self.packageRoot + "/deploy/Dockerfile", tag: image)
        let size = try docker.run(["image", "inspect", "-f", "{{.Size}}", image]).stdout.trimmingCharacters(
            in: .whitespacesAndNewlines)
        print(
            "ImageTests: \(image) is \(size) bytes; staged: \(stage.stderr.trimmingCharacters(in: .whitespacesAndNewlines))"
        )

        let locked = [
            "--user", "65534:65534", "--read-only", "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
        ]
        let demo = try docker.runOnce(
            name: "podmem-runtimes-image-\(Self.token)-demo", image: image,
            options: ["--network", "none"] + locked, command: ["--demo", "--batch", "-n", "3", "-d", "0.2"])
        XCTAssertTrue(
            demo.stdout.contains("\nNAME ") && demo.stdout.contains("shop/web-frontend"), demo.stdout + demo.stderr)

        // A host workload with figures that hold still: a shell asleep in a container (busybox-static, no libraries).
        let busybox = "podmem-runtimes-idle-\(Self.token):1"
        try docker.importImage(try BusyboxRootfs.tarball(in: scratch), tag: busybox)
        let idle = try docker.start(
            name: "podmem-runtimes-image-\(Self.token)-idle", image: busybox,
            options: ["--network", "none", "--memory", "512m"], command: ["/bin/sleep", "100000"])
        idleID = idle

        // bridge networking is off here (dockerd --bridge=none, no iptables), so serve shares the host's network and
        // listens on loopback only, on a port the kernel picks; nothing outside the host can reach it.
        let serve = try docker.start(
            name: "podmem-runtimes-image-\(Self.token)-serve", image: image,
            options: ["--network", "host"] + locked + [
                "-v", "/sys/fs/cgroup:/host/sys/fs/cgroup:ro", "-v", "/var/log:/host/var/log:ro",
                "-v", "/proc/meminfo:/host/proc/meminfo:ro", "-v", "/etc/hostname:/host/etc/hostname:ro",
            ],
            command: ["serve", "--host-root", "/host", "--listen", "127.0.0.1:0", "-d", "1"])
        let address = try listeningAddress(docker, serve)
        let deadline = Date(timeIntervalSinceNow: 30)
        while Date() < deadline, (try? HTTPFetch.get("http://\(address)/healthz").status) != 200 { usleep(200_000) }
        // Two polls after the container went to sleep, so both sides read settled files.
        Thread.sleep(forTimeInterval: 2)
        let scrape = try HTTPFetch.get("http://\(address)/metrics")
        let host = try CommandRun.podmem(["--batch", "--json", "-n", "1"])
        XCTAssertEqual(scrape.status, 200, docker.logs(serve))
        XCTAssertEqual(host.status, 0, host.stderr)
        let series = MetricSeries.parse(exposition: scrape.text)
        let document = try XCTUnwrap(host.json, host.stdout + host.stderr)

        let memTotal = try XCTUnwrap((document["node"] as? [String: Any])?["memTotalBytes"] as? Int)
        XCTAssertEqual(
            series[MetricSeries(name: "podmem_node_memory_total_bytes", labels: [:])], Double(memTotal),
            "MemTotal through the read-only /proc/meminfo mount")
        let pods = try XCTUnwrap(document["pods"] as? [[String: Any]])
        let idleJSON = try XCTUnwrap(
            pods.first { $0["cgroup"] as? String == "docker/\(idle)" }, "the idle container on the host")
        XCTAssertEqual(
            idleJSON["name"] as? String, "podmem-runtimes-image-\(Self.token)-idle",
            "named from docker's state on the host")
        let memory = try XCTUnwrap(idleJSON["memory"] as? [String: Any])
        // In the image docker's state is not mounted (as in the DaemonSet): the container is its short ID there.
        let labels = [
            "namespace": "", "pod": String(idle.prefix(12)), "container": "", "qos": "",
            "runtime": try XCTUnwrap(idleJSON["runtime"] as? String, "the idle container's runtime on the host"),
        ]
        var figures: [String] = []
        for (metric, key) in [
            ("podmem_usage_bytes", "usageBytes"), ("podmem_rss_bytes", "rssBytes"),
            ("podmem_working_set_bytes", "workingSetBytes"),
            ("podmem_working_set_no_cache_bytes", "workingSetNoCacheBytes"),
            ("podmem_limit_bytes", "limitBytes"),
        ] {
            let exported = try XCTUnwrap(
                series.first { $0.key.stored == MetricSeries(name: metric, labels: labels).stored }?.value,
                "\(metric) of the idle container missing from the image's scrape")
            let onHost = try XCTUnwrap(memory[key] as? Int, "\(key) of the idle container missing on the host")
            XCTAssertEqual(exported, Double(onHost), "\(metric) of the idle container, image vs host")
            figures.append("\(metric) \(Int(exported)) / \(onHost)")
        }
        print("ImageTests: idle container, image scrape / host batch: " + figures.joined(separator: ", "))
        XCTAssertEqual(memory["limitBytes"] as? Int, 512 << 20)
        // Every docker container the host sees, the image sees too.
        let hostContainers = Set(
            pods.compactMap {
                ($0["cgroup"] as? String).flatMap { $0.hasPrefix("docker/") ? String($0.dropFirst(7).prefix(12)) : nil }
            })
        let imageWorkloads = Set(
            series.keys.filter { $0.name == "podmem_working_set_bytes" }.compactMap { $0.labels["pod"] })
        XCTAssertTrue(hostContainers.isSubset(of: imageWorkloads), "host \(hostContainers), image \(imageWorkloads)")
        print(
            "ImageTests: docker containers on the host \(hostContainers.sorted()), all in the image's scrape of \(imageWorkloads.count) workloads"
        )
    }

    /// From serve's first stderr line, `podmem: serving http://HOST:PORT/metrics, …`.
    private func listeningAddress(_ docker: ContainerRuntime, _ id: String) throws -> String {
        let deadline = Date(timeIntervalSinceNow: 30)
        while Date() < deadline {
            let logs = docker.logs(id)
            if let start = logs.range(of: "serving http://"), let end = logs[start.upperBound...].range(of: "/metrics")
            {
                return String(logs[start.upperBound..<end.lowerBound])
            }
            usleep(200_000)
        }
        throw ContainerRuntime.Failure(
            description: "podmem serve in the image did not report its address: \(docker.logs(id))")
    }

    private func skip(_ reason: String) throws -> Never {
        print("ImageTests skipped: \(reason)")
        throw XCTSkip(reason)
    }
}
