import Foundation
import PodmemTestSupport
import XCTest

@testable import PodmemCore

/// Names from the host cannot drive the terminal: a pod directory under `<log-root>/pods` named with ESC sequences,
/// a C1 CSI (U+009B), BEL, a newline and an invalid UTF-8 byte goes through `--batch`, `report`, warnings and errors
/// as `?`, and through JSON escaped but unchanged. Two directories naming one uid differently leave the pod by uid.
final class HostileTextTests: XCTestCase {
    static let hostileUID = "11111111-2222-3333-4444-555555555555"
    static let conflictUID = "99999999-2222-3333-4444-555555555555"
    static let hostileNamespace = "shop\u{1B}]0;pwned\u{07}"
    static let hostileName = "web\u{9B}31m\nx\u{7F}"
    /// What the text outputs show for that pod.
    static let shownLabel = "shop?]0;pwned?/web?31m?x?"
    static let conflictDirectories = ["b_two_\(conflictUID)", "evil\u{1B}[2J_one_\(conflictUID)"]

    private var tree: TempTree!

    override func setUp() {
        tree = TempTree("podmem-hostile")
        let stat: [String: UInt64] = ["total_rss": 4096, "total_active_file": 8192, "total_inactive_file": 4096]
        tree.v1Cgroup("sys/fs/cgroup/memory", usage: 1 << 20, stat: stat)
        tree.write("proc/meminfo", "MemTotal:        8000000 kB\n")
        for uid in [Self.hostileUID, Self.conflictUID, "77777777-2222-3333-4444-555555555555"] {
            tree.v1Cgroup("sys/fs/cgroup/memory/kubepods/burstable/pod\(uid)", usage: 40960, stat: stat)
        }
        tree.mkdir("var/log/pods/\(Self.hostileNamespace)_\(Self.hostileName)_\(Self.hostileUID)")
        for directory in Self.conflictDirectories { tree.mkdir("var/log/pods/\(directory)") }
        // A name that is not UTF-8 at all (a lone 0x9B byte, the 8-bit CSI): made with mkdir(2), as no String holds it.
        let bytes =
            Array("\(tree.path)/var/log/pods/ns".utf8) + [0x9B]
            + Array("_raw_77777777-2222-3333-4444-555555555555".utf8)
        XCTAssertEqual(
            (bytes.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { mkdir($0.baseAddress!, 0o755) }, 0)
    }

    override func tearDown() {
        tree = nil
    }

    func testBatchTableShowsHostileNamesAsQuestionMarksOnOneRow() throws {
        let run = try CommandRun.podmem(["--batch", "-n", "1", "--host-root", tree.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        Self.assertNoTerminalControls(run.stdout)
        let rows = run.stdout.split(separator: "\n").filter { $0.contains("burstable") }
        XCTAssertEqual(rows.count, 3, run.stdout)
        XCTAssertTrue(rows.contains { $0.hasPrefix(Self.shownLabel + " ") }, run.stdout)
        XCTAssertTrue(rows.contains { $0.hasPrefix("ns?/raw ") }, "invalid UTF-8 shows as ?\n\(run.stdout)")
        XCTAssertTrue(
            rows.contains { $0.hasPrefix("pod \(Self.conflictUID) ") }, "disagreeing names: the uid\n\(run.stdout)")
        XCTAssertTrue(run.stdout.contains("  " + conflictWarning(shown: true)), run.stdout)
    }

    func testJSONKeepsTheNamesEscapedAndTheConflictAsAWarning() throws {
        let run = try CommandRun.podmem(["--batch", "--json", "-n", "1", "--host-root", tree.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let raw = run.stdout.unicodeScalars.filter {
            $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value))
        }
        XCTAssertTrue(raw.isEmpty, "raw controls in the JSON: \(raw.map { String($0.value, radix: 16) })")
        let json = try XCTUnwrap(run.json)
        let pods = try XCTUnwrap(json["pods"] as? [[String: Any]])
        let hostile = try XCTUnwrap(pods.first { $0["uid"] as? String == Self.hostileUID })
        XCTAssertEqual(hostile["namespace"] as? String, Self.hostileNamespace)
        XCTAssertEqual(hostile["name"] as? String, Self.hostileName)
        let conflicted = try XCTUnwrap(pods.first { $0["uid"] as? String == Self.conflictUID })
        XCTAssertTrue(conflicted["name"] is NSNull && conflicted["namespace"] is NSNull, "\(conflicted)")
        XCTAssertEqual(json["warnings"] as? [String], [conflictWarning(shown: false)])
    }

    func testReportOfARecordingShowsNamesAndWarningsSanitised() throws {
        let file = tree.path + "/hostile.pmrec"
        let recorded = try CommandRun.podmem([
            "record", "-o", file, "-d", "0.01", "--duration", "0.02", "--host-root", tree.path,
        ])
        XCTAssertEqual(recorded.status, 0, recorded.stderr)
        let report = try CommandRun.podmem(["report", file])
        XCTAssertEqual(report.status, 0, report.stderr)
        Self.assertNoTerminalControls(report.stdout + report.stderr)
        XCTAssertTrue(
            report.stdout.split(separator: "\n").contains { $0.hasPrefix(Self.shownLabel + " ") }, report.stdout)
        XCTAssertTrue(report.stdout.contains("  " + conflictWarning(shown: true)), report.stdout)
    }

    func testErrorsNamingHostilePathsAreOneSanitisedLine() throws {
        let root = tree.path + "/missing\u{1B}[2J\u{9B}1;1H"
        let run = try CommandRun.podmem(["--batch", "--root", root])
        XCTAssertEqual(run.status, 1)
        Self.assertNoTerminalControls(run.stderr)
        XCTAssertEqual(run.stderr.filter { $0 == "\n" }.count, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains(tree.path + "/missing?[2J?1;1H"), run.stderr)
    }

    // MARK: - Helpers

    func conflictWarning(shown: Bool) -> String {
        let directories = Self.conflictDirectories.sorted().map { shown ? TerminalText.sanitized($0) : $0 }
        return
            "pod \(Self.conflictUID): pod directories disagree on its namespace and name (\(directories.joined(separator: ", "))"
            + " in \(tree.path)/var/log/pods); shown by uid"
    }

    static func assertNoTerminalControls(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let bad = text.unicodeScalars.filter { $0 != "\n" && !TerminalText.isSafe($0) }
        XCTAssertTrue(
            bad.isEmpty, "terminal controls in the output: \(bad.map { String($0.value, radix: 16) })\n\(text)",
            file: file, line: line)
    }
}
