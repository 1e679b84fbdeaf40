import PodmemCore

/// A column of the pod table: its title, width and how important it is when space runs out.
struct PodColumn: Equatable {
    enum Content: Equatable {
        case name, limit, limitPercent, cacheShare, verdict
        /// A figure's current value (`MemoryFigure.columns`).
        case figure(MemoryFigure)
        /// A figure's sparkline (`MemoryFigure.trends`).
        case trend(MemoryFigure)
    }

    let content: Content
    let title: String
    var width: Int
    /// Higher is kept longer when the terminal is narrow.
    let priority: Int

    var isTrend: Bool { if case .trend = content { true } else { false } }

    static let nameMinimum = 16
    /// A namespace and a pod name of 63 characters each: wide terminals show any name whole.
    static let nameMaximum = 127
    /// What a name gets before anything but the sparklines and the secondary figures gives way: a whole
    /// `namespace/pod` up to this, middle-elided beyond (both ends identify a pod: namespace and replica suffix).
    static let nameComfortable = 40
    static let trendMinimum = 5
    static let trendMaximum = 32
    /// Columns below this priority drop before the name is cut below `nameComfortable`.
    static let keptBeforeName = 96

    /// Left to right: the name, the figures, LIMIT, %LIM, CACHE, VERDICT, then the figures' sparklines. When space
    /// runs out the sparklines go first, then RSS/ACTIVE/INACTIVE, then LIMIT/%LIM; the name, WS, WS-NC, CACHE and
    /// VERDICT stay (the priorities are the catalogue's).
    static let all: [PodColumn] =
        [PodColumn(content: .name, title: "NAME", width: nameMinimum, priority: 100)]
        + MemoryFigure.columns.compactMap { figure in
            figure.column.map { PodColumn(content: .figure(figure), title: $0.title, width: 8, priority: $0.priority) }
        }
        + [
            PodColumn(content: .limit, title: "LIMIT", width: 8, priority: 94),
            PodColumn(content: .limitPercent, title: "%LIM", width: 5, priority: 95),
            PodColumn(content: .cacheShare, title: "CACHE", width: 6, priority: 96),
            PodColumn(content: .verdict, title: "VERDICT", width: 7, priority: 98),
        ]
        + MemoryFigure.trends.compactMap { figure in
            figure.trend.map {
                PodColumn(content: .trend(figure), title: $0.shortTitle, width: trendMinimum, priority: $0.priority)
            }
        }

    /// What sorting by this column sorts by; nil for columns that do not sort.
    var sortColumn: SortColumn? {
        switch content {
        case .name: .name
        case .figure(let figure): .figure(figure)
        case .limitPercent: .limitPercent
        case .cacheShare: .cacheShare
        case .limit, .verdict, .trend: nil
        }
    }

    /// Fits the columns into `width`: the name starts at the longest name shown (up to `nameComfortable`), trends
    /// at their minimum; columns below `keptBeforeName` drop (least important first), then the name shrinks to its
    /// minimum, then the rest drop. Spare room widens the name (up to `nameWanted`: a whole name before wider
    /// sparklines), then the trends.
    /// Columns are separated by one space.
    static func layout(width: Int, nameWanted: Int = nameMaximum) -> [PodColumn] {
        var columns = all
        let nameIndex = 0
        columns[nameIndex].width = max(nameMinimum, min(nameWanted, nameComfortable))
        func total() -> Int { columns.reduce(0) { $0 + $1.width } + max(0, columns.count - 1) }
        func leastImportant(below limit: Int) -> Int? {
            columns.indices.dropFirst().filter { columns[$0].priority < limit }.min {
                columns[$0].priority < columns[$1].priority
            }
        }
        while total() > width {
            if let drop = leastImportant(below: keptBeforeName) {
                columns.remove(at: drop)
            } else if columns[nameIndex].width > nameMinimum {
                columns[nameIndex].width -= 1
            } else if let drop = leastImportant(below: Int.max) {
                columns.remove(at: drop)
            } else {
                break
            }
        }
        var spare = width - total()
        let grow = max(0, min(spare, min(nameMaximum, nameWanted) - columns[nameIndex].width))
        columns[nameIndex].width += grow
        spare -= grow
        let trends = columns.indices.filter { columns[$0].isTrend }
        while spare > 0, trends.contains(where: { columns[$0].width < trendMaximum }) {
            for i in trends where spare > 0 && columns[i].width < trendMaximum {
                columns[i].width += 1
                spare -= 1
            }
        }
        columns[nameIndex].width += spare
        return columns
    }
}
