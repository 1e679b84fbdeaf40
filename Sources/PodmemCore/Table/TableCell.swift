/// What a table cell holds. Text is final; a verdict and a series are drawn by the output: the screens draw a verdict
/// as a coloured badge (with its legend line) and a series at the column's width in the terminal's glyphs; plain text
/// spells the verdict as the JSON does and draws the series in ASCII.
public enum TableCell: Sendable, Equatable {
    case text(String)
    case verdict(GrowthClass)
    /// Oldest first; nil is a gap. `floorBytes`: the smallest span its chart draws (`ChartScale.floorBytes`).
    case series([Double?], floorBytes: Double)

    /// The cell in plain text: a series at most `seriesWidth` columns wide (one per value when fewer), on the scale
    /// the pod list gives it when no other series is compared with it.
    public func plainText(seriesWidth: Int, glyphs: GlyphSet) -> String {
        switch self {
        case .text(let text): text
        case .verdict(let growthClass): growthClass.rawValue
        case .series(let values, let floorBytes):
            Sparkline.render(
                values, width: min(seriesWidth, values.count), glyphs: glyphs,
                minimumRange: ChartScale(series: [(values, min(seriesWidth, values.count))], floorBytes: floorBytes)
                    .spanBytes)
        }
    }
}
