/// Which column a `TableColumn` is, so a screen can sort by it and style its cells.
public enum TableColumnKey: Sendable, Hashable {
    case name, qos, limit, limitPercent, cacheShare, workingSetRate, verdict
    /// A figure's current value (`MemoryFigure.columns`).
    case figure(MemoryFigure)
    /// A figure's sparkline (`MemoryFigure.trends`).
    case trend(MemoryFigure)
}
