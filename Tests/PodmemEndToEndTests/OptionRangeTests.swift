import Foundation
import PodmemTestSupport
import XCTest

/// Numeric options outside their stated range are usage errors (exit 2) naming the range: never a trap, a hang or a
/// run with an absurd value. Values that crashed podmem before (1e300 into Int, 1e-300 as a poll interval) included.
final class OptionRangeTests: XCTestCase {
    func testOutOfRangeValuesAreUsageErrorsThatNameTheRange() throws {
        let cases: [([String], String)] = [
            (["--batch", "-d", "1e300"], "-d must be between 0 and 86400 seconds, got 1e+300"),
            (["--batch", "-d", "nan"], "-d must be between 0 and 86400 seconds, got nan"),
            (["--batch", "-d=-1"], "-d must be between 0 and 86400 seconds, got -1"),
            (["-d", "0"], "-d must be between 0.01 and 86400 seconds, got 0"),
            (["--batch", "-n", "0"], "-n must be between 1 and 1000000 polls, got 0"),
            (["--batch", "--window", "inf"], "--window must be between 1 and 604800 seconds, got inf"),
            (
                ["record", "-o", "/nonexistent/x", "--max-size", "1e300"],
                "--max-size must be between 1 and 1048576 MiB (1 TiB), got 1e+300"
            ),
            (
                ["record", "-o", "/nonexistent/x", "--max-size", "0.5"],
                "--max-size must be between 1 and 1048576 MiB (1 TiB), got 0.5"
            ),
            (
                ["record", "-o", "/nonexistent/x", "--duration=-inf"],
                "--duration must be between 0 and 31622400 seconds (366 days), got -inf"
            ),
            (
                ["record", "-o", "/nonexistent/x", "-d", "1e-300"],
                "-d must be between 0.01 and 86400 seconds, got 1e-300"
            ),
            (["serve", "-d", "1e-300"], "-d must be between 0.01 and 86400 seconds, got 1e-300"),
            (["serve", "-d", "1e300"], "-d must be between 0.01 and 86400 seconds, got 1e+300"),
            (["serve", "--window", "1e300"], "--window must be between 1 and 604800 seconds, got 1e+300"),
            (["serve", "--window", "nan"], "--window must be between 1 and 604800 seconds, got nan"),
            (
                ["report", "/nonexistent/x", "--window", "604801"],
                "--window must be between 1 and 604800 seconds, got 604801"
            ),
            (["replay", "/nonexistent/x", "--window", "0"], "--window must be between 1 and 604800 seconds, got 0"),
        ]
        for (arguments, message) in cases {
            let takesSource = !["report", "replay"].contains(arguments[0])
            let run = try CommandRun.podmem(arguments + (takesSource ? ["--demo"] : []), timeout: 20)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            let errors: [String] = run.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("Error: ") }
            XCTAssertEqual(errors, ["Error: " + message], "\(arguments): \(run.stderr)")
            XCTAssertFalse(
                run.stderr.contains("Fatal error") || run.stderr.contains("Backtrace"), "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stdout, "", "\(arguments)")
        }
    }

    func testEdgesOfTheRangesAreAccepted() throws {
        XCTAssertEqual(try CommandRun.podmem(["--batch", "--demo", "-n", "2", "-d", "0"]).status, 0)
        XCTAssertEqual(try CommandRun.podmem(["--batch", "--demo", "-n", "1", "--window", "604800"]).status, 0)
        let tree = TempTree()
        let run = try CommandRun.podmem([
            "record", "--demo", "-o", tree.path + "/r", "-d", "0.01", "--duration", "0", "--max-size", "1048576",
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
    }
}
