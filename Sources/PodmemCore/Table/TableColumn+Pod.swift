/// The pod tables: the pod list on screen, `--batch` and `report`.
extension TableColumn where Row == PodModel {
    /// The display name, and what kind of workload it is unless a pod (not sanitised: outputs do that).
    public static func label(_ pod: PodModel) -> String {
        pod.kind == .pod ? pod.displayName : "\(pod.displayName) (\(pod.kind.rawValue))"
    }

    /// From 16 columns up to a namespace and a pod name of 63 characters each: wide terminals show any name whole.
    public static var name: TableColumn {
        TableColumn(key: .name, title: "NAME", alignment: .left, width: 16...127, priority: 100) { .text(label($0)) }
    }

    public static var qos: TableColumn {
        TableColumn(key: .qos, title: "QOS", alignment: .left, width: 10...10, priority: 90) {
            .text($0.qos?.rawValue ?? "-")
        }
    }

    public static var limit: TableColumn {
        TableColumn(key: .limit, title: "LIMIT", alignment: .right, width: 8...8, priority: 94) {
            .text($0.memory[.limit].map { ByteFormat.human($0) } ?? "none")
        }
    }

    /// The working set's share of the limit.
    public static var limitPercent: TableColumn {
        TableColumn(key: .limitPercent, title: "%LIM", alignment: .right, width: 5...5, priority: 95) {
            .text(ByteFormat.percent($0.memory.limitFraction))
        }
    }

    /// A figure's history as a sparkline, titled and ranked by the catalogue (`MemoryFigure.trends`).
    public static func trend(_ figure: MemoryFigure) -> TableColumn? {
        figure.trend.map { trend in
            TableColumn(
                key: .trend(figure), title: trend.shortTitle, alignment: .left, width: 5...32, priority: trend.priority
            ) { .series(figure.values($0.history), floorBytes: ChartScale.floorBytes($0.growth)) }
        }
    }

    /// The pod list, left to right: the name, the figures, LIMIT, %LIM, CACHE, VERDICT, then the figures' sparklines.
    /// When space runs out the sparklines go first, then RSS/ACTIVE/INACTIVE, then LIMIT/%LIM; the name, WS, WS-NC,
    /// CACHE and VERDICT stay.
    public static var podList: [TableColumn] {
        [name] + figures + [limit, limitPercent, cacheShare, verdict] + MemoryFigure.trends.compactMap(trend)
    }

    /// `--batch`: the pod list's figures with the QOS class and the working set's rate, without sparklines.
    public static var batch: [TableColumn] {
        [name, qos] + figures + [limit, limitPercent, cacheShare, workingSetRate, verdict]
    }

    /// `report`: the batch table and the working set's sparkline.
    public static var report: [TableColumn] { batch + [trend(.workingSet)].compactMap { $0 } }
}
