import PodmemTestSupport
import XCTest

@testable import PodmemCore

/// One broken file or a vanished cgroup: that value is absent, a warning names it, everything else is reported.
final class BadInputTests: XCTestCase {
    static let uid = "11111111-2222-3333-4444-555555555555"
    static let other = "99999999-2222-3333-4444-555555555555"
    static let stat: [String: UInt64] = ["total_rss": 4096, "total_active_file": 8192, "total_inactive_file": 4096]

    func tree() -> TempTree {
        let tree = TempTree()
        tree.v1Cgroup("", usage: 1 << 20, stat: Self.stat)
        tree.v1Cgroup("kubepods/burstable/pod\(Self.uid)", usage: 40960, stat: Self.stat)
        tree.v1Cgroup("kubepods/burstable/pod\(Self.other)", usage: 20480, stat: Self.stat)
        return tree
    }

    func sample<FS: CgroupFileSystem>(_ tree: TempTree, fileSystem: FS) throws -> Sample {
        try CgroupSource.reading(tree.path, hostRoot: tree.path, logRoot: tree.path, fileSystem: fileSystem).sample(
            at: 1)
    }

    func pod(_ sample: Sample, _ uid: String) -> WorkloadSample? { sample.workloads.first { $0.uid == uid } }

    func assertOtherPodIntact(_ sample: Sample) {
        XCTAssertEqual(pod(sample, Self.other)?.counters.usageBytes, 20480)
        XCTAssertEqual(pod(sample, Self.other)?.counters.stat.inactiveFileBytes, 4096)
    }

    func testGarbageUsage() throws {
        let tree = tree()
        tree.write("kubepods/burstable/pod\(Self.uid)/memory.usage_in_bytes", "lots\n")
        let sample = try sample(tree, fileSystem: LocalFileSystem())
        XCTAssertNil(pod(sample, Self.uid)?.counters.usageBytes)
        XCTAssertEqual(pod(sample, Self.uid)?.counters.stat.rssBytes, 4096, "the stat file is still read")
        XCTAssertTrue(
            sample.warnings.contains { $0.contains("memory.usage_in_bytes: not a number") }, "\(sample.warnings)")
        assertOtherPodIntact(sample)
    }

    func testNegativeAndAbsurdValues() throws {
        let tree = tree()
        tree.write("kubepods/burstable/pod\(Self.uid)/memory.usage_in_bytes", "-4096\n")
        tree.write(
            "kubepods/burstable/pod\(Self.other)/memory.stat",
            "total_rss 99999999999999999999999\ntotal_active_file 8192\ntotal_inactive_file 4096\n")
        let sample = try sample(tree, fileSystem: LocalFileSystem())
        XCTAssertNil(pod(sample, Self.uid)?.counters.usageBytes)
        XCTAssertTrue(sample.warnings.contains { $0.contains("negative value") }, "\(sample.warnings)")
        XCTAssertNil(pod(sample, Self.other)?.counters.stat.rssBytes)
        XCTAssertEqual(pod(sample, Self.other)?.counters.stat.activeFileBytes, 8192)
        XCTAssertTrue(
            sample.warnings.contains { $0.contains("memory.stat: line 1: absurdly large value") }, "\(sample.warnings)")
    }

    func testTruncatedStat() throws {
        let tree = tree()
        tree.write("kubepods/burstable/pod\(Self.uid)/memory.stat", "total_rss 4096\ntotal_acti")
        let sample = try sample(tree, fileSystem: LocalFileSystem())
        XCTAssertEqual(pod(sample, Self.uid)?.counters.stat.rssBytes, 4096)
        XCTAssertNil(pod(sample, Self.uid)?.counters.stat.inactiveFileBytes)
        XCTAssertTrue(
            sample.warnings.contains { $0.contains("lacks total_active_file, total_inactive_file") },
            "\(sample.warnings)")
        assertOtherPodIntact(sample)
    }

    func testEmptyFiles() throws {
        let tree = tree()
        tree.write("kubepods/burstable/pod\(Self.uid)/memory.stat", "")
        tree.write("kubepods/burstable/pod\(Self.uid)/memory.limit_in_bytes", "")
        let sample = try sample(tree, fileSystem: LocalFileSystem())
        XCTAssertNil(pod(sample, Self.uid)?.counters.limit)
        XCTAssertTrue(
            sample.warnings.contains { $0.hasSuffix("memory.stat: empty or truncated") }, "\(sample.warnings)")
        XCTAssertTrue(
            sample.warnings.contains { $0.hasSuffix("memory.limit_in_bytes: empty or truncated") }, "\(sample.warnings)"
        )
    }

    /// A cgroup listed by discovery whose files are gone by the time they are read.
    func testCgroupVanishedMidPoll() throws {
        let tree = tree()
        tree.mkdir("kubepods/burstable/pod\(Self.uid)/\(String(repeating: "d", count: 64))")
        let sample = try sample(tree, fileSystem: LocalFileSystem())
        XCTAssertEqual(pod(sample, Self.uid)?.containers.count, 0)
        XCTAssertTrue(sample.warnings.contains { $0.hasSuffix("cgroup vanished during poll") }, "\(sample.warnings)")
        assertOtherPodIntact(sample)
    }

    /// Reads go through a handle of each cgroup's directory, held while discovery knows the cgroup: a pod removed
    /// between polls reads as gone (its handle does not keep stale files readable) and its handles are closed.
    func testDirectoryHandlesFollowTheCgroupsLifetime() throws {
        let tree = tree()
        let container = "kubepods/burstable/pod\(Self.uid)/\(String(repeating: "e", count: 64))"
        tree.v1Cgroup(container, usage: 8192, stat: Self.stat)
        let fileSystem = LocalFileSystem()
        let before = Self.openDescriptors()
        let source = try CgroupSource.reading(
            tree.path, hostRoot: tree.path, logRoot: tree.path, fileSystem: fileSystem)
        XCTAssertEqual(pod(source.sample(at: 1), Self.uid)?.containers.first?.counters.usageBytes, 8192)
        XCTAssertEqual(Self.openDescriptors() - before, 4, "the root, two pods and one container")

        try FileManager.default.removeItem(atPath: tree.path + "/" + container)
        let afterContainer = source.sample(at: 2)
        XCTAssertEqual(
            pod(afterContainer, Self.uid)?.containers.count, 0, "a removed container is not read through its handle")
        XCTAssertEqual(Self.openDescriptors() - before, 3)
        try FileManager.default.removeItem(atPath: tree.path + "/kubepods/burstable/pod\(Self.uid)")
        let afterPod = source.sample(at: 3)
        XCTAssertNil(pod(afterPod, Self.uid))
        assertOtherPodIntact(afterPod)
        XCTAssertEqual(Self.openDescriptors() - before, 2, "a vanished pod's handle is closed")
    }

    /// One read per cgroup file ends at a short read; a file larger than the buffer is still read whole, through a
    /// handle and through a full path alike, and the generic read goes on to the end of the file.
    func testFilesLargerThanTheBufferAreReadWhole() throws {
        let tree = TempTree()
        let big = (0..<4000).map { "key_\($0) \($0)\n" }.joined()  // ~47 KB, past the 16 KiB buffer
        tree.write("cg/memory.stat", big)
        let fileSystem = LocalFileSystem()
        for directory in [fileSystem.openDirectory(tree.path + "/cg"), nil] {
            let files = CgroupFiles(root: tree.path, relativePath: "cg", version: .v1, directory: directory)
            var buffer = [UInt8](repeating: 0, count: 16 * 1024)
            let count = try fileSystem.read(files, "memory.stat", into: &buffer).get()
            XCTAssertEqual(String(decoding: buffer[..<count], as: UTF8.self), big)
        }
        var buffer = [UInt8](repeating: 0, count: 100)
        XCTAssertEqual(try fileSystem.read(tree.path + "/cg/memory.stat", into: &buffer).get(), big.utf8.count)
    }

    static func openDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
    }

    /// Root reads every file regardless of mode bits, so denial is injected at the file-system boundary.
    func testPermissionDenied() throws {
        let tree = tree()
        let denying = DenyingFileSystem(denied: "pod\(Self.uid)/memory.stat")
        let sample = try sample(tree, fileSystem: denying)
        XCTAssertNil(pod(sample, Self.uid)?.counters.stat.rssBytes)
        XCTAssertEqual(pod(sample, Self.uid)?.counters.usageBytes, 40960)
        XCTAssertTrue(sample.warnings.contains { $0.hasSuffix("memory.stat: permission denied") }, "\(sample.warnings)")
        assertOtherPodIntact(sample)
    }

    func testMissingOptionalFilesAreNotWarnings() throws {
        let tree = tree()
        try FileManager.default.removeItem(atPath: tree.path + "/kubepods/burstable/pod\(Self.uid)/memory.failcnt")
        let sample = try sample(tree, fileSystem: LocalFileSystem())
        XCTAssertEqual(sample.warnings.filter { !$0.contains("meminfo") }, [])
        XCTAssertNil(pod(sample, Self.uid)?.counters.failCount)
    }

    func testNotACgroupTree() {
        let tree = TempTree()
        tree.write("hello.txt", "hi")
        XCTAssertThrowsError(try CgroupHierarchy.inspect(fileSystem: LocalFileSystem(), directory: tree.path)) {
            error in
            XCTAssertTrue(
                (error as? CommandFailure)?.message.contains("not a cgroup memory hierarchy") == true, "\(error)")
        }
        XCTAssertThrowsError(try CgroupHierarchy.inspect(fileSystem: LocalFileSystem(), directory: tree.path + "/nope"))
        { error in
            XCTAssertTrue((error as? CommandFailure)?.message.hasSuffix("no such directory") == true, "\(error)")
        }
        tree.write("v2/cgroup.controllers", "cpu io pids\n")
        XCTAssertThrowsError(try CgroupHierarchy.inspect(fileSystem: LocalFileSystem(), directory: tree.path + "/v2")) {
            error in
            XCTAssertTrue(
                (error as? CommandFailure)?.message.contains("without the memory controller") == true, "\(error)")
        }
    }
}

/// The real file system, except that paths ending in `denied` answer EACCES.
struct DenyingFileSystem: CgroupFileSystem {
    let denied: String
    let real = LocalFileSystem()

    func read(_ path: String, into buffer: inout [UInt8]) -> Result<Int, FileReadError> {
        path.hasSuffix(denied) ? .failure(.permissionDenied) : real.read(path, into: &buffer)
    }

    func entries(of directory: String) -> Result<[DirectoryEntry], FileReadError> { real.entries(of: directory) }
    func modificationTime(of path: String) -> Int64? { real.modificationTime(of: path) }
}
