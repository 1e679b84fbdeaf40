import Foundation
import PodmemTestSupport
import XCTest

@testable import PodmemCore

/// podmem writing as root into a directory another user can write (mode 0777, no sticky bit): that user plants
/// symlinks and pre-creates names as `nobody`; the victim file outside stays untouched and podmem either writes
/// its own file or fails with one line. Skips unless the tests run as root with setpriv(1).
final class FileSafetyTests: XCTestCase {
    static let victimText = "victim: must stay exactly this\n"
    private var tree: TempTree!
    private var shared = ""
    private var victim = ""

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("needs root: the attacks are another user's files in root's way") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            throw XCTSkip("setpriv is not installed")
        }
        tree = TempTree("podmem-files")
        shared = tree.path + "/shared"
        victim = tree.path + "/victim"
        tree.write("victim", Self.victimText)
        tree.mkdir("shared")
        XCTAssertEqual(chmod(tree.path, 0o755), 0)
        XCTAssertEqual(chmod(shared, 0o777), 0)
    }

    override func tearDown() {
        tree = nil
    }

    // MARK: - record

    func testRecordOutputThatIsAPlantedSymlinkIsOneLineAndTheVictimIsUntouched() throws {
        try asNobody("ln -s \(victim) \(shared)/rec")
        let run = try CommandRun.podmem(["record", "--demo", "-o", shared + "/rec", "--duration", "0"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stderr, "podmem: \(shared)/rec exists; record to a new file (or remove it)\n")
        try assertVictimUntouched()
        XCTAssertEqual(
            try FileManager.default.destinationOfSymbolicLink(atPath: shared + "/rec"), victim,
            "the link itself is left alone")
    }

    /// Before this fix the temp file was `.podmem-recording-<pid>.tmp`, opened with O_TRUNC and no O_NOFOLLOW:
    /// links planted for the next pids made root truncate and fill the victim.
    func testRecordIgnoresTempNamesPlantedForItsPid() throws {
        let lastPid = try XCTUnwrap(
            Int(
                try String(contentsOfFile: "/proc/sys/kernel/ns_last_pid", encoding: .utf8)
                    .trimmingCharacters(in: .whitespacesAndNewlines)))
        // One process plants them all (a shell loop of ln(1) would use up the very pids it plants for).
        try asNobody(
            "perl -e 'symlink($ARGV[0], \"$ARGV[1]/.podmem-recording-$_.tmp\") or die for $ARGV[2]..$ARGV[3]' "
                + "\(victim) \(shared) \(lastPid + 1) \(lastPid + 400)")
        let run = try CommandRun.podmem(["record", "--demo", "-o", shared + "/rec", "--duration", "0"])
        XCTAssertEqual(run.status, 0, run.stderr)
        try assertVictimUntouched()
        try assertOwnPrivateFile(shared + "/rec")
        XCTAssertEqual(try XCTUnwrap(try Recording(path: shared + "/rec")).count, 1)
        XCTAssertFalse(
            try FileManager.default.contentsOfDirectory(atPath: shared).contains {
                $0.hasPrefix(".podmem-") && !$0.hasPrefix(".podmem-recording-")
            },
            "no temp file of podmem's own is left")
    }

    func testRotationReplacesAPlantedOlderSegmentLinkWithoutFollowingIt() throws {
        try asNobody("ln -s \(victim) \(shared)/rec.1")
        let samples = try record(count: 40, maximumBytes: 8192)
        try assertVictimUntouched()
        try assertOwnPrivateFile(shared + "/rec.1")
        try assertOwnPrivateFile(shared + "/rec")
        let older = try XCTUnwrap(try Recording(path: shared + "/rec.1")).count
        let newer = try XCTUnwrap(try Recording(path: shared + "/rec")).count
        XCTAssertGreaterThan(older, 0, "the rotated segment is a recording")
        XCTAssertLessThan(newer, samples, "the recording did rotate")
    }

    func testRotationStopsWhenAnotherUserSwappedTheLiveFile() throws {
        let node = DemoNode()
        let first = node.sample(at: 1_800_000_000)
        let writer = try RecordingWriter(path: shared + "/rec", header: Self.header(first), maximumBytes: 8192)
        try writer.append(first)
        try asNobody("rm \(shared)/rec && ln -s \(victim) \(shared)/rec")
        var failure: CommandFailure?
        for index in 1..<200 where failure == nil {
            do {
                try writer.append(node.sample(at: 1_800_000_000 + Double(index)))
            } catch {
                failure = error
            }
        }
        XCTAssertEqual(
            failure?.message, "recording to \(shared)/rec failed: \(shared)/rec was replaced by another file")
        try assertVictimUntouched()
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: shared + "/rec.1"), "nothing of the other user's was moved")
    }

    // MARK: - Snapshots

    func testSnapshotNamesTakenByAnotherUserNeitherBlockNorGetFollowed() throws {
        let time = 1_800_000_100.0
        let stem = "\(shared)/podmem-demo-node-\(Timestamp.compact(time))"
        try asNobody("ln -s \(victim) \(stem).json; for n in 2 3 4 5 6 7 8 9; do : > \(stem)-$n.json; done")
        let document = try XCTUnwrap(Monitor.polled(DemoNode(), count: 3).snapshot())
        let path = try SnapshotWriter.write(document, to: shared, at: time)
        XCTAssertNotNil(path.range(of: #"-[0-9a-f]+\.json$"#, options: .regularExpression), path)
        XCTAssertFalse(path.hasSuffix("-2.json") || path == stem + ".json", path)
        try assertVictimUntouched()
        try assertOwnPrivateFile(path)
        XCTAssertEqual(try SnapshotCodec.decode(Data(contentsOf: URL(fileURLWithPath: path))).host, "demo-node")
        for n in 2...9 {
            XCTAssertEqual(
                try Data(contentsOf: URL(fileURLWithPath: "\(stem)-\(n).json")).count, 0,
                "the other user's file \(n) is untouched")
        }
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: shared).contains { $0.hasSuffix(".tmp") })
    }

    func testSnapshotThatCannotBeWrittenLeavesNoDescriptorOrTempFileBehind() throws {
        let document = try XCTUnwrap(Monitor.polled(DemoNode(), count: 3).snapshot())
        let descriptorsBefore = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
        // A file-size limit makes the write itself fail (EFBIG), after the temp file was created.
        var previous = rlimit()
        getrlimit(Int32(RLIMIT_FSIZE.rawValue), &previous)
        let previousHandler = signal(SIGXFSZ, SIG_IGN)
        var small = rlimit(rlim_cur: 1000, rlim_max: previous.rlim_max)
        setrlimit(Int32(RLIMIT_FSIZE.rawValue), &small)
        defer {
            setrlimit(Int32(RLIMIT_FSIZE.rawValue), &previous)
            signal(SIGXFSZ, previousHandler)
        }
        XCTAssertThrowsError(try SnapshotWriter.write(document, to: shared, at: 1_800_000_100)) { error in
            XCTAssertEqual((error as? CommandFailure)?.message, "snapshot not written to \(shared): File too large")
        }
        XCTAssertThrowsError(try SnapshotWriter.write(document, to: shared + "/missing", at: 1_800_000_100)) { error in
            XCTAssertEqual(
                (error as? CommandFailure)?.message,
                "snapshot not written to \(shared)/missing: No such file or directory")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: shared), [], "no temp file left")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count, descriptorsBefore,
            "no descriptor leaked")
    }

    // MARK: - Helpers

    private func assertVictimUntouched(file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(
            try String(contentsOfFile: victim, encoding: .utf8), Self.victimText, "the victim file changed", file: file,
            line: line)
    }

    /// A regular file (not a link), root's, readable by nobody else: it names every pod of the node.
    private func assertOwnPrivateFile(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        var status = stat()
        XCTAssertEqual(lstat(path, &status), 0, path, file: file, line: line)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFREG, "\(path) is a regular file", file: file, line: line)
        XCTAssertEqual(status.st_uid, 0, path, file: file, line: line)
        XCTAssertEqual(status.st_mode & 0o777, 0o600, path, file: file, line: line)
    }

    /// Runs `script` as nobody (uid and gid 65534, no supplementary groups).
    private func asNobody(_ script: String) throws {
        let run = try CommandRun.run(
            URL(fileURLWithPath: "/usr/bin/setpriv"),
            ["--reuid", "65534", "--regid", "65534", "--clear-groups", "sh", "-c", script])
        XCTAssertEqual(run.status, 0, "as nobody: \(script)\n\(run.stderr)")
    }

    private func record(count: Int, maximumBytes: Int) throws -> Int {
        let node = DemoNode()
        var writer: RecordingWriter?
        for index in 0..<count {
            let sample = node.sample(at: 1_800_000_000 + Double(index))
            if writer == nil {
                writer = try RecordingWriter(
                    path: shared + "/rec", header: Self.header(sample), maximumBytes: maximumBytes)
            }
            try writer!.append(sample)
        }
        try writer?.finish()
        return count
    }

    static func header(_ sample: Sample) -> RecordingHeader {
        RecordingHeader(
            recordingId: "test", host: sample.host, cgroupVersion: sample.cgroupVersion, root: sample.root,
            intervalSeconds: 1, startedAt: sample.timestamp)
    }
}
