import PodmemCore

/// The pods the list shows, filtered and sorted, as positions into the document's pods: a busy node's pods are
/// not copied into a second array on every poll, sort or filter key.
public struct VisiblePods: RandomAccessCollection, Sendable {
    private let pods: [PodModel]
    private let order: [Int32]
    /// Widest `PodLabel.name` among them, for the name column (measured once, not on every frame).
    public let widestName: Int

    public init() {
        self.init(pods: [], order: [], widestName: 0)
    }

    private init(pods: [PodModel], order: [Int32], widestName: Int) {
        self.pods = pods
        self.order = order
        self.widestName = widestName
    }

    /// The pods matching `filter`, sorted by `column`; ties fall back to the name so rows do not jump between polls.
    public init(_ pods: [PodModel], filter: String, sortedBy column: SortColumn, descending: Bool) {
        let needle = filter.lowercased()
        var names: [String] = []
        names.reserveCapacity(pods.count)
        var kept: [Int32] = []
        kept.reserveCapacity(pods.count)
        var widest = 0
        for (index, pod) in pods.enumerated() {
            let name = pod.displayName
            names.append(name)
            guard needle.isEmpty || name.lowercased().contains(needle) else { continue }
            kept.append(Int32(index))
            widest = Swift.max(widest, name.count)
        }
        let keys = column == .name ? [] : pods.map(column.key)
        kept.sort { a, b in
            let (a, b) = (Int(a), Int(b))
            if column != .name, keys[a] != keys[b] { return descending ? keys[a] > keys[b] : keys[a] < keys[b] }
            return (column == .name && descending) ? names[a] > names[b] : names[a] < names[b]
        }
        self.init(pods: pods, order: kept, widestName: widest)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { order.count }
    public subscript(position: Int) -> PodModel { pods[Int(order[position])] }
}
