/// Fits table columns into a width, one space between columns. The first column is the name.
///
/// The name starts at the longest name shown, up to `nameComfortable`; every other column at its narrowest. While
/// the row is too wide, columns below `keptBeforeName` drop (least important first: the sparklines, then the
/// secondary figures), then the name shrinks to its minimum, then the rest drop (least important first). Spare room
/// widens the name up to the longest name (a whole name before wider sparklines), then the other columns that can
/// grow (the sparklines) up to their widest; what is left goes to the name when `fillsWidth` (a name alone in a
/// width below its minimum is cut to it), else stays blank.
public enum TableLayout {
    /// A whole `namespace/pod` up to this before anything but the sparklines and the secondary figures gives way;
    /// beyond it names are elided in the middle (both ends identify a pod: namespace and replica suffix).
    public static let nameComfortable = 40
    /// Columns below this priority drop before the name is cut below `nameComfortable`.
    public static let keptBeforeName = 96

    public static func fit<Row>(
        _ columns: [TableColumn<Row>], width: Int, nameWanted: Int, fillsWidth: Bool
    ) -> [(column: TableColumn<Row>, width: Int)] {
        guard let nameColumn = columns.first else { return [] }
        var fitted = columns.map { (column: $0, width: $0.width.lowerBound) }
        let nameBounds = nameColumn.width
        fitted[0].width = max(nameBounds.lowerBound, min(nameWanted, nameComfortable))
        func total() -> Int { fitted.reduce(0) { $0 + $1.width } + max(0, fitted.count - 1) }
        func leastImportant(below limit: Int) -> Int? {
            fitted.indices.dropFirst().filter { fitted[$0].column.priority < limit }.min {
                fitted[$0].column.priority < fitted[$1].column.priority
            }
        }
        while total() > width {
            if let drop = leastImportant(below: keptBeforeName) {
                fitted.remove(at: drop)
            } else if fitted[0].width > nameBounds.lowerBound {
                fitted[0].width -= 1
            } else if let drop = leastImportant(below: Int.max) {
                fitted.remove(at: drop)
            } else {
                break
            }
        }
        var spare = width - total()
        let grow = max(0, min(spare, min(nameBounds.upperBound, nameWanted) - fitted[0].width))
        fitted[0].width += grow
        spare -= grow
        let growing = fitted.indices.dropFirst().filter { fitted[$0].column.width.count > 1 }
        while spare > 0, growing.contains(where: { fitted[$0].width < fitted[$0].column.width.upperBound }) {
            for i in growing where spare > 0 && fitted[i].width < fitted[i].column.width.upperBound {
                fitted[i].width += 1
                spare -= 1
            }
        }
        if fillsWidth { fitted[0].width = max(0, fitted[0].width + spare) }
        return fitted
    }
}
