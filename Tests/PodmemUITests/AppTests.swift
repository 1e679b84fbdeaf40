import Foundation
import PodmemCore
import XCTest

@testable import PodmemUI

/// The whole app with a scripted terminal and a manual clock.
final class AppTests: XCTestCase {
    func run(
        _ steps: [ScriptedTerminal.Step], width: Int = 140, height: Int = 30,
        snapshotDirectory: String = "/nonexistent",
        plan: HistoryPlan = HistoryPlan(rawCapacity: 301, intervalSeconds: 1)
    ) -> (App, ScriptedTerminal) {
        let time = ManualTime()
        let terminal = ScriptedTerminal(width: width, height: height, time: time, steps: steps)
        let demo = DemoNode()
        let monitor = Monitor(window: 300, intervalSeconds: 1, plan: plan)
        let app = App(
            terminal: terminal, source: demo, monitor: monitor, time: time, snapshotDirectory: snapshotDirectory)
        app.run()
        return (app, terminal)
    }

    func testPollsOnTheIntervalAndQuits() {
        let (app, _) = run([.wait(5)])
        XCTAssertEqual(app.state.model?.pods.first?.history.count, 6, "one poll at start, one per second")
    }

    func testCacheSortPutsHighestCacheShareFirst() {
        let (app, _) = run([.wait(3), .key(.character("c"))])
        XCTAssertEqual(app.state.sortColumn, .cacheShare)
        let shares = app.state.visiblePods.map { $0.cacheShare ?? 0 }
        XCTAssertEqual(shares, shares.sorted(by: >))
        XCTAssertTrue(app.lastFrame.line(2).contains("CACHE▼"))
    }

    func testSortKeysCycleAndReverse() {
        let (app, _) = run([.key(.character(">")), .key(.character(">")), .key(.character("r"))])
        XCTAssertEqual(app.state.sortColumn, .figure(.rss))
        XCTAssertFalse(app.state.sortDescending)
    }

    func testFilterAppliesAsYouTypeAndEscClears() {
        let (app, terminal) = run([
            .wait(1), .key(.character("/")), .key(.character("k")), .key(.character("u")),
            .key(.character("b")), .key(.enter),
        ])
        XCTAssertEqual(app.state.filter, "kub")
        XCTAssertFalse(app.state.isEditingFilter)
        XCTAssertEqual(app.state.visiblePods.count, 2)
        let whileTyping = terminal.frames.first { $0.line(1).contains("filter: ku_") }
        XCTAssertNotNil(whileTyping, "the list narrows while typing")
        let (cleared, clearedTerminal) = run([.key(.character("/")), .key(.character("x")), .key(.escape)])
        XCTAssertTrue(
            clearedTerminal.frames.contains { $0.line(1).contains("filter: x_") }, "the filter was typed before Esc")
        XCTAssertEqual(cleared.state.filter, "")
        XCTAssertFalse(cleared.state.isEditingFilter)
        XCTAssertFalse(clearedTerminal.frames.last!.line(1).contains("filter:"), clearedTerminal.frames.last!.line(1))
    }

    func testEnterOpensDetailAndEscReturns() {
        let (app, terminal) = run([.wait(2), .key(.down), .key(.enter), .wait(1)])
        guard case .detail(let cgroup) = app.state.screen else { return XCTFail("not in detail") }
        XCTAssertEqual(cgroup, app.state.visiblePods[1].cgroup)
        XCTAssertTrue(terminal.frames.last!.text.contains("CONTAINER"))
        XCTAssertNotNil(
            terminal.frames.last!.text.range(of: #"refaults \d+ total \(\d+\.\d/s\)"#, options: .regularExpression),
            "a refault rate once the detail has seen two polls")
        let (back, backTerminal) = run([.key(.enter), .key(.escape)])
        XCTAssertTrue(
            backTerminal.frames.contains { $0.text.contains("CONTAINER") }, "Enter opened the detail before Esc")
        XCTAssertEqual(back.state.screen, .main)
        XCTAssertFalse(backTerminal.frames.last!.text.contains("CONTAINER"))
    }

    func testPlusAndMinusChangeTheSpanOfVerdictsAndHeader() {
        let plan = HistoryPlan.live(window: 300, intervalSeconds: 1)
        let (app, _) = run([.wait(2), .key(.character("+")), .key(.character("+"))], plan: plan)
        XCTAssertEqual(app.monitor.window, 1800)
        XCTAssertEqual(app.state.model?.windowSeconds, 1800, "the verdicts follow the span")
        XCTAssertTrue(app.lastFrame.line(1).contains("span 30m (2s held)"), app.lastFrame.line(1))
        let (narrow, _) = run([.key(.character("-")), .key(.character("-")), .key(.character("-"))], plan: plan)
        XCTAssertEqual(narrow.monitor.window, 60, "stops at the shortest span")
        let (widest, _) = run(Array(repeating: .key(.character("+")), count: 12), plan: plan)
        XCTAssertEqual(widest.monitor.window, 24 * 3600, "up to what the coarsest tier holds")
    }

    /// The list reuses verdicts up to window/32 polls old (9 at the default 300 s), but never a `?`: every verdict
    /// is there at the third poll, and the header says how little history that is.
    func testVerdictsShowFromTheThirdPoll() {
        let plan = HistoryPlan.live(window: 300, intervalSeconds: 1)
        let (second, _) = run([.wait(1)], width: 100, plan: plan)
        XCTAssertEqual(Set(second.state.visiblePods.map(\.growth.class)), [.unknown])
        XCTAssertTrue(second.lastFrame.text.contains("? not enough samples yet"), second.lastFrame.text)
        let (third, _) = run([.wait(2)], width: 100, plan: plan)
        XCTAssertFalse(
            third.state.visiblePods.contains { $0.growth.class == .unknown },
            third.state.visiblePods.map { "\($0.displayName) \($0.growth.class.rawValue)" }.joined(separator: "\n"))
        XCTAssertTrue(third.lastFrame.line(1).contains("span 5m (2s held)"), third.lastFrame.line(1))
        let (full, _) = run([.wait(300)], width: 100, plan: plan)
        XCTAssertTrue(
            full.lastFrame.line(1).contains("span 5m · "), "a full span says nothing more: \(full.lastFrame.line(1))")
    }

    func testOnlyRowsOnScreenCarrySparklineHistory() {
        let (app, _) = run([.wait(3)], height: 16)
        let rows = app.state.rowsOnScreen
        XCTAssertLessThan(rows.count, 12, "a short terminal shows part of the list")
        XCTAssertTrue(rows.allSatisfy { !$0.history.isEmpty }, "every row on screen has its sparkline points")
        let offScreen = app.state.visiblePods.dropFirst(rows.count)
        XCTAssertTrue(offScreen.allSatisfy { $0.history.isEmpty }, "rows off screen carry no history")
        let (paged, _) = run([.wait(3), .key(.pageDown), .key(.pageDown)], height: 16)
        XCTAssertTrue(
            paged.state.rowsOnScreen.allSatisfy { !$0.history.isEmpty }, "rows paged into view get theirs at once")
        XCTAssertTrue(paged.lastFrame.text.contains("▁") || paged.lastFrame.text.contains("█"), paged.lastFrame.text)
    }

    func testHelpAndAnyKeyReturns() {
        let (app, terminal) = run([.key(.function(1))])
        XCTAssertEqual(app.state.screen, .help(returnTo: .main))
        XCTAssertTrue(terminal.frames.last!.text.contains("this help"))
        let (back, backTerminal) = run([.key(.character("?")), .key(.character("x"))])
        XCTAssertTrue(
            backTerminal.frames.contains { $0.text.contains("this help") }, "? opened the help before the other key")
        XCTAssertEqual(back.state.screen, .main)
        XCTAssertFalse(backTerminal.frames.last!.text.contains("this help"))
    }

    func testPauseStopsPollingButKeepsNavigation() {
        let (app, _) = run([.wait(2), .key(.character(" ")), .wait(3), .key(.down)])
        XCTAssertTrue(app.state.paused)
        XCTAssertEqual(app.state.model?.pods.first?.history.count, 3)
        XCTAssertEqual(app.state.selectedIndex, 1)
    }

    func testSnapshotKeyWritesAValidDocument() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "podmem-snap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (app, _) = run([.wait(2), .key(.character("s")), .key(.control("s"))], snapshotDirectory: directory.path)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        XCTAssertEqual(files, ["podmem-demo-node-20270115-080002-2.json", "podmem-demo-node-20270115-080002.json"])
        let document = try SnapshotCodec.decode(Data(contentsOf: directory.appendingPathComponent(files[1])))
        XCTAssertEqual(document.schema, "podmem.snapshot/1")
        XCTAssertEqual(document.pods.first?.history.t.count, 3, "the whole history held")
        XCTAssertTrue(app.state.status?.text.hasPrefix("snapshot written: \(directory.path)/podmem-demo-node-") == true)
    }

    /// `--snapshot-dir .` (the default) or any relative directory: the status line shows the absolute path.
    func testSnapshotPathOnTheStatusLineIsAbsolute() throws {
        let directory = URL(fileURLWithPath: "/tmp").appendingPathComponent("podmem-snap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let depth = FileManager.default.currentDirectoryPath.split(separator: "/").count
        let relative = "./" + String(repeating: "../", count: depth) + "tmp/" + directory.lastPathComponent
        let (app, _) = run([.wait(1), .key(.character("s"))], snapshotDirectory: relative)
        let text = try XCTUnwrap(app.state.status?.text)
        XCTAssertTrue(text.hasPrefix("snapshot written: \(directory.path)/podmem-demo-node-"), text)
        XCTAssertFalse(text.contains("./"), text)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).count, 1)
    }

    func testSnapshotErrorStaysInTheUI() {
        let (app, terminal) = run([.wait(1), .key(.character("s"))], snapshotDirectory: "/proc/podmem-no-such-dir")
        XCTAssertEqual(app.state.status?.isError, true)
        XCTAssertTrue(terminal.frames.last!.line(29).hasPrefix("snapshot not written to /proc/podmem-no-such-dir"))
    }

    func testResizeToTooSmallAndBack() {
        let (_, terminal) = run([.resize(30, 6), .resize(100, 24)], width: 100, height: 24)
        XCTAssertTrue(terminal.frames.contains { $0.width == 30 && $0.text.contains("too small") })
        XCTAssertEqual(terminal.frames.last?.width, 100)
    }
}
