import PodmemCore

/// A table cell as screen text, exactly `width` columns: text and titles fitted by the column's alignment (an
/// ellipsis marks a cut), a verdict as its badge, a series as a sparkline in the terminal's glyphs.
enum TableCellText {
    static func text<Row>(
        _ cell: TableCell, column: TableColumn<Row>, width: Int, glyphs: GlyphSet, seriesRange: Double = 1024 * 1024
    ) -> String {
        switch cell {
        case .text(let text): fit(text, column: column, width: width, glyphs: glyphs)
        case .verdict(let growthClass):
            fit(VerdictBadge.text(growthClass), column: column, width: width, glyphs: glyphs)
        case .series(let values): Sparkline.render(values, width: width, glyphs: glyphs, minimumRange: seriesRange)
        }
    }

    static func fit<Row>(_ text: String, column: TableColumn<Row>, width: Int, glyphs: GlyphSet) -> String {
        column.alignment == .left
            ? TextFit.padRight(text, width, glyphs: glyphs) : TextFit.padLeft(text, width, glyphs: glyphs)
    }
}
