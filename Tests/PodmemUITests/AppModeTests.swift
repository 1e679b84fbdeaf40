import PodmemCore
import XCTest

@testable import PodmemUI

/// Live and replay are a mode of the state, not a display string: keys act by mode, and the clock is drawn from it.
final class AppModeTests: XCTestCase {
    func testKeysFollowTheMode() {
        var live = AppState()
        XCTAssertEqual(AppReducer.apply(.snapshot, state: &live), .writeSnapshot)
        XCTAssertEqual(AppReducer.apply(.stepForward, state: &live), .none)
        _ = AppReducer.apply(.togglePause, state: &live)
        XCTAssertTrue(live.paused)

        var replay = AppState()
        replay.mode = .replay(timestamp: 1_800_000_000, position: 9, count: 40)
        XCTAssertEqual(AppReducer.apply(.snapshot, state: &replay), .none)
        XCTAssertEqual(AppReducer.apply(.stepForward, state: &replay), .seek(.samples(1)))
        _ = AppReducer.apply(.togglePause, state: &replay)
        XCTAssertFalse(replay.paused)
        XCTAssertEqual(replay.mode.replayClock, "2027-01-15T08:00:00Z · 10/40")
        XCTAssertNil(live.mode.replayClock)
    }
}
