import PodmemCore

/// What the app loop needs from a terminal. `CursesTerminal` is the real one; tests use a scripted one.
public protocol Terminal: AnyObject {
    /// Current size in cells.
    var size: (width: Int, height: Int) { get }
    /// Whether the sparkline/bar glyphs can be Unicode (a UTF-8 locale) or must be ASCII.
    var glyphs: GlyphSet { get }
    /// Whether colors may be used (a color terminal and NO_COLOR unset).
    var colorEnabled: Bool { get }
    /// Shows a frame (the backend diffs or redraws as it likes).
    func present(_ frame: Frame)
    /// Waits up to `timeout` seconds for a key; nil on timeout. Returns early when `shouldStop` is set.
    func readKey(timeout: Double) -> Key?
    /// True once a termination signal (SIGTERM, SIGHUP, SIGINT) arrived: the loop then quits cleanly.
    var shouldStop: Bool { get }
}
