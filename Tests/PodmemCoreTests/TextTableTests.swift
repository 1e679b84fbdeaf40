import XCTest

@testable import PodmemCore

/// Table columns in plain text (`--batch`, `report`): any width, nothing cut, verdicts spelled as in the JSON,
/// sparklines in the glyphs asked for, host text made safe.
final class TextTableTests: XCTestCase {
    private let columns: [TableColumn<String>] = [
        TableColumn(key: .name, title: "NAME", alignment: .left, width: 16...16, priority: 100) { .text($0) },
        TableColumn(key: .limit, title: "BYTES", alignment: .right, width: 5...5, priority: 90) {
            .text(ByteFormat.human(UInt64($0.count) << 30))
        },
        TableColumn(key: .verdict, title: "VERDICT", alignment: .left, width: 7...7, priority: 98) { _ in
            .verdict(.cacheDriven)
        },
        TableColumn(key: .trend(.workingSet), title: "ws", alignment: .left, width: 5...32, priority: 50) {
            .series((0..<$0.count * 2).map { Double($0) * 1024 * 1024 }, floorBytes: 1024 * 1024)
        },
    ]

    func testColumnsPrintWholeAtAnyWidth() throws {
        let rows = ["a-name-longer-than-sixteen-columns", "b\u{1b}[2J"]
        let lines = TextTable(columns: columns, rows: rows, glyphs: .ascii).render().split(separator: "\n")
            .map(String.init)
        XCTAssertEqual(lines.count, 3, "\(lines)")
        XCTAssertTrue(lines[1].hasPrefix(rows[0] + "  "), "the name is never cut: \(lines[1])")
        XCTAssertFalse(lines.joined().contains("\u{1b}"), "host text cannot drive the terminal")
        // Right-aligned numbers end under their title; two spaces between columns.
        let bytesEnd = try XCTUnwrap(lines[0].range(of: "BYTES")).upperBound.utf16Offset(in: lines[0])
        for line in lines.dropFirst() {
            XCTAssertEqual(Array(line)[bytesEnd - 1], "B", line)
            XCTAssertTrue(line.contains(" GiB  cache-driven  "), "the verdict as the JSON spells it: \(line)")
        }
        let trend = try XCTUnwrap(lines[1].split(separator: " ").last)
        XCTAssertEqual(trend.count, TextTable.seriesWidth, "at most 24 columns of sparkline")
        XCTAssertEqual(trend.first, GlyphSet.ascii.levels.first)
        XCTAssertEqual(trend.last, GlyphSet.ascii.levels.last)
        XCTAssertEqual(lines[2].split(separator: " ").last?.count, 10, "one column per value when fewer")
    }
}
