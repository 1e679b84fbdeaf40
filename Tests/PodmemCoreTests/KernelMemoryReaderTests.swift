import PodmemTestSupport
import XCTest

@testable import PodmemCore

/// v1 kernel memory: `memory.kmem.usage_in_bytes`, read with the slow files (every 10 s per cgroup).
final class KernelMemoryReaderTests: XCTestCase {
    static let stat: [String: UInt64] = [
        "total_rss": 40 << 20, "total_cache": 20 << 20, "total_active_file": 12 << 20,
        "total_inactive_file": 8 << 20, "total_shmem": 0,
    ]

    func read(_ reader: inout CgroupCounterReader, _ files: CgroupFiles, at time: Double, warnings: inout [String])
        -> MemoryCounters?
    {
        reader.beginPoll(at: time)
        guard case .counters(let counters) = reader.read(files, warnings: &warnings) else { return nil }
        return counters
    }

    func testKernelMemoryIsReadWithTheSlowFilesAndFillsKernelBytes() throws {
        let tree = TempTree()
        tree.v1Cgroup("", usage: 900 << 20, stat: Self.stat)
        tree.write("memory.kmem.usage_in_bytes", "\(300 << 20)\n")
        tree.v1Cgroup("pod", usage: 90 << 20, stat: Self.stat)
        tree.write("pod/memory.kmem.usage_in_bytes", "\(30 << 20)\n")
        var reader = CgroupCounterReader(fileSystem: LocalFileSystem(), version: .v1)
        let pod = CgroupFiles(root: tree.path, relativePath: "pod", version: .v1)
        var warnings: [String] = []

        let first = try XCTUnwrap(read(&reader, pod, at: 1000, warnings: &warnings))
        XCTAssertEqual(first.kernelUsageBytes, 30 << 20)
        XCTAssertEqual(MemoryFigures(first)[.kernel], 30 << 20, "usage 90 = rss 40 + cache 20 + kernel 30")
        tree.write("pod/memory.kmem.usage_in_bytes", "\(31 << 20)\n")
        // The first due time is 0.01 to 10 s away (a phase from the path): a read right after holds the value.
        XCTAssertEqual(
            read(&reader, pod, at: 1000.005, warnings: &warnings)?.kernelUsageBytes, 30 << 20,
            "not due yet: the value held")
        XCTAssertEqual(
            read(&reader, pod, at: 1010.5, warnings: &warnings)?.kernelUsageBytes, 31 << 20, "due within 10 s")
        XCTAssertEqual(warnings, [])

        // The v1 root's usage is rss + cache without kernel memory: its kmem figure is not a part of it.
        let root = try XCTUnwrap(
            read(&reader, CgroupFiles(root: tree.path, relativePath: ".", version: .v1), at: 1011, warnings: &warnings))
        XCTAssertNil(root.kernelUsageBytes)
        XCTAssertNil(MemoryFigures(root)[.kernel])
    }

    func testMissingKmemIsUnknownAndGarbageIsAWarning() throws {
        let tree = TempTree()
        tree.v1Cgroup("off", usage: 60 << 20, stat: Self.stat)  // kmem accounting off: no file
        tree.v1Cgroup("bad", usage: 60 << 20, stat: Self.stat)
        tree.write("bad/memory.kmem.usage_in_bytes", "\u{1b}[2J-5\n")
        var reader = CgroupCounterReader(fileSystem: LocalFileSystem(), version: .v1)
        var warnings: [String] = []
        let off = try XCTUnwrap(
            read(&reader, CgroupFiles(root: tree.path, relativePath: "off", version: .v1), at: 0, warnings: &warnings))
        XCTAssertNil(MemoryFigures(off)[.kernel])
        XCTAssertEqual(warnings, [], "an absent file is an absent value")
        var other = CgroupCounterReader(fileSystem: LocalFileSystem(), version: .v1)  // this one knows kmem is off
        let bad = try XCTUnwrap(
            read(&other, CgroupFiles(root: tree.path, relativePath: "bad", version: .v1), at: 0, warnings: &warnings))
        XCTAssertNil(bad.kernelUsageBytes)
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings.first?.hasPrefix("bad/memory.kmem.usage_in_bytes: ") ?? false, "\(warnings)")
        XCTAssertFalse(warnings.first?.contains("\u{1b}") ?? true, "no escape sequence reaches a terminal")
    }

    /// kmem accounting is kernel-wide: one existing cgroup without the file means none has it, and it is not tried again.
    func testAbsentKmemIsNotTriedAgain() throws {
        let tree = TempTree()
        tree.v1Cgroup("off", usage: 60 << 20, stat: Self.stat)
        tree.v1Cgroup("later", usage: 60 << 20, stat: Self.stat)
        tree.write("later/memory.kmem.usage_in_bytes", "\(5 << 20)\n")
        var reader = CgroupCounterReader(fileSystem: LocalFileSystem(), version: .v1)
        var warnings: [String] = []
        XCTAssertNil(
            read(&reader, CgroupFiles(root: tree.path, relativePath: "off", version: .v1), at: 0, warnings: &warnings)?
                .kernelUsageBytes)
        XCTAssertNil(
            read(
                &reader, CgroupFiles(root: tree.path, relativePath: "later", version: .v1), at: 0, warnings: &warnings)?
                .kernelUsageBytes)
        // A cgroup removed before its files were read says nothing about the kernel.
        var fresh = CgroupCounterReader(fileSystem: LocalFileSystem(), version: .v1)
        if case .counters = fresh.read(
            CgroupFiles(root: tree.path, relativePath: "gone", version: .v1), warnings: &warnings)
        {
            XCTFail("a missing cgroup is vanished")
        }
        XCTAssertEqual(
            read(&fresh, CgroupFiles(root: tree.path, relativePath: "later", version: .v1), at: 0, warnings: &warnings)?
                .kernelUsageBytes, 5 << 20)
    }
}
