import PodmemCore

/// Everything the screens show and the keys change. Pure data: the reducer edits it, screens read it.
public struct AppState: Sendable {
    public enum Screen: Sendable, Equatable {
        case main
        /// The detail of the pod with this cgroup path.
        case detail(cgroup: String)
        /// Help, remembering where to return.
        indirect case help(returnTo: Screen)
    }

    /// The latest poll: the one model every screen renders.
    public var model: MemoryModel? { didSet { refreshVisiblePods() } }
    /// The detail pod as the poll before saw it, for counter rates (refaults) in the detail view.
    /// One pod, not a whole previous document: the list never needs it, and a busy node's document is large.
    public var previousDetailPod: PodModel?
    public var screen: Screen = .main
    /// Selection follows the pod (by cgroup), not the row number, across re-sorts and polls.
    public var selectedCgroup: String?
    public var scrollOffset = 0
    public var sortColumn: SortColumn = .workingSet { didSet { refreshVisiblePods() } }
    public var sortDescending = true { didSet { refreshVisiblePods() } }
    public var filter = "" { didSet { refreshVisiblePods() } }
    public var isEditingFilter = false
    /// Seconds the sparklines and verdicts cover; the app hands it to the monitor. nil: all history (no span keys).
    public var spanSeconds: Double?
    /// Seconds of history held (see `Monitor.heldSeconds`), shown beside the span until it has filled.
    public var heldSeconds: Double = 0
    /// What `+` and `-` step through (see `SpanChoices`).
    public var spanChoices: [Double] = []
    public var paused = false
    public var mode = AppMode.live
    /// A one-line message on the status line (snapshot path, an error), with the time it was set.
    public var status: (text: String, isError: Bool, since: Double)?
    /// Rows available for the pod table in the current layout, set by the main screen's layout.
    public var pageRows = 10

    public init() {}

    /// The pods shown: filtered, then sorted. Kept up to date when the document, sort or filter changes,
    /// so a frame (and every key) does not sort the whole list again.
    public private(set) var visiblePods = VisiblePods()

    mutating func refreshVisiblePods() {
        visiblePods = VisiblePods(
            model?.pods ?? [], filter: filter, sortedBy: sortColumn, descending: sortDescending)
    }

    /// The pods in the table's rows now (the list's viewport).
    public var rowsOnScreen: Slice<VisiblePods> {
        let start = min(scrollOffset, visiblePods.count)
        return visiblePods[start..<min(visiblePods.count, start + pageRows)]
    }

    public var selectedIndex: Int {
        let pods = visiblePods
        return pods.firstIndex { $0.cgroup == selectedCgroup } ?? 0
    }
}

extension AppState {
    /// Keeps the selected row inside the visible window of `rows` rows and remembers the page size.
    public mutating func updateViewport(rows: Int) {
        pageRows = max(1, rows)
        let count = visiblePods.count
        if selectedCgroup == nil || !visiblePods.contains(where: { $0.cgroup == selectedCgroup }) {
            selectedCgroup = visiblePods.first?.cgroup
        }
        let selected = selectedIndex
        if selected < scrollOffset { scrollOffset = selected }
        if selected >= scrollOffset + pageRows { scrollOffset = selected - pageRows + 1 }
        scrollOffset = max(0, min(scrollOffset, max(0, count - pageRows)))
    }
}
