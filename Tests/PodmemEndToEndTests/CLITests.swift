import Foundation
import PodmemTestSupport
import XCTest

/// The real `podmem` binary as a subprocess: exit codes, one-line errors, batch table and JSON.
final class CLITests: XCTestCase {
    func testUnknownFlagPrintsUsageAndExits2() throws {
        let run = try CommandRun.podmem(["--batch", "--frobnicate"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("Unknown option"), run.stderr)
        XCTAssertTrue(run.stderr.contains("Usage: podmem"), run.stderr)
        XCTAssertEqual(try CommandRun.podmem(["--batch", "-n", "0"]).status, 2)
        XCTAssertEqual(try CommandRun.podmem(["--json"]).status, 2, "--json needs --batch")
    }

    func testMissingRootIsOneLineAndNonZero() throws {
        let run = try CommandRun.podmem(["--batch", "-n", "1", "--root", "/nonexistent/podmem"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr, "podmem: /nonexistent/podmem: no such directory\n")
        XCTAssertEqual(run.stdout, "")
    }

    func testDirectoryThatIsNotACgroupTree() throws {
        let tree = TempTree()
        tree.write("notes.txt", "hello")
        let run = try CommandRun.podmem(["--batch", "-n", "1", "--root", tree.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("not a cgroup memory hierarchy"), run.stderr)
    }

    func testHostRootWithoutCgroups() throws {
        let tree = TempTree()
        let run = try CommandRun.podmem(["--batch", "-n", "1", "--host-root", tree.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(
            run.stderr.hasPrefix("podmem: no cgroup memory hierarchy under \(tree.path)/sys/fs/cgroup"), run.stderr)
    }

    func testBatchJSONOnFixture() throws {
        let host = TempTree()
        host.write("proc/meminfo", "MemTotal: 2048 kB\n")
        host.write("etc/hostname", "lab-node\n")
        let run = try CommandRun.podmem([
            "--batch", "--json", "-n", "2", "-d", "0.01", "--root", FixturePaths.v1Lab + "/t3",
            "--log-root", FixturePaths.v1Lab + "/varlog", "--host-root", host.path,
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "", "no progress on stderr when it is not a terminal")
        let json = try XCTUnwrap(run.json)
        XCTAssertEqual(json["host"] as? String, "lab-node")
        XCTAssertEqual(json["intervalSeconds"] as? Double, 0.01)
        XCTAssertEqual((json["node"] as? [String: Any])?["memTotalBytes"] as? Int, 2048 * 1024)
        let pods = try XCTUnwrap(json["pods"] as? [[String: Any]])
        XCTAssertEqual(
            Set(pods.compactMap { $0["name"] as? String }), ["web-logger", "api-leaky", "db-steady", "report-cold"])
        XCTAssertEqual(((pods.first?["history"] as? [String: Any])?["t"] as? [Double])?.count, 2)
    }

    func testBrokenFileStillReportsEverythingElse() throws {
        let tree = TempTree()
        let stat: [String: UInt64] = ["total_rss": 4096, "total_active_file": 8192, "total_inactive_file": 4096]
        tree.v1Cgroup("", usage: 1 << 20, stat: stat)
        tree.v1Cgroup("kubepods/burstable/pod11111111-2222-3333-4444-555555555555", usage: 40960, stat: stat)
        tree.v1Cgroup("kubepods/burstable/pod99999999-2222-3333-4444-555555555555", usage: 20480, stat: stat)
        tree.write("kubepods/burstable/pod11111111-2222-3333-4444-555555555555/memory.stat", "\u{0}\u{1}garbage\n")
        let run = try CommandRun.podmem(["--batch", "--json", "-n", "1", "--root", tree.path, "--host-root", tree.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try XCTUnwrap(run.json)
        let warnings = try XCTUnwrap(json["warnings"] as? [String])
        XCTAssertTrue(
            warnings.contains { $0.contains("pod11111111-2222-3333-4444-555555555555/memory.stat") }, "\(warnings)")
        let pods = try XCTUnwrap(json["pods"] as? [[String: Any]])
        XCTAssertEqual(pods.count, 2)
        let broken = try XCTUnwrap(pods.first { ($0["uid"] as? String)?.hasPrefix("1111") == true })
        XCTAssertTrue((broken["memory"] as? [String: Any])?["workingSetBytes"] is NSNull)
        XCTAssertEqual((broken["memory"] as? [String: Any])?["usageBytes"] as? Int, 40960)
    }

    /// The batch header: a tree with no pods, containers or services says so in one line, with what was looked
    /// for; docker containers beside pods are counted as workloads.
    func testBatchHeaderSaysWhatWasFound() throws {
        let stat: [String: UInt64] = ["total_rss": 4096, "total_active_file": 8192, "total_inactive_file": 4096]
        let empty = TempTree()
        empty.v1Cgroup("", usage: 1 << 20, stat: stat)
        empty.v1Cgroup("user.slice", usage: 4096, stat: stat)
        var run = try CommandRun.podmem(["--batch", "-n", "1", "--root", empty.path, "--host-root", empty.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        var lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines[2].hasPrefix("root cgroup only · growth window"), run.stdout)
        XCTAssertEqual(
            lines[3],
            "nothing found under \(empty.path): no Kubernetes pods (kubepods*, kubelet* within 3 levels), "
                + "docker (docker/, system.slice/docker-*.scope), podman (libpod_parent/, machine.slice/libpod-*.scope) or systemd "
                + "services (system.slice/*.service); the one row is the root cgroup itself")
        XCTAssertEqual(lines[4], "")

        let mixed = TempTree()
        mixed.v1Cgroup("", usage: 1 << 20, stat: stat)
        mixed.v1Cgroup("kubepods/burstable/pod11111111-2222-3333-4444-555555555555", usage: 40960, stat: stat)
        mixed.v1Cgroup("docker/" + String(repeating: "a", count: 64), usage: 8192, stat: stat)
        mixed.v1Cgroup("libpod_parent/libpod-" + String(repeating: "b", count: 64), usage: 8192, stat: stat)
        run = try CommandRun.podmem(["--batch", "-n", "1", "--root", mixed.path, "--host-root", mixed.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines[2].hasPrefix("3 workloads (1 pod) · growth window"), run.stdout)
        XCTAssertFalse(run.stdout.contains("nothing found"), run.stdout)
    }

    func testDemoTable() throws {
        let run = try CommandRun.podmem(["--batch", "--demo", "-n", "3", "-d", "0.5"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n")
        XCTAssertTrue(
            lines.contains { $0.hasPrefix("NAME ") && $0.contains("WS-NC") && $0.contains("VERDICT") }, run.stdout)
        XCTAssertTrue(run.stdout.contains("cache-driven"), run.stdout)
        XCTAssertTrue(run.stdout.contains("anon-driven"), run.stdout)
        XCTAssertTrue(run.stdout.contains("shop/web-frontend"), run.stdout)
    }

    func testLiveModeWithoutATerminalPointsToBatch() throws {
        let run = try CommandRun.podmem(["--demo"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("--batch"), run.stderr)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1)
    }
}
