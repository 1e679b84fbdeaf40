/// Aligns rows of cells into columns: left-aligned text columns, right-aligned numbers. Cells are shown through
/// `TerminalText` (they hold names from the host), so a control character can neither drive the terminal nor break a row.
public struct TextTable {
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]) {
        precondition(headers.count == alignments.count)
        self.headers = headers
        self.alignments = alignments
    }

    /// Widest a sparkline is drawn in plain text (one column per value when fewer).
    public static let seriesWidth = 24

    /// `columns` at any width: each column as wide as its widest cell, sparklines in `glyphs`.
    public init<Row>(columns: [TableColumn<Row>], rows: [Row], glyphs: GlyphSet) {
        self.init(headers: columns.map(\.title), alignments: columns.map(\.alignment))
        self.rows = rows.map { row in
            columns.map { $0.cell(row).plainText(seriesWidth: Self.seriesWidth, glyphs: glyphs) }
        }
    }

    public func render() -> String {
        let headers = headers.map(TerminalText.sanitized)
        let rows = rows.map { $0.map(TerminalText.sanitized) }
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return alignments[index] == .left ? cell + padding : padding + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
