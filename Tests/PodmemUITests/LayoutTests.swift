import PodmemCore
import XCTest

@testable import PodmemUI

/// The list and the detail at the sizes terminals have (80×24 is what an ssh session often is), with long names.
final class LayoutTests: XCTestCase {
    static let sizes = [(80, 24), (100, 30), (200, 50)]
    let context = ScreenContext(glyphs: .unicode, color: true, now: DemoState.start + 5)

    func list(width: Int, height: Int) -> Frame {
        var state = LongNameState.state
        state.updateViewport(rows: MainScreen.tableRows(height: height))
        var frame = Frame(width: width, height: height)
        MainScreen.render(state, intervalSeconds: 1, context: context, into: &frame)
        return frame
    }

    func detail(width: Int, height: Int) -> Frame {
        let state = LongNameState.state
        var frame = Frame(width: width, height: height)
        DetailScreen.render(state, cgroup: LongNameState.webFrontendCgroup(state), context: context, into: &frame)
        return frame
    }

    func testNamesAreRealLength() {
        XCTAssertEqual(LongNameState.webFrontend.count, 63)
        XCTAssertEqual(LongNameState.apiGateway.count, 63)
    }

    func testListSnapshots() {
        for (width, height) in Self.sizes {
            TextSnapshot.assert(list(width: width, height: height).text, named: "list-long-names-\(width)x\(height)")
        }
    }

    func testListKeepsWhatIdentifiesAPodAt80Columns() {
        let frame = list(width: 80, height: 24)
        let titles = frame.line(2)
        for title in ["NAME", "WS▼", "WS-NC", "CACHE", "VERDICT", "%LIM"] {
            XCTAssertTrue(titles.contains(title), "\(title): \(titles)")
        }
        for gone in ["ws ", "RSS", "ACTIVE", "INACTIVE"] {
            XCTAssertFalse(titles.contains(gone), "\(gone) should give way: \(titles)")
        }
        // Up to 40 characters a name is whole; beyond, both ends stay (namespace and replica suffix).
        XCTAssertTrue(frame.text.contains("kube-system/ebs-csi-node-windows-x7k2p "), frame.text)
        let elided = frame.text.split(separator: "\n").first { $0.hasPrefix("storefront-production/") }
        XCTAssertNotNil(elided, frame.text)
        XCTAssertTrue(
            elided?.contains("/web-front…") == true && elided?.contains("-x2kqp ") == true, String(elided ?? ""))
        XCTAssertTrue(frame.text.contains("? not enough samples yet"), "the legend explains ?")
    }

    func testListDropsSparklinesFirstThenSecondaryFiguresThenLimit() {
        func layout(_ width: Int, nameWanted: Int) -> [(column: TableColumn<PodModel>, width: Int)] {
            TableLayout.fit(TableColumn.podList, width: width, nameWanted: nameWanted, fillsWidth: true)
        }
        func titles(_ width: Int) -> [String] { layout(width, nameWanted: 63).map(\.column.title) }
        XCTAssertEqual(titles(80), ["NAME", "WS", "WS-NC", "%LIM", "CACHE", "VERDICT"])
        XCTAssertEqual(titles(100), ["NAME", "WS", "WS-NC", "RSS", "LIMIT", "%LIM", "CACHE", "VERDICT"])
        XCTAssertEqual(titles(60), ["NAME", "WS", "WS-NC", "CACHE", "VERDICT"])
        XCTAssertTrue(titles(200).contains("inactive"))
        // As the README says: with 40-character names the ws sparkline from 121 columns, all five from 145.
        func trends(_ width: Int) -> Int { layout(width, nameWanted: 40).filter(\.column.isTrend).count }
        XCTAssertEqual([trends(120), trends(121), trends(144), trends(145)], [0, 1, 4, 5])
        XCTAssertEqual(layout(80, nameWanted: 63)[0].width, 41)
    }

    func testListWideShowsEverythingAndComparedSparklinesShareTheRowScale() throws {
        let frame = list(width: 200, height: 50)
        for title in ["RSS", "ACTIVE", "INACTIVE", "LIMIT", "ws-nc", "inact"] {
            XCTAssertTrue(frame.line(2).contains(title), title)
        }
        XCTAssertTrue(
            frame.text.contains("payments-platform/" + LongNameState.apiGateway), "whole names at 200 columns")
        // The web frontend's working set rises ~30 MiB by cache while without cache it rises < 1 MiB: on one
        // scale the first is a ramp, the second flat.
        let columns = TableLayout.fit(
            TableColumn.podList, width: 200, nameWanted: LongNameState.state.visiblePods.widestName, fillsWidth: true)
        func cells(_ series: MemoryFigure, row: String) -> String {
            let index = try! XCTUnwrap(columns.firstIndex { $0.column.key == .trend(series) })
            let x = columns.prefix(index).reduce(0) { $0 + $1.width + 1 }
            return String(Array(row).dropFirst(x).prefix(columns[index].width)).trimmingCharacters(in: .whitespaces)
        }
        let row = try XCTUnwrap(
            frame.text.split(separator: "\n").map(String.init).first { $0.hasPrefix("storefront-production/") })
        XCTAssertTrue(cells(.workingSet, row: row).contains("█"), row)
        XCTAssertEqual(Set(cells(.workingSetNoCache, row: row)), ["▁"], row)
    }

    func testDetailSnapshots() {
        for (width, height) in Self.sizes {
            TextSnapshot.assert(
                detail(width: width, height: height).text, named: "detail-long-names-\(width)x\(height)")
        }
    }

    /// Every container column ends in a space (or the screen edge): neighbours never run into each other.
    func testDetailContainerColumnsNeverTouch() throws {
        for (width, height) in Self.sizes {
            let frame = detail(width: width, height: height)
            let lines = frame.text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
            let header = try XCTUnwrap(lines.firstIndex { String($0).hasPrefix("CONTAINER") }, "\(width)×\(height)")
            let rows = lines[header..<header + 4]
            XCTAssertTrue(
                String(rows.last!).hasPrefix("(sandbox)"),
                "titles, two containers and the sandbox at \(width)×\(height)")
            let names = LongNameState.state.model!.pods.first { $0.name == LongNameState.webFrontend }!.containers
            let columns = TableLayout.fit(
                TableColumn.containerTable, width: width,
                nameWanted: names.map { $0.sandbox ? 22 : ($0.name ?? "").count }.max()!, fillsWidth: false)
            var x = 0
            for column in columns.dropLast() {
                x += column.width
                for row in rows {
                    XCTAssertEqual(row[x], " ", "\(width)×\(height) after \(column.column.title): \(String(row))")
                }
                x += 1
            }
            XCTAssertLessThanOrEqual(x + columns.last!.width, width)
            for title in ["WS", "WS-NC", "CACHE", "VERDICT"] { XCTAssertTrue(String(rows.first!).contains(title)) }
        }
    }

    /// The value beside a chart's title is its current value and says so (`now …`); the axis is at the chart's right
    /// edge, its values at ticks: a top-of-axis figure beside the title read as the current value before.
    func testDetailChartsSayNowAndLabelTheirAxisAtTicks() throws {
        let pod = try XCTUnwrap(
            LongNameState.state.model?.pods.first {
                $0.cgroup == LongNameState.webFrontendCgroup(LongNameState.state)
            })
        let workingSetNow = "now " + ByteFormat.human(pod.memory[.workingSet])
        let bytes = #"\d+(\.\d+)? (B|KiB|MiB|GiB)"#
        // At 80×24 each chart is one row: the short title, its current value, the chart, and the axis as a range.
        let small = detail(width: 80, height: 24).text.split(separator: "\n").map(String.init)
        let row = try XCTUnwrap(small.first { $0.hasPrefix("ws ") }, small.joined(separator: "\n"))
        XCTAssertNotNil(row.range(of: "^ws +\(workingSetNow) ", options: .regularExpression), row)
        XCTAssertNotNil(row.range(of: "┤ \(bytes)–\(bytes) *$", options: .regularExpression), row)
        // Taller charts: the title and `now …`, the trend below; the axis top and bottom at ticks on the right.
        let tall = detail(width: 100, height: 30).text.split(separator: "\n").map(String.init)
        let title = try XCTUnwrap(tall.firstIndex { $0.hasPrefix("working set (cAdvisor)") })
        XCTAssertNotNil(
            tall[title].range(
                of: "^working set \\(cAdvisor\\) +\(workingSetNow) .*┤ \(bytes) *$", options: .regularExpression),
            tall[title])
        XCTAssertNotNil(tall[title + 1].range(of: #"^trend [+-]?[\d.]+ [KMG]?i?B/s "#, options: .regularExpression))
        XCTAssertNotNil(tall[title + 1].range(of: "┤ \(bytes) *$", options: .regularExpression), tall[title + 1])
        for label in ["working set without cache", "rss", "active_file", "inactive_file"] {
            let line = try XCTUnwrap(tall.first { $0.hasPrefix(label + " ") }, label)
            XCTAssertNotNil(line.range(of: " now \(bytes) ", options: .regularExpression), line)
        }
        // The ASCII glyph set draws the same labels with `|` for the tick.
        let state = LongNameState.state
        var ascii = Frame(width: 100, height: 30)
        DetailScreen.render(
            state, cgroup: LongNameState.webFrontendCgroup(state),
            context: ScreenContext(glyphs: .ascii, color: false, now: DemoState.start + 5), into: &ascii)
        let asciiTitle = try XCTUnwrap(
            ascii.text.split(separator: "\n").first { $0.hasPrefix("working set (cAdvisor)") })
        XCTAssertNotNil(
            asciiTitle.range(of: "\(workingSetNow) .*\\| \(bytes) *$", options: .regularExpression), String(asciiTitle))
        XCTAssertTrue(ascii.text.unicodeScalars.allSatisfy(\.isASCII), ascii.text)
    }
}
