import Foundation
import XCTest

extension LiveCgroupTree {
    /// `podmem --batch --json` on the tree, stdout to a file so a large document cannot block the pipe; the run may
    /// take its polls plus 30 s (at least 60 s) before it is stopped and the test fails.
    func batchJSON(podmem: URL, polls: Int, interval: Double) throws -> [String: Any] {
        let outputPath = scratch + "/podmem.json"
        let errorPath = scratch + "/podmem.stderr"
        try Data().write(to: URL(fileURLWithPath: outputPath))
        try Data().write(to: URL(fileURLWithPath: errorPath))
        let process = Process()
        process.executableURL = podmem
        process.arguments = [
            "--batch", "-n", "\(polls)", "-d", "\(interval)", "--json", "--root", root, "--log-root", logRoot,
        ]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        try process.run()
        let timeout = max(60, Double(polls) * interval + 30)
        if !Self.wait(for: process, timeout: timeout) {
            process.terminate()
            _ = Self.wait(for: process, timeout: 5)
            XCTFail("podmem did not finish \(polls) polls at \(interval) s within \(timeout) s")
        }
        let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        XCTAssertEqual(process.terminationStatus, 0, "podmem failed: \(errors)")
        let output = try Data(contentsOf: URL(fileURLWithPath: outputPath))
        return try XCTUnwrap(
            try JSONSerialization.jsonObject(with: output) as? [String: Any],
            "not a JSON object: \(String(decoding: output, as: UTF8.self))\n\(errors)")
    }
}
