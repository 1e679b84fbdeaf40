import Foundation
import PodmemTestSupport
import XCTest

/// `podmem record`, `report` and `replay` as a user runs them: the real binary, real files, real signals.
final class RecordReplayCLITests: XCTestCase {
    private var host: TempTree!

    override func setUp() {
        host = TempTree("podmem-host")
        host.write("proc/meminfo", "MemTotal: 4194304 kB\n")
        host.write("etc/hostname", "lab-node\n")
    }

    /// XCTest keeps every test case instance until the process exits, so the tree goes here, not in deinit.
    override func tearDown() {
        host = nil
    }

    var fixtureSource: [String] {
        ["--root", FixturePaths.v1Lab + "/t3", "--log-root", FixturePaths.v1Lab + "/varlog", "--host-root", host.path]
    }

    func testRecordThenReportGivesTheBatchNumbers() throws {
        let tree = TempTree()
        let file = tree.path + "/lab.pmrec"
        let recorded = try CommandRun.podmem(
            ["record", "-o", file, "-d", "0.01", "--duration", "0.05"] + fixtureSource)
        XCTAssertEqual(recorded.status, 0, recorded.stderr)
        XCTAssertTrue(recorded.stderr.contains("samples recorded to \(file)"), recorded.stderr)

        let report = try CommandRun.podmem(["report", file, "--json"])
        XCTAssertEqual(report.status, 0, report.stderr)
        let batch = try CommandRun.podmem(["--batch", "--json", "-n", "1"] + fixtureSource)
        let replayed = try XCTUnwrap(report.json)
        let live = try XCTUnwrap(batch.json)
        XCTAssertEqual(replayed["host"] as? String, "lab-node")
        func figures(_ document: [String: Any]) -> [String: NSDictionary] {
            let pods = document["pods"] as? [[String: Any]] ?? []
            return Dictionary(
                uniqueKeysWithValues: pods.map { ($0["cgroup"] as! String, $0["memory"] as! NSDictionary) })
        }
        XCTAssertEqual(figures(replayed), figures(live), "the same working sets, rss, cache and limits as batch mode")
        XCTAssertEqual(figures(replayed).count, 4)
        XCTAssertEqual(replayed["node"] as? NSDictionary, live["node"] as? NSDictionary)

        let text = try CommandRun.podmem(["report", file])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.hasPrefix("podmem report of \(file)"), text.stdout)
        let titles = text.stdout.split(separator: "\n").first { $0.hasPrefix("NAME ") }
        XCTAssertNotNil(
            titles?.range(of: #"VERDICT +ws$"#, options: .regularExpression), "ws sparkline last: \(text.stdout)")
        for expected in ["shop/web-logger", "verdicts ("] {
            XCTAssertTrue(text.stdout.contains(expected), "\(expected)\n\(text.stdout)")
        }
        XCTAssertTrue(text.stdout.allSatisfy { $0.isASCII || "·−".contains($0) }, "pasteable text: \(text.stdout)")
    }

    func testSIGTERMStopsCleanlyAndKill9LeavesAFileThatOpens() throws {
        let tree = TempTree()
        for (signal, expectedStatus) in [(SIGTERM, Int32(0)), (SIGKILL, Int32(9))] {
            let file = tree.path + "/signal-\(signal).pmrec"
            let process = Process()
            process.executableURL = try XCTUnwrap(BinaryLocator.executable("podmem"))
            process.arguments = ["record", "--demo", "-d", "0.01", "-o", file]
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(20)
            while ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0) < 20_000
                && Date() < deadline
            {
                Thread.sleep(forTimeInterval: 0.02)
            }
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, expectedStatus, "signal \(signal)")
            let report = try CommandRun.podmem(["report", file, "--json"])
            XCTAssertEqual(report.status, 0, "signal \(signal): \(report.stderr)")
            XCTAssertEqual((report.json?["pods"] as? [Any])?.count, 12, "signal \(signal)")
            XCTAssertEqual(
                report.stderr.split(separator: "\n").count, report.stderr.isEmpty ? 0 : 1,
                "at most one warning (a torn record)")
        }
    }

    func testUnwritableExistingAndForeignFilesAreOneLineErrors() throws {
        let tree = TempTree()
        tree.write("taken.pmrec", "")
        tree.write("notes.txt", "just text\n")
        let cases: [([String], String)] = [
            (
                ["record", "--demo", "-o", "/proc/podmem-cannot-write.pmrec", "--duration", "0"],
                "recording to /proc/podmem-cannot-write.pmrec failed"
            ),
            (["record", "--demo", "-o", tree.path + "/taken.pmrec", "--duration", "0"], "exists"),
            (["report", tree.path + "/notes.txt"], "is not a podmem snapshot or recording"),
            (["report", tree.path + "/missing.pmrec"], "cannot open"),
            (["replay", tree.path + "/notes.txt"], "stdout is not a terminal"),
        ]
        for (arguments, expected) in cases {
            let run = try CommandRun.podmem(arguments)
            XCTAssertEqual(run.status, 1, "\(arguments): \(run.stderr)")
            XCTAssertTrue(
                run.stderr.hasPrefix("podmem: ") && run.stderr.contains(expected), "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, "\(arguments): \(run.stderr)")
        }
        XCTAssertEqual(
            try String(contentsOfFile: tree.path + "/taken.pmrec", encoding: .utf8), "",
            "an existing file is never overwritten")
    }

    func testBatchSnapshotReportsWithItsOwnVerdicts() throws {
        let tree = TempTree()
        let batch = try CommandRun.podmem(["--batch", "--json", "-n", "20", "-d", "0.01", "--demo"])
        XCTAssertEqual(batch.status, 0, batch.stderr)
        tree.write("snapshot.json", batch.stdout)
        let report = try CommandRun.podmem(["report", tree.path + "/snapshot.json", "--json", "--window", "1000"])
        XCTAssertEqual(report.status, 0, report.stderr)
        func verdicts(_ document: [String: Any]?) -> [String: String] {
            let pods = document?["pods"] as? [[String: Any]] ?? []
            return Dictionary(
                uniqueKeysWithValues: pods.map {
                    ($0["cgroup"] as! String, ($0["growth"] as! [String: Any])["class"] as! String)
                })
        }
        XCTAssertEqual(verdicts(report.json), verdicts(batch.json))
        XCTAssertEqual(verdicts(report.json).count, 12)
    }
}
