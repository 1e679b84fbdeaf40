import PodmemCore
import PodmemUI

/// A terminal driven by a script: keys, and pauses that advance a manual clock instead of sleeping.
/// When the script runs out it presses `q`.
final class ScriptedTerminal: Terminal {
    enum Step {
        case key(Key)
        /// Let this many seconds pass (the app polls as they do).
        case wait(Double)
        /// Change the terminal size, then deliver `.resize` as ncurses does.
        case resize(Int, Int)
    }

    private(set) var size: (width: Int, height: Int)
    let glyphs: GlyphSet
    let colorEnabled: Bool
    let time: ManualTime
    private var steps: [Step]
    private(set) var frames: [Frame] = []
    var shouldStop = false

    init(width: Int, height: Int, glyphs: GlyphSet = .unicode, color: Bool = true, time: ManualTime, steps: [Step]) {
        size = (width, height)
        self.glyphs = glyphs
        colorEnabled = color
        self.time = time
        self.steps = steps
    }

    func present(_ frame: Frame) { frames.append(frame) }

    func readKey(timeout: Double) -> Key? {
        guard !steps.isEmpty else { return .character("q") }
        switch steps[0] {
        case .key(let key):
            steps.removeFirst()
            return key
        case .resize(let width, let height):
            steps.removeFirst()
            size = (width, height)
            return .resize
        case .wait(let seconds):
            let step = min(seconds, timeout)
            time.advance(by: step)
            if seconds - step <= 1e-9 { steps.removeFirst() } else { steps[0] = .wait(seconds - step) }
            return nil
        }
    }
}

/// A clock that moves only when told to.
final class ManualTime: TimeSource {
    private var current: Double

    init(_ start: Double = 1_800_000_000) {
        current = start
    }

    func now() -> Double { current }
    func advance(by seconds: Double) { current += seconds }
}
