import PodmemCore

/// A one-row bar of parts (each drawn with its own style) against a total, with optional marks.
public enum StackedBar {
    public struct Part {
        public var bytes: Double
        public var style: Style
        public var fill: Character

        public init(bytes: Double, style: Style, fill: Character) {
            self.bytes = bytes
            self.style = style
            self.fill = fill
        }
    }

    /// Draws `parts` scaled to `total` across `rect.width` columns; `marks` are byte positions drawn as `glyphs.marker`.
    public static func render(
        _ parts: [Part], total: Double, marks: [Double], in rect: Rect, into frame: inout Frame, glyphs: GlyphSet
    ) {
        guard rect.width > 0, total > 0 else { return }
        var start = 0.0
        for part in parts where part.bytes > 0 {
            let from = Int(saturating: (start / total * Double(rect.width)).rounded())
            start += part.bytes
            let to = min(rect.width, Int(saturating: (start / total * Double(rect.width)).rounded()))
            for column in from..<max(from, to) {
                frame[rect.x + column, rect.y] = Cell(part.fill, style: part.style)
            }
        }
        for mark in marks {
            let column = min(
                rect.width - 1, max(0, Int(saturating: (mark / total * Double(rect.width)).rounded(.down))))
            frame[rect.x + column, rect.y] = Cell(glyphs.marker, style: Style(bold: true))
        }
    }
}
