import Foundation
import Glibc
import XCTest

@testable import PodmemCore

/// `--cache-files` through the built binary, on the demo node (whose files come from a simulated /proc through
/// the same engine), and the flag's rules.
final class CacheFilesCLITests: XCTestCase {
    func testDemoJSONListsTheLogTheRotatedLogAndTheIndex() throws {
        let run = try CommandRun.podmem(["--demo", "--batch", "-n", "2", "-d", "0", "--json", "--cache-files"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let document = try SnapshotCodec.decode(Data(run.stdout.utf8))
        let pod = try XCTUnwrap(document.pods.first { $0.name == "web-frontend-7d9f8b6c5-x2kqp" })
        let files = try XCTUnwrap(pod.cacheFiles)
        XCTAssertEqual(
            Array(files.prefix(3).map(\.path)),
            ["/var/log/nginx/access.log", "/var/log/nginx/access.log.1", "/srv/geoip/GeoLite2-City.mmdb"])
        XCTAssertEqual(files.prefix(3).map(\.deleted), [false, true, false])
        XCTAssertEqual(
            files[0].heldBy,
            [
                CacheFileHolder(container: "nginx", pid: 4242, comm: "nginx"),
                CacheFileHolder(container: "log-shipper", pid: 4317, comm: "fluent-bit"),
            ])
        XCTAssertNotNil(
            files.first { $0.heldBy.isEmpty && $0.hostPath?.hasSuffix("/nginx/0.log") == true },
            "the kubelet log, by walking")
        let emptyDir = "/var/lib/kubelet/pods/\(try XCTUnwrap(pod.uid))/volumes/kubernetes.io~empty-dir/nginx-logs"
        XCTAssertEqual(
            files[0].hostPath, emptyDir + "/access.log", "translated through the container's and the host's mountinfo")
        XCTAssertEqual(files.filter { $0.hostPath == emptyDir + "/access.log" }.count, 1, "open and walked: one entry")
        XCTAssertTrue(
            files.contains { $0.path == emptyDir + "/access.log.1.gz" && $0.cachedBytes == 0 && $0.heldBy.isEmpty })
        XCTAssertTrue(
            files.contains { $0.path == "/usr/sbin/nginx" && $0.hostPath?.hasSuffix("/rootfs/usr/sbin/nginx") == true })
        let coverage = try XCTUnwrap(pod.cacheFilesCoverage)
        XCTAssertGreaterThan(coverage, 0.85)
        XCTAssertLessThanOrEqual(coverage, 1)
        // Every pod carries the keys; pods with no process in the simulated /proc list nothing.
        XCTAssertTrue(document.pods.allSatisfy { $0.cacheFiles != nil && $0.cacheFilesProblems != nil })
        XCTAssertTrue(run.stdout.contains("\"cacheFilesCoverage\""))
    }

    func testWithoutTheFlagTheDocumentHasNoCacheFileKeys() throws {
        let run = try CommandRun.podmem(["--demo", "--batch", "-n", "1", "--json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stdout.contains("cacheFiles"))
    }

    func testTableModePrintsTheParagraph() throws {
        let run = try CommandRun.podmem(["--demo", "--batch", "-n", "1", "--cache-files"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(
            run.stdout.contains("shop/web-frontend-7d9f8b6c5-x2kqp: page cache by file: these files hold"), run.stdout)
        XCTAssertTrue(
            run.stdout.contains("/var/log/nginx/access.log.1 (deleted) held by nginx/nginx[4242]"), run.stdout)
    }

    func testFlagNeedsBatch() throws {
        let run = try CommandRun.podmem(["--cache-files"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("--cache-files needs --batch"), run.stderr)
    }

    func testMethodVariableIsValidated() throws {
        defer { unsetenv(LocalFileResidencyProbe.methodVariable) }
        setenv(LocalFileResidencyProbe.methodVariable, "mincore", 1)
        XCTAssertEqual(try LocalFileResidencyProbe.methodFromEnvironment().get(), .mincore)
        setenv(LocalFileResidencyProbe.methodVariable, "fast\u{1B}[2J", 1)
        guard case .failure(let error) = LocalFileResidencyProbe.methodFromEnvironment() else {
            return XCTFail("accepted a bad method")
        }
        XCTAssertEqual(error.message, "PODMEM_CACHE_FILES_METHOD must be cachestat or mincore, not 'fast?[2J'")
        unsetenv(LocalFileResidencyProbe.methodVariable)
        XCTAssertNil(try LocalFileResidencyProbe.methodFromEnvironment().get())
    }
}
