import PodmemCore

/// A column of the detail screen's container table, and how the table fits a width: like the pod list, the
/// secondary figures drop before the name is cut, and columns never touch (one space between them).
struct ContainerColumn: Equatable {
    enum Content: Equatable {
        case name, cacheShare, verdict, workingSetRate
        /// A figure's current value (`MemoryFigure.columns`).
        case figure(MemoryFigure)
    }

    let content: Content
    let title: String
    var width: Int
    /// Higher is kept longer when the terminal is narrow.
    let priority: Int

    static let nameMinimum = 16
    static let nameMaximum = 64
    static let nameComfortable = 40
    /// Columns below this priority drop before the name is cut below the longest name (up to `nameComfortable`).
    static let keptBeforeName = 96

    /// Left to right.
    static let all: [ContainerColumn] =
        [ContainerColumn(content: .name, title: "CONTAINER", width: nameMinimum, priority: 100)]
        + MemoryFigure.columns.compactMap { figure in
            figure.column.map {
                ContainerColumn(content: .figure(figure), title: $0.title, width: 8, priority: $0.priority)
            }
        }
        + [
            ContainerColumn(content: .cacheShare, title: "CACHE", width: 6, priority: 96),
            ContainerColumn(content: .verdict, title: "VERDICT", width: 7, priority: 98),
            ContainerColumn(content: .workingSetRate, title: "WS/s", width: 12, priority: 95),
        ]

    var isLeftAligned: Bool { content == .name || content == .verdict || content == .workingSetRate }

    /// The name starts at the longest name shown (up to `nameComfortable`); secondary columns drop, then the name
    /// shrinks, then the rest drop. Spare room widens the name up to the longest name, then is left blank.
    static func layout(width: Int, nameWanted: Int) -> [ContainerColumn] {
        var columns = all
        columns[0].width = max(nameMinimum, min(nameWanted, nameComfortable))
        func total() -> Int { columns.reduce(0) { $0 + $1.width } + max(0, columns.count - 1) }
        func leastImportant(below limit: Int) -> Int? {
            columns.indices.dropFirst().filter { columns[$0].priority < limit }.min {
                columns[$0].priority < columns[$1].priority
            }
        }
        while total() > width {
            if let drop = leastImportant(below: keptBeforeName) {
                columns.remove(at: drop)
            } else if columns[0].width > nameMinimum {
                columns[0].width -= 1
            } else if let drop = leastImportant(below: Int.max) {
                columns.remove(at: drop)
            } else {
                break
            }
        }
        columns[0].width += max(0, min(width - total(), min(nameWanted, nameMaximum) - columns[0].width))
        return columns
    }
}
