import PodmemCore

/// A table cell as screen text, exactly `width` columns: text and titles fitted by the column's alignment (an
/// ellipsis marks a cut), a verdict as its badge, a series as a sparkline in the terminal's glyphs on `seriesScale`
/// (its own `ChartScale` when none is given).
enum TableCellText {
    static func text<Row>(
        _ cell: TableCell, column: TableColumn<Row>, width: Int, glyphs: GlyphSet, seriesScale: ChartScale? = nil
    ) -> String {
        switch cell {
        case .text(let text): fit(text, column: column, width: width, glyphs: glyphs)
        case .verdict(let growthClass):
            fit(VerdictBadge.text(growthClass), column: column, width: width, glyphs: glyphs)
        case .series(let values, let floorBytes):
            Sparkline.render(
                values, width: width, glyphs: glyphs,
                minimumRange: (seriesScale ?? ChartScale(series: [(values, width)], floorBytes: floorBytes)).spanBytes)
        }
    }

    static func fit<Row>(_ text: String, column: TableColumn<Row>, width: Int, glyphs: GlyphSet) -> String {
        column.alignment == .left
            ? TextFit.padRight(text, width, glyphs: glyphs) : TextFit.padLeft(text, width, glyphs: glyphs)
    }
}
