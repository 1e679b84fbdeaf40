import Foundation
import XCTest

/// `podmem --batch --json --cache-files` on the real kernel: a pod cgroup on the writable v1 memory hierarchy whose
/// one process writes a file and keeps it open, maps another, and holds a third it deleted (`podmem-lab hold-files`).
/// Both residency methods must find all three at their real size, held by that process, covering the pod's page cache.
final class CacheFilesLiveTests: XCTestCase {
    static let hierarchy = "/sys/fs/cgroup/memory"
    static let mebibyte = 1 << 20

    func testCachestatFindsTheThreeFiles() throws {
        try checkTheThreeFiles(method: "cachestat")
    }

    func testMincoreFallbackFindsTheThreeFiles() throws {
        try checkTheThreeFiles(method: "mincore")
    }

    private func checkTheThreeFiles(method: String) throws {
        if let reason = LiveCgroupTree.unavailableReason(hierarchy: Self.hierarchy) {
            print("CacheFilesLiveTests skipped: \(reason)")
            throw XCTSkip(reason)
        }
        let podmem = try XCTUnwrap(BinaryLocator.executable("podmem"), "podmem is not built next to the test bundle")
        let lab = try XCTUnwrap(
            BinaryLocator.executable("podmem-lab"), "podmem-lab is not built next to the test bundle")
        let tree = try LiveCgroupTree(hierarchy: Self.hierarchy, label: "cachefiles")
        defer { tree.tearDown() }
        let pod = try tree.addPod(namespace: "shop", name: "file-holder", qos: "burstable")
        let container = try tree.addContainer("app", to: pod)
        let files = tree.scratch + "/files"
        try FileManager.default.createDirectory(atPath: files, withIntermediateDirectories: true)
        try tree.startWorkload(
            lab, ["hold-files", "--dir", files, "--open-mib", "64", "--mapped-mib", "32", "--deleted-mib", "16"],
            in: container)

        let document = try run(podmem, tree: tree, method: method)
        let pods = try XCTUnwrap(document["pods"] as? [[String: Any]])
        let json = try XCTUnwrap(pods.first { $0["uid"] as? String == pod.uid }, "pod missing")
        let entries = try XCTUnwrap(json["cacheFiles"] as? [[String: Any]], "no cacheFiles: \(json)")
        let listing = entries.map { "\($0["path"] ?? "?") \($0["cachedBytes"] ?? "?")" }.joined(separator: "; ")
        print(
            "CacheFilesLiveTests (\(method)): coverage \(json["cacheFilesCoverage"] ?? "nil"), problems \(json["cacheFilesProblems"] ?? "nil"), files: \(listing)"
        )

        for (name, size, deleted) in [("open.log", 64, false), ("mapped.idx", 32, false), ("rotated.log", 16, true)] {
            let entry = try XCTUnwrap(
                entries.first { $0["path"] as? String == files + "/" + name }, "\(name) not listed: \(listing)")
            let cached = try XCTUnwrap(entry["cachedBytes"] as? Int)
            XCTAssertEqual(
                Double(cached), Double(size * Self.mebibyte), accuracy: 0.05 * Double(size * Self.mebibyte),
                "\(name): \(entry)")
            XCTAssertEqual(entry["deleted"] as? Bool, deleted, "\(name): \(entry)")
            let holders = try XCTUnwrap(entry["heldBy"] as? [[String: Any]])
            XCTAssertEqual(holders.count, 1, "\(name): \(holders)")
            XCTAssertEqual(holders.first?["container"] as? String, "app", "\(name): \(holders)")
            XCTAssertEqual(holders.first?["comm"] as? String, "podmem-lab", "\(name): \(holders)")
            XCTAssertEqual(holders.first?["pid"] as? Int, tree.workloadPIDs.last.map(Int.init), "\(name): \(holders)")
            if method == "cachestat" {
                XCTAssertNotNil(entry["dirtyBytes"] as? Int, "cachestat gives dirty pages: \(entry)")
            } else {
                XCTAssertTrue(entry["dirtyBytes"] is NSNull, "mincore sees residency only: \(entry)")
            }
        }
        // The host shares the test's mount namespace, so the paths are host paths too.
        XCTAssertEqual(
            entries.first { $0["path"] as? String == files + "/open.log" }?["hostPath"] as? String, files + "/open.log")
        let coverage = try XCTUnwrap(json["cacheFilesCoverage"] as? Double)
        XCTAssertGreaterThanOrEqual(coverage, 0.9, listing)
        XCTAssertEqual(json["cacheFilesProblems"] as? [String], [], "a root scan of its own child has nothing hidden")
    }

    private func run(_ podmem: URL, tree: LiveCgroupTree, method: String) throws -> [String: Any] {
        let outputPath = tree.scratch + "/podmem.json"
        let errorPath = tree.scratch + "/podmem.stderr"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let process = Process()
        process.executableURL = podmem
        process.arguments = [
            "--batch", "-n", "1", "--json", "--cache-files", "--root", tree.root, "--log-root", tree.logRoot,
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(["PODMEM_CACHE_FILES_METHOD": method]) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        try process.run()
        if !LiveCgroupTree.wait(for: process, timeout: 60) {
            process.terminate()
            XCTFail("podmem did not finish within 60 s")
        }
        let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        XCTAssertEqual(process.terminationStatus, 0, "podmem failed: \(errors)")
        let output = try Data(contentsOf: URL(fileURLWithPath: outputPath))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: output) as? [String: Any], errors)
    }
}
