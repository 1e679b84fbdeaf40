import PodmemCore
import XCTest

@testable import PodmemUI

/// Screens rendered into in-memory frames and read as text.
final class ScreenTests: XCTestCase {
    let context = ScreenContext(glyphs: .unicode, color: true, now: DemoState.start + 5)

    func main(width: Int, height: Int, state: AppState? = nil, glyphs: GlyphSet = .unicode) -> Frame {
        var state = state ?? DemoState.make().0
        var frame = Frame(width: width, height: height)
        state.updateViewport(rows: MainScreen.tableRows(height: height))
        MainScreen.render(
            state, intervalSeconds: 1,
            context: ScreenContext(glyphs: glyphs, color: true, now: DemoState.start + 5), into: &frame)
        return frame
    }

    func testMainAt80x24() {
        let frame = main(width: 80, height: 24)
        TextSnapshot.assert(frame.text, named: "main-80x24")
        XCTAssertTrue(frame.line(2).hasPrefix("NAME"))
        XCTAssertTrue(frame.text.contains("~CACHE"))
        XCTAssertTrue(frame.text.contains("!ANON"))
        XCTAssertTrue(frame.line(23).hasPrefix("q quit"))
    }

    func testMainWide() {
        let frame = main(width: 200, height: 30)
        TextSnapshot.assert(frame.text, named: "main-200x30")
        for title in ["WS-NC", "RSS", "ACTIVE", "INACTIVE", "LIMIT", "%LIM", "CACHE", "VERDICT", "ws-nc", "inactive"] {
            XCTAssertTrue(frame.line(2).contains(title), title)
        }
        XCTAssertTrue(frame.text.contains("shop/web-frontend-7d9f8b6c5-x2kqp"), "wide terminals show whole names")
    }

    /// Kubernetes pods are counted as pods; docker/podman containers and services as workloads; a tree with
    /// neither says so in one line (with what was looked for) instead of silently showing the root cgroup.
    func testHeaderCountsWorkloadsAndSaysWhenNothingWasFound() throws {
        var (state, _) = DemoState.make()
        var document = try XCTUnwrap(state.model)
        XCTAssertTrue(main(width: 120, height: 24, state: state).line(1).contains("· 12 pods ·"))

        for index in 0..<3 { document.pods[index].kind = .container }
        document.pods[3].kind = .service
        state.model = document
        XCTAssertTrue(main(width: 120, height: 24, state: state).line(1).contains("· 12 workloads (8 pods) ·"))
        for index in document.pods.indices { document.pods[index].kind = .container }
        state.model = document
        XCTAssertTrue(main(width: 120, height: 24, state: state).line(1).contains("· 12 workloads ·"))

        var root = document.pods[0]
        root.kind = .cgroup
        root.cgroup = "."
        document.pods = [root]
        document.root = "/sys/fs/cgroup/memory"
        state.model = document
        let frame = main(width: 120, height: 24, state: state)
        XCTAssertTrue(frame.line(1).contains("· root cgroup only ·"), frame.text)
        XCTAssertTrue(
            frame.line(4).hasPrefix(" nothing found under /sys/fs/cgroup/memory: no Kubernetes pods (kubepods*"),
            frame.text)
        XCTAssertFalse(frame.line(5).contains("nothing found"), "one line")
        XCTAssertTrue(
            WorkloadSummary.nothingFound(root: "/r\u{1b}[2J").hasPrefix("nothing found under /r?[2J: "),
            "a root from a replayed file cannot drive the terminal")
    }

    func testTooSmall() {
        let frame = main(width: 40, height: 8)
        TextSnapshot.assert(frame.text, named: "main-40x8")
        XCTAssertTrue(frame.text.contains("terminal too small"))
    }

    func testEveryWidthFitsWithoutOverlap() {
        for width in stride(from: 60, through: 240, by: 7) {
            let columns = TableLayout.fit(TableColumn.podList, width: width, nameWanted: 40, fillsWidth: true)
            let used = columns.reduce(0) { $0 + $1.width } + columns.count - 1
            XCTAssertEqual(used, width, "width \(width)")
            XCTAssertTrue(
                columns.contains { $0.column.key == .figure(.workingSet) }
                    && columns.contains { $0.column.key == .verdict })
        }
    }

    func testASCIIGlyphsDrawNoUnicode() {
        let frame = main(width: 120, height: 24, glyphs: .ascii)
        XCTAssertTrue(frame.text.unicodeScalars.allSatisfy(\.isASCII), frame.text)
        XCTAssertTrue(frame.text.contains("~CACHE"))
    }

    func testFilterAndSortChangeRows() {
        var state = DemoState.make().0
        state.filter = "shop"
        state.sortColumn = .cacheShare
        let frame = main(width: 120, height: 24, state: state)
        let rows = (3..<8).map { frame.line($0) }
        XCTAssertTrue(rows[0].hasPrefix("shop/web-fronten"), rows[0])
        XCTAssertFalse(frame.text.contains("postgres"))
        XCTAssertTrue(frame.line(1).contains("filter: shop"))
    }

    func testDetail() {
        let (state, _) = DemoState.make()
        let pod = state.model!.pods.first { $0.name?.hasPrefix("web-frontend") == true }!
        var frame = Frame(width: 120, height: 40)
        DetailScreen.render(state, cgroup: pod.cgroup, context: context, into: &frame)
        TextSnapshot.assert(frame.text, named: "detail-120x40")
        XCTAssertTrue(frame.line(0).hasPrefix("shop/web-frontend-7d9f8b6c5-x2kqp"))
        XCTAssertTrue(frame.text.contains("of the rise was active page cache: reclaimable"))
        XCTAssertTrue(frame.text.contains("(sandbox)"))
        XCTAssertTrue(frame.text.contains("nginx"))
        XCTAssertTrue(frame.text.contains("working set without cache"))
        XCTAssertTrue(frame.text.contains("file refaults"))
    }

    /// The refault count is cumulative: the line never says "no refaults" after a non-zero count, and says
    /// whether refaults are happening now only once there is a rate.
    func testRefaultLineNeverDeniesItsOwnCount() throws {
        var (state, _) = DemoState.make()
        let index = try XCTUnwrap(state.model?.pods.firstIndex { $0.name?.hasPrefix("web-frontend") == true })
        var document = state.model!
        document.pods[index].signals.workingsetRefaultFile = 129
        document.pods[index].signals.pressureSomeAvg10 = nil
        state.model = document
        let pod = document.pods[index]
        func signalLine(previous: PodModel?) -> String {
            state.previousDetailPod = previous
            var frame = Frame(width: 200, height: 40)
            DetailScreen.render(state, cgroup: pod.cgroup, context: context, into: &frame)
            return frame.text.split(separator: "\n").map(String.init).first { $0.contains("file refaults") }
                ?? frame.text
        }
        let first = signalLine(previous: nil)
        XCTAssertTrue(first.contains("file refaults 129 total"), first)
        XCTAssertTrue(first.contains("refault rate from the next poll"), first)
        XCTAssertFalse(first.contains("no refaults"), first)

        var before = pod
        before.history = before.history.map {
            HistoryPoint(
                time: $0.time - 1, usageBytes: $0.usageBytes, rssBytes: $0.rssBytes,
                activeFileBytes: $0.activeFileBytes, inactiveFileBytes: $0.inactiveFileBytes)
        }
        let steady = signalLine(previous: before)
        XCTAssertTrue(steady.contains("(0.0/s)") && steady.contains("no new refaults"), steady)

        before.signals.workingsetRefaultFile = 100
        let rising = signalLine(previous: before)
        XCTAssertTrue(rising.contains("(29.0/s)") && rising.contains("cache is being reclaimed and read back"), rising)
    }

    func testDetailTooSmallAndGone() {
        let (state, _) = DemoState.make()
        var small = Frame(width: 50, height: 10)
        DetailScreen.render(state, cgroup: state.model!.pods[0].cgroup, context: context, into: &small)
        XCTAssertTrue(small.text.contains("terminal too small"))
        var gone = Frame(width: 80, height: 24)
        DetailScreen.render(state, cgroup: "kubepods/missing", context: context, into: &gone)
        XCTAssertTrue(gone.line(0).contains("gone"))
    }

    func testHelpListsEveryBinding() {
        var frame = Frame(width: 100, height: 40)
        HelpScreen.render(context: context, into: &frame)
        for binding in KeyBinding.table { XCTAssertTrue(frame.text.contains(binding.help), binding.help) }
        XCTAssertTrue(frame.text.contains("q F10 Ctrl-C"))
        // A usual terminal: two columns, so every key is still listed (texts may be shortened at 80 columns).
        for (width, height) in [(140, 30), (80, 24)] {
            var small = Frame(width: width, height: height)
            HelpScreen.render(context: context, into: &small)
            for binding in KeyBinding.table {
                XCTAssertTrue(
                    small.text.contains(binding.keys.map(\.label).joined(separator: " ")),
                    "\(width)×\(height): \(binding.help)")
                if width == 140 { XCTAssertTrue(small.text.contains(binding.help), binding.help) }
            }
            XCTAssertTrue(small.text.contains("? not enough samples yet"), "\(width)×\(height): the legend explains ?")
        }
    }
}
