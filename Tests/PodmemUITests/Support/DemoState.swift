import PodmemCore
import PodmemUI

/// A deterministic app state: the demo node polled on a manual clock.
enum DemoState {
    static let start = 1_800_000_000.0

    static func make(polls: Int = 6) -> (AppState, Monitor) {
        let monitor = Monitor(source: DemoNode(), window: 300, intervalSeconds: 1, historyCapacity: 301)
        var state = AppState()
        for second in 0..<polls {
            monitor.poll(at: start + Double(second))
            state.document = monitor.snapshot()
            state.heldSeconds = monitor.heldSeconds
        }
        return (state, monitor)
    }
}
