import PodmemCore
import XCTest

@testable import PodmemUI

/// The catalogue's figures get the same titles, in the same order, in the list, the container table, the sort keys
/// and the batch table; the sorted-column marker follows the column, not a title string.
final class FigureColumnTests: XCTestCase {
    private let titles = MemoryFigure.columns.compactMap(\.column?.title)

    func testEveryTableShowsTheCatalogueColumnsInOrder() throws {
        XCTAssertEqual(titles, ["WS", "WS-NC", "RSS", "ACTIVE", "INACTIVE"])
        func figureTitles<Row>(_ columns: [TableColumn<Row>]) -> [String] {
            columns.compactMap { if case .figure = $0.key { $0.title } else { nil } }
        }
        XCTAssertEqual(figureTitles(TableColumn<PodModel>.podList), titles)
        XCTAssertEqual(figureTitles(TableColumn<ContainerModel>.containerTable), titles)
        XCTAssertEqual(figureTitles(TableColumn<PodModel>.batch), titles)
        XCTAssertEqual(SortColumn.all.compactMap { if case .figure = $0 { $0.title } else { nil } }, titles)
        XCTAssertEqual(
            TableColumn<PodModel>.podList.filter(\.isTrend).map(\.title),
            ["ws", "ws-nc", "rss", "active", "inactive"])

        let document = try XCTUnwrap(DemoState.make(polls: 3).0.model)
        let header = try XCTUnwrap(
            BatchReport.render(document).split(separator: "\n").first { $0.hasPrefix("NAME") })
        XCTAssertEqual(
            header.split(separator: " ").map(String.init),
            ["NAME", "QOS"] + titles + ["LIMIT", "%LIM", "CACHE", "WS/s", "VERDICT"])
    }

    func testSortMarkerFollowsTheSortedColumn() throws {
        var (state, _) = DemoState.make(polls: 3)
        for sort in SortColumn.all {
            state.sortColumn = sort
            state.sortDescending = true
            var frame = Frame(width: 200, height: 30)
            MainScreen.render(
                state, intervalSeconds: 1, context: ScreenContext(glyphs: .unicode, color: false, now: DemoState.start),
                into: &frame)
            let titleRow = frame.text.split(separator: "\n", omittingEmptySubsequences: false)[2]
            // A title too long for its column with the arrow ends in an ellipsis instead (INACTIVE▼ in 8 cells).
            let marked = titleRow.split(separator: " ").filter { $0.hasSuffix("▼") || $0.hasSuffix("…") }
            if TableColumn<PodModel>.podList.contains(where: { SortColumn($0.key) == sort }) {
                XCTAssertEqual(marked.count, 1, "\(sort): \(titleRow)")
                XCTAssertTrue(marked.allSatisfy { (sort.title + "▼").hasPrefix($0.dropLast()) }, "\(sort): \(titleRow)")
            } else {
                XCTAssertEqual(marked, [], "\(sort) has no column in the list: \(titleRow)")
            }
        }
    }

    /// The screen and `--batch` print the same text in every column they share (titles, numbers, percentages).
    func testScreenAndBatchShowTheSameCells() throws {
        let state = DemoState.make(polls: 6).0
        let document = try XCTUnwrap(state.model)
        var frame = Frame(width: 260, height: 30)
        MainScreen.render(
            state, intervalSeconds: 1, context: ScreenContext(glyphs: .unicode, color: false, now: DemoState.start),
            into: &frame)
        let screen = frame.text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        let columns = TableLayout.fit(
            TableColumn.podList, width: 260, nameWanted: state.visiblePods.widestName, fillsWidth: true)
        let batch = BatchReport.render(document).split(separator: "\n").map(String.init)
        let batchTitles = try XCTUnwrap(batch.first { $0.hasPrefix("NAME ") }).split(separator: " ").map(String.init)
        var compared = 0
        for (offset, pod) in state.visiblePods.enumerated() {
            let name = TableColumn.label(pod)
            let batchRow = try XCTUnwrap(batch.first { $0.hasPrefix(name + " ") }, name)
            let batchCells = batchRow.split(separator: /\s{2,}/).map(String.init)
            XCTAssertEqual(batchCells.count, batchTitles.count, batchRow)
            var x = 0
            for (column, width) in columns {
                defer { x += width + 1 }
                guard case .text = column.cell(pod), let index = batchTitles.firstIndex(of: column.title) else {
                    continue
                }
                let onScreen = String(screen[3 + offset][x..<x + width]).trimmingCharacters(in: .whitespaces)
                XCTAssertEqual(onScreen, batchCells[index], "\(name) \(column.title)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 8 * document.pods.count, "every pod, the name and eight shared columns")
    }
}
