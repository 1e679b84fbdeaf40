/// The characters podmem draws with: Unicode blocks in a UTF-8 locale, plain ASCII otherwise
/// (never mojibake over an ssh session with LANG unset), as htop switches its graph glyphs.
public struct GlyphSet: Sendable, Equatable {
    /// Sparkline levels from lowest to highest (a gap is drawn as a space).
    public let levels: [Character]
    public let fullBlock: Character
    public let verticalBar: Character
    public let separator: String
    public let ellipsis: Character
    public let up: Character
    public let down: Character
    public let marker: Character

    public static let unicode = GlyphSet(
        levels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], fullBlock: "█", verticalBar: "│",
        separator: " · ", ellipsis: "…", up: "▲", down: "▼", marker: "┃")

    public static let ascii = GlyphSet(
        levels: ["_", ".", "-", "~", "=", "+", "*", "#"], fullBlock: "#", verticalBar: "|",
        separator: " | ", ellipsis: "~", up: "^", down: "v", marker: "|")

    public var isUnicode: Bool { self == .unicode }
}
