import Foundation
import XCTest

/// Dependency-free text snapshots: compares with `Snapshots/<name>.txt`; `PODMEM_RECORD=1` re-records.
enum TextSnapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static func assert(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["PODMEM_RECORD"] == "1" || !FileManager.default.fileExists(atPath: url.path) {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? (text + "\n").write(to: url, atomically: true, encoding: .utf8)
            if ProcessInfo.processInfo.environment["PODMEM_RECORD"] == "1" { return }
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        XCTAssertEqual(text + "\n", expected, "frame differs from \(url.lastPathComponent); PODMEM_RECORD=1 re-records",
                       file: file, line: line)
    }
}
