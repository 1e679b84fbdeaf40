import PodmemCore
import XCTest

@testable import PodmemUI

/// Figures a crafted recording may legally hold (counts up to 2^60, a limit of one byte, parts larger than usage,
/// rates near 2^70) draw on every screen without trapping.
final class ExtremeValuesScreenTests: XCTestCase {
    func testExtremeFiguresDraw() {
        var (state, _) = DemoState.make()
        var pod = state.model!.pods[0]
        let huge = UInt64(1) << 60
        pod.memory[.usage] = 1
        (pod.memory[.rss], pod.memory[.activeFile], pod.memory[.inactiveFile], pod.memory[.shmem]) = (
            huge, huge, huge, huge
        )
        (pod.memory[.workingSet], pod.memory[.workingSetNoCache], pod.memory[.limit]) = (huge, huge, 1)
        pod.growth.workingSetBytesPerSecond = 0x1p70
        pod.growth.workingSetNoCacheBytesPerSecond = -0x1p70
        pod.growth.activeFileBytesPerSecond = 0x1p70
        pod.growth.windowSeconds = 7e9
        pod.growth.class = .anonDriven
        pod.history = pod.history.enumerated().map { index, point in
            HistoryPoint(
                time: point.time, usageBytes: index.isMultiple(of: 2) ? huge : 0, rssBytes: point.rssBytes,
                activeFileBytes: point.activeFileBytes, inactiveFileBytes: 0)
        }
        state.model!.pods[0] = pod
        let context = ScreenContext(glyphs: .unicode, color: true, now: DemoState.start + 5)
        var main = Frame(width: 200, height: 30)
        state.updateViewport(rows: MainScreen.tableRows(height: 30))
        MainScreen.render(state, intervalSeconds: 1, context: context, into: &main)
        XCTAssertTrue(main.text.contains("1 B >999"), "the limit share saturates (cut to its column): \(main.text)")
        var detail = Frame(width: 120, height: 40)
        DetailScreen.render(state, cgroup: pod.cgroup, context: context, into: &detail)
        XCTAssertTrue(detail.text.contains("1024 PiB"), detail.text)
    }
}
