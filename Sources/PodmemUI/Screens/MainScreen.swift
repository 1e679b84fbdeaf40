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
        let columns = TableLayout.fit(TableColumn.podList, width: width, nameWanted: pods.widestName, fillsWidth: true)
        renderTitles(columns, state: state, context: context, y: 2, into: &frame)

        let rows = tableRows(height: height)
        let selected = state.selectedIndex
        for (offset, pod) in pods.dropFirst(state.scrollOffset).prefix(rows).enumerated() {
            let y = 3 + offset
            renderRow(pod, columns: columns, context: context, y: y, into: &frame)
            if state.scrollOffset + offset == selected {
                // Highlight the figures, not the sparklines: reversed blocks would turn a trend into a solid bar.
                let figuresWidth = columns.prefix { !$0.column.isTrend }.reduce(0) { $0 + $1.width + 1 }
                frame.restyle(y: y, x: 0, width: min(width, figuresWidth)) { $0.reverse = true }
            }
        }
        if let document = state.model, WorkloadSummary.foundNothing(document), state.filter.isEmpty {
            context.put(
                WorkloadSummary.nothingFound(root: document.root), x: 1, y: 4, style: .muted, limit: width - 1,
                into: &frame)
        }
        if pods.isEmpty {
            let text =
                state.model == nil
                ? "reading cgroups…"
                : state.filter.isEmpty ? "no workloads found" : "no pod matches \"\(state.filter)\""
            context.put(text, x: 1, y: 4, style: .muted, into: &frame)
        }
        context.put(VerdictBadge.legend(width: width), x: 0, y: height - 2, style: .muted, limit: width, into: &frame)
        StatusLine.render(state, hints: hints(state), context: context, into: &frame, y: height - 1)
    }

    static func renderTitles(
        _ columns: [(column: TableColumn<PodModel>, width: Int)], state: AppState, context: ScreenContext, y: Int,
        into frame: inout Frame
    ) {
        var x = 0
        for (column, width) in columns {
            let isSorted = SortColumn(column.key) == state.sortColumn
            let title =
                isSorted
                ? column.title + String(state.sortDescending ? context.glyphs.down : context.glyphs.up) : column.title
            let text = TableCellText.fit(title, column: column, width: width, glyphs: context.glyphs)
            frame.put(text, x: x, y: y, style: Style(bold: true))
            if isSorted {
                // Underline the title itself, not its padding.
                let start = column.alignment == .left ? x : x + max(0, width - title.count)
                frame.restyle(y: y, x: start, width: min(title.count, width)) { $0.underline = true }
            }
            x += width + 1
        }
    }

    static func renderRow(
        _ pod: PodModel, columns: [(column: TableColumn<PodModel>, width: Int)], context: ScreenContext, y: Int,
        into frame: inout Frame
    ) {
        var x = 0
        let glyphs = context.glyphs
        let growthClass = pod.growth.class
        let cells = columns.map { $0.column.cell(pod) }
        let trends = zip(columns, cells).compactMap {
            fitted, cell -> (series: MemoryFigure, values: [Double?], width: Int)? in
            guard case .trend(let series) = fitted.column.key, case .series(let values, _) = cell else { return nil }
            return (series, values, fitted.width)
        }
        func scale(_ series: MemoryFigure) -> ChartScale {
            let compared = trends.filter { series.comparedWith.contains($0.series) }
            return ChartScale(series: compared.map { ($0.values, $0.width) }, growth: pod.growth)
        }
        for ((column, width), cell) in zip(columns, cells) {
            var style = Style.plain
            let text: String
            switch column.key {
            case .name:
                text = TextFit.padRight(PodLabel.name(pod, fitting: width, glyphs: glyphs), width, glyphs: glyphs)
            case .trend(let series):
                style = trendStyle(series, growthClass: growthClass, context: context)
                text = TableCellText.text(
                    cell, column: column, width: width, glyphs: glyphs, seriesScale: scale(series))
            default:
                text = TableCellText.text(cell, column: column, width: width, glyphs: glyphs)
            }
            if column.key == .verdict { style = VerdictBadge.style(growthClass, color: context.color) }
            if column.key == .limitPercent, let fraction = pod.memory.limitFraction, fraction >= 0.9 {
                style = Style(foreground: context.color ? .red : nil, bold: true)
            }
            frame.put(text, x: x, y: y, style: style, limit: width)
            x += width + 1
        }
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
