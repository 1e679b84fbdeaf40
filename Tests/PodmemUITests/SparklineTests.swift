import XCTest

@testable import PodmemCore

final class SparklineTests: XCTestCase {
    let mib = 1024.0 * 1024.0

    func testAllZeroIsABaseline() {
        XCTAssertEqual(Sparkline.render([0, 0, 0, 0], width: 4, glyphs: .unicode), "▁▁▁▁")
    }

    func testAllEqualIsABaselineWhateverTheLevel() {
        XCTAssertEqual(
            Sparkline.render(Array(repeating: 30 * 1024 * mib, count: 5), width: 5, glyphs: .unicode), "▁▁▁▁▁")
    }

    func testMinimumToMaximum() {
        let values: [Double?] = (0..<8).map { Double($0) * 10 * mib }
        XCTAssertEqual(Sparkline.render(values, width: 8, glyphs: .unicode), "▁▂▃▄▅▆▇█")
        XCTAssertEqual(Sparkline.render(values, width: 8, glyphs: .ascii), "_.-~=+*#")
    }

    func testGapsAreSpaces() {
        XCTAssertEqual(Sparkline.render([0, nil, 70 * mib, nil], width: 4, glyphs: .unicode), "▁ █ ")
        XCTAssertEqual(Sparkline.render([nil, nil], width: 3, glyphs: .unicode), "   ")
    }

    func testNoiseBelowTheMinimumRangeStaysLow() {
        XCTAssertEqual(
            Sparkline.render([100 * mib, 100.2 * mib, 100.1 * mib], width: 3, glyphs: .unicode, minimumRange: 4 * mib),
            "▁▁▁")
    }

    func testShortSeriesIsRightAlignedAndLongSeriesKeepsPeaks() {
        XCTAssertEqual(Sparkline.render([0, 70 * mib], width: 4, glyphs: .unicode), "  ▁█")
        var long: [Double?] = Array(repeating: 0, count: 100)
        long[37] = 70 * mib
        XCTAssertTrue(Sparkline.render(long, width: 10, glyphs: .unicode).contains("█"))
    }

    func testTallChart() {
        let rows = Sparkline.renderTall([0, 35 * mib, 70 * mib], width: 3, height: 2, glyphs: .unicode)
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[1].last, "█", "the maximum fills the bottom row")
        XCTAssertEqual(rows[0].last, "█", "and the top row")
        XCTAssertEqual(rows[0].first, " ", "the minimum stays in the bottom row")
    }
}
