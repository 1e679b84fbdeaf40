import Foundation
import XCTest

/// Dependency-free text snapshots: compares with `Snapshots/<name>.txt`; `PODMEM_RECORD=1` re-records.
enum TextSnapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static func assert(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["PODMEM_RECORD"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? (text + "\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        // A missing snapshot is a failure, not a silent recording: CI must compare against something reviewed.
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail(
                "no snapshot \(url.lastPathComponent); record it with PODMEM_RECORD=1 and review it\n\(text)",
                file: file, line: line)
            return
        }
        XCTAssertEqual(
            text + "\n", expected, "frame differs from \(url.lastPathComponent); PODMEM_RECORD=1 re-records",
            file: file, line: line)
    }
}
