/// What a table cell holds. Text is final; a verdict and a series are drawn by the output: the screens draw a verdict
/// as a coloured badge (with its legend line) and a series at the column's width in the terminal's glyphs; plain text
/// spells the verdict as the JSON does and draws the series in ASCII.
public enum TableCell: Sendable, Equatable {
    case text(String)
    case verdict(GrowthClass)
    /// Oldest first; nil is a gap.
    case series([Double?])

    /// The cell in plain text: a series at most `seriesWidth` columns wide (one per value when fewer).
    public func plainText(seriesWidth: Int, glyphs: GlyphSet) -> String {
        switch self {
        case .text(let text): text
        case .verdict(let growthClass): growthClass.rawValue
        case .series(let values): Sparkline.render(values, width: min(seriesWidth, values.count), glyphs: glyphs)
        }
    }
}
