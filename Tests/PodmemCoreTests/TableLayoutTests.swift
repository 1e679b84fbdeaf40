import XCTest

@testable import PodmemCore

/// The one layout every screen table uses: what drops first, when the name shrinks, where spare room goes.
final class TableLayoutTests: XCTestCase {
    private typealias Fitted = [(column: TableColumn<PodModel>, width: Int)]

    private func fit(_ width: Int, nameWanted: Int = 63, fillsWidth: Bool = true) -> Fitted {
        TableLayout.fit(TableColumn.podList, width: width, nameWanted: nameWanted, fillsWidth: fillsWidth)
    }

    private func used(_ fitted: Fitted) -> Int { fitted.reduce(0) { $0 + $1.width } + fitted.count - 1 }

    func testPodListAt80100And200Columns() {
        let at80 = fit(80)
        XCTAssertEqual(at80.map(\.column.title), ["NAME", "WS", "WS-NC", "%LIM", "CACHE", "VERDICT"])
        XCTAssertEqual(at80.map(\.width), [41, 8, 8, 5, 6, 7])
        let at100 = fit(100)
        XCTAssertEqual(
            at100.map(\.column.title), ["NAME", "WS", "WS-NC", "RSS", "LIMIT", "%LIM", "CACHE", "VERDICT"])
        XCTAssertEqual(at100[0].width, 100 - used(Array(at100.dropFirst())) - 1)
        let at200 = fit(200)
        XCTAssertEqual(at200.count, TableColumn.podList.count, "everything fits in 200 columns")
        XCTAssertEqual(at200[0].width, 63, "a whole 63-character name before wider sparklines")
        XCTAssertTrue(at200.filter(\.column.isTrend).allSatisfy { $0.width > 5 }, "spare room widens sparklines")
        XCTAssertEqual([used(at80), used(at100), used(at200)], [80, 100, 200], "the pod list fills its width")
    }

    func testTooNarrowKeepsTheNameAndTheMostImportantColumn() {
        let at30 = fit(30)
        XCTAssertEqual(at30.map(\.column.title), ["NAME", "WS"])
        XCTAssertEqual(at30.map(\.width), [21, 8])
        let at10 = fit(10)
        XCTAssertEqual(at10.map(\.column.title), ["NAME"], "alone, the name is cut to the width")
        XCTAssertEqual(at10[0].width, 10)
        let containers = TableLayout.fit(TableColumn.containerTable, width: 10, nameWanted: 30, fillsWidth: false)
        XCTAssertEqual(containers.map(\.width), [16], "a table that does not fill its width keeps the name's minimum")
    }

    func testColumnsDropInPriorityOrder() {
        for width in 16...400 {
            let fitted = fit(width)
            let shown = Set(fitted.dropFirst().map(\.column.key))
            let lowestShown = fitted.dropFirst().map(\.column.priority).min() ?? Int.max
            for column in TableColumn.podList.dropFirst() where !shown.contains(column.key) {
                XCTAssertLessThan(column.priority, lowestShown, "width \(width): \(column.title) dropped first")
            }
        }
        // The sparklines go first, then the secondary figures, then LIMIT and %LIM.
        let order = (16...400).reversed().flatMap { width -> [String] in
            let shown = Set(fit(width).map(\.column.title))
            return fit(width + 1).map(\.column.title).filter { !shown.contains($0) }
        }
        XCTAssertEqual(
            (16...400).reversed().map { fit($0).count }, (16...400).reversed().map { fit($0).count }.sorted(by: >),
            "fewer columns in less width")
        XCTAssertEqual(
            order,
            [
                "inactive", "rss", "active", "ws-nc", "ws", "INACTIVE", "ACTIVE", "RSS", "LIMIT", "%LIM", "CACHE",
                "WS-NC",
                "VERDICT", "WS",
            ])
    }

    func testNameNeverBelowItsMinimumWhileALowerPriorityColumnIsShown() {
        for nameWanted in [10, 40, 63, 127] {
            for width in 16...400 {
                let fitted = fit(width, nameWanted: nameWanted)
                let name = fitted[0].width
                let comfortable = max(16, min(nameWanted, TableLayout.nameComfortable))
                XCTAssertGreaterThanOrEqual(name, 16, "width \(width)")
                if name < comfortable {
                    XCTAssertFalse(
                        fitted.dropFirst().contains { $0.column.priority < TableLayout.keptBeforeName },
                        "width \(width): the name was cut to \(name) while \(fitted.map(\.column.title)) is shown")
                }
            }
        }
    }

    func testContainerTableLeavesSpareRoomBlank() {
        let fitted = TableLayout.fit(TableColumn.containerTable, width: 200, nameWanted: 30, fillsWidth: false)
        XCTAssertEqual(fitted.count, TableColumn.containerTable.count)
        XCTAssertEqual(fitted[0].width, 30, "the longest name, no wider")
        XCTAssertEqual(
            fitted.reduce(0) { $0 + $1.width } + fitted.count - 1, 30 + 8 * 5 + 6 + 7 + 12 + 8, "the rest stays blank")
    }
}
