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

    /// Puts text that may contain podmem's own Unicode punctuation, made ASCII where needed.
    func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil, into frame: inout Frame) {
        frame.put(TextFit.ascii(text, glyphs: glyphs), x: x, y: y, style: style, limit: limit)
    }
}
