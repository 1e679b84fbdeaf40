import PodmemCore

/// What every screen needs besides the state: how to draw and what time it is.
public struct ScreenContext: Sendable {
    public var glyphs: GlyphSet
    public var color: Bool
    /// Unix seconds, for status-message expiry and "ago" texts.
    public var now: Double

    public init(glyphs: GlyphSet, color: Bool, now: Double) {
        self.glyphs = glyphs
        self.color = color
        self.now = now
    }

    /// Puts text that may contain podmem's own Unicode punctuation (made ASCII where needed), ending in an
    /// ellipsis when it does not fit in `limit` columns or the frame.
    func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil, into frame: inout Frame) {
        let room = min(limit ?? Int.max, frame.width - x)
        frame.put(
            TextFit.truncate(TextFit.ascii(text, glyphs: glyphs), room, glyphs: glyphs), x: x, y: y, style: style,
            limit: room)
    }
}
