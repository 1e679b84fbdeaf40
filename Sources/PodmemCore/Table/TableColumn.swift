/// A column of a table of pods or containers, declared once for every output that shows it: its title, how its cells
/// align, the widths a fitted layout may give it, how long it stays when the width runs out, and its cell for a row.
/// The screens fit columns into the terminal (`TableLayout`); `--batch` and `report` print them at any width
/// (`TextTable(columns:rows:)`).
public struct TableColumn<Row>: Sendable {
    public typealias Alignment = TextTable.Alignment

    public let key: TableColumnKey
    public let title: String
    public let alignment: Alignment
    /// Columns a fitted layout gives it: the lower bound when space is short, up to the upper bound when spare.
    public let width: ClosedRange<Int>
    /// Higher is kept longer when the width runs out.
    public let priority: Int
    public let cell: @Sendable (Row) -> TableCell

    public init(
        key: TableColumnKey, title: String, alignment: Alignment, width: ClosedRange<Int>, priority: Int,
        cell: @escaping @Sendable (Row) -> TableCell
    ) {
        self.key = key
        self.title = title
        self.alignment = alignment
        self.width = width
        self.priority = priority
        self.cell = cell
    }

    /// A sparkline: it takes the room left once everything else fits.
    public var isTrend: Bool { if case .trend = key { true } else { false } }
}
