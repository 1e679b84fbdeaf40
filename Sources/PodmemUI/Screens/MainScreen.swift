import PodmemCore

/// The pod list: header, one row per pod with figures, verdict and trends, legend, status line.
public enum MainScreen {
    public static let minimumWidth = 60
    public static let minimumHeight = 10
    static func hints(_ state: AppState) -> [ItemLine.Item] {
        [
            .init("q quit", priority: 9), .init("? help", priority: 8), .init("↑↓ move", priority: 5),
            .init("Enter detail", priority: 7), .init("< > sort", priority: 4), .init("c cache", priority: 2),
            .init("/ filter", priority: 6), .init("+ - span", priority: 3),
        ]
            + (state.mode == .live
                ? [.init("s snapshot", priority: 1), .init("space pause", priority: 1)] : StatusLine.replayHints)
    }

    /// Rows left for pods: header (2), column titles, legend and status line take 5.
    public static func tableRows(height: Int) -> Int { max(1, height - 5) }

    public static func render(
        _ state: AppState, intervalSeconds: Double, context: ScreenContext, into frame: inout Frame
    ) {
        let (width, height) = (frame.width, frame.height)
        guard width >= minimumWidth, height >= minimumHeight else {
            TooSmallScreen.render(width: width, height: height, need: (minimumWidth, minimumHeight), into: &frame)
            return
        }
        HeaderView.render(
            state, intervalSeconds: intervalSeconds, context: context, into: &frame,
            rect: Rect(x: 0, y: 0, width: width, height: HeaderView.height))
        let pods = state.visiblePods
        let columns = PodColumn.layout(width: width, nameWanted: pods.widestName)
        renderTitles(columns, state: state, context: context, y: 2, into: &frame)

        let rows = tableRows(height: height)
        let selected = state.selectedIndex
        for (offset, pod) in pods.dropFirst(state.scrollOffset).prefix(rows).enumerated() {
            let y = 3 + offset
            renderRow(pod, columns: columns, context: context, y: y, into: &frame)
            if state.scrollOffset + offset == selected {
                // Highlight the figures, not the sparklines: reversed blocks would turn a trend into a solid bar.
                let figuresWidth = columns.prefix { !$0.isTrend }.reduce(0) { $0 + $1.width + 1 }
                frame.restyle(y: y, x: 0, width: min(width, figuresWidth)) { $0.reverse = true }
            }
        }
        if let document = state.document, WorkloadSummary.foundNothing(document), state.filter.isEmpty {
            context.put(
                WorkloadSummary.nothingFound(root: document.root), x: 1, y: 4, style: .muted, limit: width - 1,
                into: &frame)
        }
        if pods.isEmpty {
            let text =
                state.document == nil
                ? "reading cgroups…"
                : state.filter.isEmpty ? "no workloads found" : "no pod matches \"\(state.filter)\""
            context.put(text, x: 1, y: 4, style: .muted, into: &frame)
        }
        context.put(VerdictBadge.legend(width: width), x: 0, y: height - 2, style: .muted, limit: width, into: &frame)
        StatusLine.render(state, hints: hints(state), context: context, into: &frame, y: height - 1)
    }

    static func renderTitles(
        _ columns: [PodColumn], state: AppState, context: ScreenContext, y: Int, into frame: inout Frame
    ) {
        var x = 0
        for column in columns {
            let isSorted = column.sortColumn == state.sortColumn
            let title =
                isSorted
                ? column.title + String(state.sortDescending ? context.glyphs.down : context.glyphs.up) : column.title
            let leftAligned = column.isTrend || column.content == .name || column.content == .verdict
            let text =
                leftAligned
                ? TextFit.padRight(title, column.width, glyphs: context.glyphs)
                : TextFit.padLeft(title, column.width, glyphs: context.glyphs)
            frame.put(text, x: x, y: y, style: Style(bold: true))
            if isSorted {
                // Underline the title itself, not its padding.
                let start = leftAligned ? x : x + max(0, column.width - title.count)
                frame.restyle(y: y, x: start, width: min(title.count, column.width)) { $0.underline = true }
            }
            x += column.width + 1
        }
    }

    static func renderRow(
        _ pod: SnapshotPod, columns: [PodColumn], context: ScreenContext, y: Int, into frame: inout Frame
    ) {
        var x = 0
        let glyphs = context.glyphs
        let growthClass = pod.growth.class
        let trends = columns.compactMap { column -> (series: MemoryFigure, width: Int)? in
            if case .trend(let series) = column.content { (series, column.width) } else { nil }
        }
        func scale(_ series: MemoryFigure) -> ChartScale {
            let compared = trends.filter { series.comparedWith.contains($0.series) }
            return ChartScale(series: compared.map { ($0.series.values(pod.history), $0.width) }, growth: pod.growth)
        }
        for column in columns {
            var style = Style.plain
            let text: String
            switch column.content {
            case .name:
                text = TextFit.padRight(
                    PodLabel.name(pod, fitting: column.width, glyphs: glyphs), column.width, glyphs: glyphs)
            case .figure(let figure): text = number(figure.current(pod.memory), column)
            case .limit:
                text = TextFit.padLeft(
                    pod.memory.limitBytes.map { ByteFormat.human($0) } ?? "none", column.width, glyphs: glyphs)
            case .limitPercent:
                let fraction = pod.memory.limitFraction
                if let fraction, fraction >= 0.9 { style = Style(foreground: context.color ? .red : nil, bold: true) }
                text = TextFit.padLeft(ByteFormat.percent(fraction), column.width, glyphs: glyphs)
            case .cacheShare: text = TextFit.padLeft(ByteFormat.percent(pod.cacheShare), column.width, glyphs: glyphs)
            case .verdict:
                style = VerdictBadge.style(growthClass, color: context.color)
                text = TextFit.padRight(VerdictBadge.text(growthClass), column.width, glyphs: glyphs)
            case .trend(let series):
                style = trendStyle(series, growthClass: growthClass, context: context)
                text = Sparkline.render(
                    series.values(pod.history), width: column.width, glyphs: glyphs,
                    minimumRange: scale(series).spanBytes)
            }
            frame.put(text, x: x, y: y, style: style, limit: column.width)
            x += column.width + 1
        }
    }

    static func number(_ bytes: UInt64?, _ column: PodColumn) -> String {
        let text = ByteFormat.human(bytes)
        return String(repeating: " ", count: max(0, column.width - text.count)) + text
    }

    /// The series that drives a growing pod's verdict is drawn in the verdict's color.
    static func trendStyle(_ series: MemoryFigure, growthClass: GrowthClass, context: ScreenContext) -> Style {
        guard context.color else { return .plain }
        switch (growthClass, series) {
        case (.cacheDriven, .activeFile), (.cacheDriven, .workingSet): return Style(foreground: .cyan)
        case (.anonDriven, .workingSetNoCache), (.anonDriven, .rss), (.anonDriven, .workingSet):
            return Style(foreground: .red)
        default: return Style(foreground: .green)
        }
    }
}
