import PodmemCore
import PodmemUI

/// A deterministic app state: the demo node polled on a manual clock.
enum DemoState {
    static let start = 1_800_000_000.0

    static func make(polls: Int = 6) -> (AppState, Monitor) {
        let demo = DemoNode()
        let monitor = Monitor(window: 300, intervalSeconds: 1, historyCapacity: 301)
        var state = AppState()
        for second in 0..<polls {
            monitor.ingest(demo.sample(at: start + Double(second)))
            state.model = monitor.model()
            state.heldSeconds = monitor.heldSeconds
        }
        return (state, monitor)
    }
}
