import XCTest

@testable import PodmemCore

/// `report`'s trend column is the pod list's sparkline in the ASCII glyph set: same scaling, same levels.
final class TicketTrendTests: XCTestCase {
    func testTrendIsTheListSparklineInASCII() {
        let rising: [UInt64?] = (0..<40).map { UInt64(1 << 30) + UInt64($0) * (8 << 20) }
        let trend = TicketReport.trend(rising)
        XCTAssertEqual(trend, Sparkline.render(rising.map { $0.map { Double($0) } }, width: 24, glyphs: .ascii))
        XCTAssertEqual(trend.first, GlyphSet.ascii.levels.first)
        XCTAssertEqual(trend.last, GlyphSet.ascii.levels.last)
        XCTAssertTrue(trend.allSatisfy { GlyphSet.ascii.levels.contains($0) })

        // Kernel noise under the 1 MiB floor stays flat instead of filling the column's range.
        let noisy: [UInt64?] = (0..<10).map { UInt64(1 << 30) + ($0 % 2 == 0 ? 0 : 64 << 10) }
        XCTAssertEqual(Set(TicketReport.trend(noisy)), [GlyphSet.ascii.levels[0]])
        XCTAssertEqual(TicketReport.trend([1 << 30, nil, 1 << 30]).count, 3, "a gap is a column too")
        XCTAssertEqual(TicketReport.trend([]), "")
    }
}
