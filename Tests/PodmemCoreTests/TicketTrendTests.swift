import XCTest

@testable import PodmemCore

/// `report`'s trend column is the pod list's sparkline in the ASCII glyph set: same scaling, same levels.
final class TicketTrendTests: XCTestCase {
    /// The working set's sparkline as `report` prints it.
    private func trend(_ values: [UInt64?]) -> String {
        TableCell.series(values.map { $0.map { Double($0) } }).plainText(
            seriesWidth: TextTable.seriesWidth, glyphs: .ascii)
    }

    func testReportTrendColumnIsTheWorkingSetSeries() throws {
        let column = try XCTUnwrap(TableColumn<SnapshotPod>.report.last)
        XCTAssertEqual(column.key, .trend(.workingSet))
        XCTAssertEqual(column.title, "ws", "the pod list's title for the same sparkline")
    }

    func testTrendIsTheListSparklineInASCII() {
        let rising: [UInt64?] = (0..<40).map { UInt64(1 << 30) + UInt64($0) * (8 << 20) }
        let rise = trend(rising)
        XCTAssertEqual(rise, Sparkline.render(rising.map { $0.map { Double($0) } }, width: 24, glyphs: .ascii))
        XCTAssertEqual(rise.first, GlyphSet.ascii.levels.first)
        XCTAssertEqual(rise.last, GlyphSet.ascii.levels.last)
        XCTAssertTrue(rise.allSatisfy { GlyphSet.ascii.levels.contains($0) })

        // Kernel noise under the 1 MiB floor stays flat instead of filling the column's range.
        let noisy: [UInt64?] = (0..<10).map { UInt64(1 << 30) + ($0 % 2 == 0 ? 0 : 64 << 10) }
        XCTAssertEqual(Set(trend(noisy)), [GlyphSet.ascii.levels[0]])
        XCTAssertEqual(trend([1 << 30, nil, 1 << 30]).count, 3, "a gap is a column too")
        XCTAssertEqual(trend([]), "")
    }
}
