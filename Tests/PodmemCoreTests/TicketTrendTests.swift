import XCTest

@testable import PodmemCore

/// `report`'s trend column is the pod list's sparkline in the ASCII glyph set: same scaling, same levels.
final class TicketTrendTests: XCTestCase {
    /// The working set's sparkline as `report` prints it.
    private func trend(_ values: [UInt64?], floorBytes: Double = 1024 * 1024) -> String {
        TableCell.series(values.map { $0.map { Double($0) } }, floorBytes: floorBytes).plainText(
            seriesWidth: TextTable.seriesWidth, glyphs: .ascii)
    }

    func testReportTrendColumnIsTheWorkingSetSeries() throws {
        let column = try XCTUnwrap(TableColumn<PodModel>.report.last)
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

    /// A rise small against the pod's size or below the verdict's threshold draws low, as in the pod list.
    func testSmallRisesDrawLowOnTheListScale() {
        let mib = 1024.0 * 1024
        let slow: [UInt64?] = (0..<40).map { UInt64(4 << 30) + UInt64($0) * (5 << 18) }  // +50 MiB on 4 GiB
        let drawn = trend(slow)
        let values = slow.map { $0.map { Double($0) } }
        let listScale = ChartScale(series: [(values, 24)], floorBytes: mib)
        XCTAssertEqual(drawn, Sparkline.render(values, width: 24, glyphs: .ascii, minimumRange: listScale.spanBytes))
        XCTAssertFalse(drawn.contains(GlyphSet.ascii.levels.last!), "50 MiB is not a full ramp on 4 GiB: \(drawn)")
        // Below the verdict's threshold θ (here 64 MiB) a 10 MiB rise stays in the lower half.
        let small: [UInt64?] = (0..<24).map { UInt64(100 << 20) + UInt64($0) * (10 << 20) / 23 }
        XCTAssertTrue(trend(small, floorBytes: 64 * mib).allSatisfy { GlyphSet.ascii.levels.prefix(3).contains($0) })
        XCTAssertEqual(trend(small).last, GlyphSet.ascii.levels.last, "on a 1 MiB floor the same rise is a full ramp")
    }
}
