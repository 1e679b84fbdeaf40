import PodmemCore
import XCTest

@testable import PodmemUI

/// Compared charts share one scale: equal rises draw equal heights, a much smaller rise draws a sliver.
final class ChartScaleTests: XCTestCase {
    let mib = 1024.0 * 1024.0

    /// Eighths filled in the newest (rightmost) column of a tall chart.
    func newestHeight(_ rows: [String]) -> Int {
        rows.reduce(0) { total, row in
            guard let cell = row.last, cell != " " else { return total }
            return total + (GlyphSet.unicode.levels.firstIndex(of: cell) ?? 7) + 1
        }
    }

    func ramp(from start: Double, rise: Double, count: Int = 40) -> [Double?] {
        (0..<count).map { start + rise * Double($0) / Double(count - 1) }
    }

    func tall(_ values: [Double?], _ scale: ChartScale) -> [String] {
        Sparkline.renderTall(values, width: 40, height: 4, glyphs: .unicode, minimumRange: scale.spanBytes)
    }

    func testEqualRisesDrawEqualHeightsWhateverTheLevel() {
        let workingSet = ramp(from: 1024 * mib, rise: 100 * mib)
        let withoutCache = ramp(from: 300 * mib, rise: 100 * mib)
        let scale = ChartScale(series: [(workingSet, 40), (withoutCache, 40)], floorBytes: 4 * mib)
        XCTAssertEqual(tall(workingSet, scale), tall(withoutCache, scale))
        XCTAssertEqual(newestHeight(tall(workingSet, scale)), 32, "the larger rise fills the chart")
    }

    func testAHundredTimesSmallerRiseDrawsAtMostAnEighth() {
        let workingSet = ramp(from: 900 * mib, rise: 600 * mib)
        let withoutCache = ramp(from: 300 * mib, rise: 6 * mib)
        let scale = ChartScale(series: [(workingSet, 40), (withoutCache, 40)], floorBytes: 4 * mib)
        let full = newestHeight(tall(workingSet, scale))
        let small = newestHeight(tall(withoutCache, scale))
        XCTAssertEqual(full, 32)
        XCTAssertLessThanOrEqual(small * 8, full, "6 MiB beside 600 MiB: \(small)/\(full) eighths")
        // Alone (the old per-series scale) the small rise was a full-height ramp.
        XCTAssertEqual(
            newestHeight(
                Sparkline.renderTall(withoutCache, width: 40, height: 4, glyphs: .unicode, minimumRange: 4 * mib)), 32)
    }

    func testATinyRelativeChangeLooksFlat() {
        // 10 MiB on 4 GiB (0.25 %), above the 4 MiB floor: still far below the 5 % relative floor.
        let database = ramp(from: 4096 * mib, rise: 10 * mib)
        let scale = ChartScale(series: [(database, 40)], floorBytes: 4 * mib)
        XCTAssertEqual(scale.spanBytes, 4106 * mib * ChartScale.relativeFloor, accuracy: 1)
        XCTAssertLessThanOrEqual(newestHeight(tall(database, scale)), 4)
        XCTAssertEqual(
            Sparkline.render(database, width: 40, glyphs: .unicode, minimumRange: scale.spanBytes),
            String(repeating: "▁", count: 40))
    }

    func testAxisRunsFromEachSeriesLowestValueByTheSharedSpan() throws {
        let workingSet = ramp(from: 900 * mib, rise: 600 * mib)
        let withoutCache: [Double?] = [nil] + ramp(from: 300 * mib, rise: 6 * mib)
        let scale = ChartScale(series: [(workingSet, 40), (withoutCache, 40)], floorBytes: 4 * mib)
        XCTAssertEqual(scale.spanBytes, 600 * mib, accuracy: 1)
        let axis = try XCTUnwrap(scale.axis(withoutCache, width: 40))
        XCTAssertEqual(axis.bottom, 300 * mib, accuracy: 1)
        XCTAssertEqual(axis.top, 900 * mib, accuracy: 1)
        XCTAssertNil(scale.axis([nil, nil], width: 40))
    }
}
