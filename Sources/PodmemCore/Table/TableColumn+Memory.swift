/// The columns pods and containers share: a title, a format and a width exist once here.
extension TableColumn where Row: MemoryTableRow {
    /// A figure's current value, titled and ranked by the catalogue (`MemoryFigure.columns`).
    public static func figure(_ figure: MemoryFigure) -> TableColumn? {
        figure.column.map { column in
            TableColumn(
                key: .figure(figure), title: column.title, alignment: .right, width: 8...8, priority: column.priority
            ) { .text(ByteFormat.human($0.memory[figure])) }
        }
    }

    /// Every figure with a column, left to right.
    public static var figures: [TableColumn] { MemoryFigure.columns.compactMap(figure) }

    /// The working set's share that is active page cache.
    public static var cacheShare: TableColumn {
        TableColumn(key: .cacheShare, title: "CACHE", alignment: .right, width: 6...6, priority: 96) {
            .text(ByteFormat.percent($0.cacheShare))
        }
    }

    /// The working set's trend over the window, per second.
    public static var workingSetRate: TableColumn {
        TableColumn(key: .workingSetRate, title: "WS/s", alignment: .right, width: 12...12, priority: 95) {
            .text(ByteFormat.rate($0.growth.workingSetBytesPerSecond))
        }
    }

    public static var verdict: TableColumn {
        TableColumn(key: .verdict, title: "VERDICT", alignment: .left, width: 7...7, priority: 98) {
            .verdict($0.growth.class)
        }
    }
}
