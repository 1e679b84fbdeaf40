import Foundation
import PodmemCore
import XCTest

@testable import PodmemUI

/// What reads wrong on a narrow terminal: a verdict cut before its conclusion, a number cut from its unit, a line
/// cut mid-word. Every pod of the demo (each verdict class), live and replayed, at 80, 100 and 160 columns.
final class NarrowTextTests: XCTestCase {
    static let sizes = [(80, 24), (100, 30), (160, 45)]
    /// A number at the start of a word followed at once by the ellipsis (`24.2 Gi…`, `(0.0…`): a figure cut short.
    static let cutNumber = #"(^|[ (])[+-]?\d+(\.\d+)?( ?[KMGT]?i?B?)?…"#

    func detail(_ state: AppState, cgroup: String, width: Int, height: Int) -> Frame {
        var frame = Frame(width: width, height: height)
        DetailScreen.render(
            state, cgroup: cgroup, context: ScreenContext(glyphs: .unicode, color: true, now: DemoState.start + 5),
            into: &frame)
        return frame
    }

    func main(_ state: AppState, width: Int, height: Int) -> Frame {
        var state = state
        state.updateViewport(rows: MainScreen.tableRows(height: height))
        var frame = Frame(width: width, height: height)
        MainScreen.render(
            state, intervalSeconds: 1, context: ScreenContext(glyphs: .unicode, color: true, now: DemoState.start + 5),
            into: &frame)
        return frame
    }

    /// The sentence as drawn: the lines after the title, beside the badge, up to the first line that is not.
    func drawnSentence(_ frame: Frame, badge: String) -> String {
        var lines: [String] = []
        for y in 1..<frame.height {
            let line = frame.line(y)
            guard line.hasPrefix(y == 1 ? badge : String(repeating: " ", count: badge.count)),
                !line.trimmingCharacters(in: .whitespaces).isEmpty
            else { break }
            lines.append(String(line.dropFirst(badge.count)).trimmingCharacters(in: .whitespaces))
        }
        return lines.joined(separator: " ")
    }

    /// Every class's real sentence is whole where 4 lines hold it, and otherwise keeps its start and its conclusion.
    func testVerdictSentencesKeepTheirConclusion() throws {
        let state = LongNameState.state
        let pods = try XCTUnwrap(state.model?.pods)
        let classes = Set(pods.map(\.growth.class))
        XCTAssertTrue(
            classes.isSuperset(of: [.cacheDriven, .anonDriven, .mixed, .stable, .shrinking]), "\(classes)")
        for (width, height) in Self.sizes {
            for pod in pods {
                let frame = detail(state, cgroup: pod.cgroup, width: width, height: height)
                let badge = VerdictBadge.text(pod.growth.class) + " "
                let sentence = VerdictSentence.describe(growth: pod.growth, memory: pod.memory)
                let drawn = drawnSentence(frame, badge: badge)
                let at = "\(width)×\(height) \(pod.displayName)"
                if drawn != sentence {
                    let parts = drawn.components(separatedBy: " … ")
                    XCTAssertEqual(parts.count, 2, "\(at): neither whole nor cut in its middle: \(drawn)")
                    XCTAssertTrue(sentence.hasPrefix(parts[0]) && sentence.hasSuffix(parts.last!), "\(at): \(drawn)")
                }
                if pod.growth.class == .cacheDriven {
                    XCTAssertTrue(
                        drawn.hasSuffix(
                            "reclaimable, not a leak. The kernel drops it under pressure; cAdvisor and kubelet still count it."
                        ), "\(at): \(drawn)")
                }
                // At 80 columns the demo's sentences are whole: four lines of 73 hold them.
                if width == 80 { XCTAssertEqual(drawn, sentence, at) }
            }
        }
    }

    /// A text longer than its lines loses words from its middle: its first and last words stay.
    func testWrapCutsTheMiddleWithTheEllipsis() {
        let text = (1...40).map { "word\($0)" }.joined(separator: " ")
        let lines = DetailScreen.wrap(text, width: 30, maxLines: 3, ellipsis: "…")
        XCTAssertEqual(lines.count, 3, "\(lines)")
        XCTAssertTrue(lines.allSatisfy { $0.count <= 30 }, "\(lines)")
        let joined = lines.joined(separator: " ")
        XCTAssertTrue(joined.hasPrefix("word1 word2 "), joined)
        XCTAssertTrue(joined.hasSuffix(" word39 word40"), joined)
        XCTAssertTrue(joined.contains(" … "), joined)
        XCTAssertEqual(DetailScreen.wrap("short text", width: 30, maxLines: 3, ellipsis: "…"), ["short text"])
        XCTAssertTrue(
            DetailScreen.wrap(text, width: 30, maxLines: 2, ellipsis: "~").joined().contains("~"), "the ASCII ellipsis")
    }

    /// Header, hints, signals and every other line give way by whole items: no line ends in an ellipsis that cut a
    /// number from its unit or a word, live or replayed.
    func testNoLineCutsANumberOrAWord() throws {
        var live = LongNameState.state
        live.status = nil
        var replay = live
        replay.mode = .replay(timestamp: DemoState.start + 59, position: 59, count: 60)
        let cgroups = try XCTUnwrap(live.model?.pods.map(\.cgroup))
        for (name, state) in [("live", live), ("replay", replay)] {
            for (width, height) in Self.sizes {
                var frames = [("list", main(state, width: width, height: height))]
                frames += cgroups.map { ("detail \($0)", detail(state, cgroup: $0, width: width, height: height)) }
                for (screen, frame) in frames {
                    let lines = frame.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                    let at = "\(name) \(screen) \(width)×\(height)"
                    for line in lines {
                        XCTAssertNil(line.range(of: Self.cutNumber, options: .regularExpression), "\(at): \(line)")
                    }
                    // The header's two lines and the status line are item lines: they never end cut.
                    for y in (screen == "list" ? [0, 1] : [0]) + [height - 1] {
                        let line = lines[y].trimmingCharacters(in: .whitespaces)
                        XCTAssertFalse(line.hasSuffix("…"), "\(at) line \(y): \(line)")
                    }
                    if screen != "list" {
                        for prefix in ["growth/s:", "usage "] {
                            let line = try XCTUnwrap(lines.first { $0.hasPrefix(prefix) }, "\(at): \(prefix)")
                            XCTAssertFalse(line.trimmingCharacters(in: .whitespaces).hasSuffix("…"), "\(at): \(line)")
                        }
                        let signals = try XCTUnwrap(
                            lines.first { $0.contains("refault") || $0.contains("pressure") }, "\(at): signals")
                        XCTAssertFalse(signals.trimmingCharacters(in: .whitespaces).hasSuffix("…"), "\(at): \(signals)")
                    }
                }
            }
        }
        // At 80 columns the header keeps kubelet's available memory whole, with both figures and their units.
        let header = main(live, width: 80, height: 24).line(0)
        XCTAssertNotNil(
            header.range(of: #"available \d+(\.\d+)? GiB kubelet, \d+(\.\d+)? GiB \+"#, options: .regularExpression),
            header)
        XCTAssertTrue(main(replay, width: 80, height: 24).line(23).contains("[ ] step"), "replay keys stay at 80")
    }

    /// Items go least important first; a more important item keeps its longer form over a less important item, and
    /// takes its shorter form rather than go; the first item never goes.
    func testItemLineDropsTheLeastImportantWholeItems() {
        let items: [ItemLine.Item] = [
            .init("alpha 1.00 GiB", priority: 3), .init(["beta 2.00 MiB total", "beta 2.00 MiB"], priority: 2),
            .init("gamma 3", priority: 1), .init("zero 0", priority: -1),
        ]
        func fit(_ width: Int) -> String { ItemLine.fit(items, separator: " · ", width: width, glyphs: .unicode) }
        XCTAssertEqual(fit(100), "alpha 1.00 GiB · beta 2.00 MiB total · gamma 3 · zero 0")
        XCTAssertEqual(fit(50), "alpha 1.00 GiB · beta 2.00 MiB total · gamma 3")
        XCTAssertEqual(fit(45), "alpha 1.00 GiB · beta 2.00 MiB total")
        XCTAssertEqual(fit(30), "alpha 1.00 GiB · beta 2.00 MiB")
        XCTAssertEqual(fit(29), "alpha 1.00 GiB")
        XCTAssertEqual(fit(5), "alpha 1.00 GiB", "the most important item stays whole for the caller to cut")
    }

    /// A file held by the sandbox (pause) container is named as the container table names it.
    func testHeldByNamesTheSandboxAsTheContainerTableDoes() throws {
        var state = LongNameState.state
        var document = try XCTUnwrap(state.model)
        let index = try XCTUnwrap(document.pods.firstIndex { $0.cgroup == LongNameState.webFrontendCgroup(state) })
        let sandbox = try XCTUnwrap(document.pods[index].containers.first { $0.sandbox })
        let shortID = String(sandbox.id.prefix(12))
        document.pods[index].cacheFiles = [
            CacheFileEntry(
                path: "/pause", hostPath: nil, residency: FileResidency(cachedBytes: 4096, dirtyBytes: 0),
                deleted: false, heldBy: [CacheFileHolder(container: shortID, pid: 1, comm: "pause")])
        ]
        document.pods[index].cacheFilesCoverage = 0.01
        state.model = document
        let text = detail(state, cgroup: document.pods[index].cgroup, width: 140, height: 40).text
        let row = try XCTUnwrap(text.split(separator: "\n").first { $0.contains(" /pause ") }, text)
        XCTAssertTrue(row.contains("(sandbox) \(shortID)/"), String(row))
        XCTAssertTrue(text.contains("\n(sandbox) \(shortID) "), "the container table's name for it: \(text)")
        XCTAssertTrue(text.contains("%LRU: each file's share"), "the coverage line names the column: \(text)")
        XCTAssertFalse(text.contains("in parentheses"), text)
    }
}
