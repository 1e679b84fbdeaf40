import PodmemCore

/// A column of the pod table: its title, width and how important it is when space runs out.
struct PodColumn: Equatable {
    enum Content: Equatable {
        case name, workingSet, workingSetNoCache, rss, activeFile, inactiveFile, limit, limitPercent, cacheShare, verdict
        case trend(TrendSeries)
    }

    let content: Content
    let title: String
    var width: Int
    /// Higher is kept longer when the terminal is narrow.
    let priority: Int

    var isTrend: Bool { if case .trend = content { true } else { false } }

    static let nameMinimum = 16
    static let nameMaximum = 48
    static let nameComfortable = 32
    static let trendMinimum = 5
    static let trendPreferred = 12
    static let trendMaximum = 32

    /// Left to right.
    static let all: [PodColumn] = [
        PodColumn(content: .name, title: "NAME", width: nameMinimum, priority: 100),
        PodColumn(content: .workingSet, title: "WS", width: 8, priority: 99),
        PodColumn(content: .workingSetNoCache, title: "WS-NC", width: 8, priority: 97),
        PodColumn(content: .rss, title: "RSS", width: 8, priority: 80),
        PodColumn(content: .activeFile, title: "ACTIVE", width: 8, priority: 78),
        PodColumn(content: .inactiveFile, title: "INACTIVE", width: 8, priority: 60),
        PodColumn(content: .limit, title: "LIMIT", width: 8, priority: 70),
        PodColumn(content: .limitPercent, title: "%LIM", width: 5, priority: 72),
        PodColumn(content: .cacheShare, title: "CACHE", width: 6, priority: 96),
        PodColumn(content: .verdict, title: "VERDICT", width: 7, priority: 98),
        PodColumn(content: .trend(.workingSet), title: "ws", width: trendPreferred, priority: 90),
        PodColumn(content: .trend(.workingSetNoCache), title: "ws-nc", width: trendPreferred, priority: 84),
        PodColumn(content: .trend(.rss), title: "rss", width: trendPreferred, priority: 65),
        PodColumn(content: .trend(.activeFile), title: "active", width: trendPreferred, priority: 85),
        PodColumn(content: .trend(.inactiveFile), title: "inactive", width: trendPreferred, priority: 55),
    ]

    /// Fits the columns into `width`: the name starts at the longest name shown (up to `nameComfortable`);
    /// then trend columns shrink, then the name down to its minimum, then the least important columns drop.
    /// Spare room widens the name (up to `nameWanted`), then the trends. Columns are separated by one space.
    static func layout(width: Int, nameWanted: Int = nameMaximum) -> [PodColumn] {
        var columns = all
        let nameIndex = 0
        columns[nameIndex].width = max(nameMinimum, min(nameWanted, nameComfortable))
        func total() -> Int { columns.reduce(0) { $0 + $1.width } + max(0, columns.count - 1) }
        while total() > width {
            if columns.contains(where: { $0.isTrend && $0.width > trendMinimum }) {
                for i in columns.indices where columns[i].isTrend && columns[i].width > trendMinimum { columns[i].width -= 1 }
            } else if columns[nameIndex].width > nameMinimum {
                columns[nameIndex].width -= 1
            } else if let drop = columns.indices.dropFirst().min(by: { columns[$0].priority < columns[$1].priority }) {
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
