import PodmemCore

/// The two header lines: node figures as kubelet computes them, then the view's own state.
enum HeaderView {
    static let height = 2

    static func render(
        _ state: AppState, intervalSeconds: Double, context: ScreenContext, into frame: inout Frame, rect: Rect
    ) {
        guard rect.height >= 2 else { return }
        let sep = context.glyphs.separator
        // At 80 columns the node's figures give way from the least telling: the cgroup version, then MemTotal.
        var first: [ItemLine.Item] = []
        if let document = state.model {
            let node = document.node
            let available = ByteFormat.human(node.availableBytes)
            let availableNoCache = ByteFormat.human(node.availableNoCacheBytes)
            first = [
                .init("podmem \(document.host)", priority: 4),
                .init("v\(document.cgroupVersion.rawValue)", priority: 1),
                .init("MemTotal \(ByteFormat.human(node.memTotalBytes))", priority: 2),
                .init(
                    [
                        "available \(available) kubelet, \(availableNoCache) +active cache",
                        "available \(available) kubelet, \(availableNoCache) +cache",
                    ], priority: 3),
            ]
        } else {
            first = [.init("podmem", priority: 2), .init("first poll…", priority: 1)]
        }
        frame.fill(rect.rows(from: 0, count: 1), with: Cell(" ", style: Style(reverse: true)))
        context.put(
            ItemLine.fit(first, separator: sep, width: rect.width, glyphs: context.glyphs), x: rect.x, y: rect.y,
            style: Style(bold: true, reverse: true), limit: rect.width, into: &frame)

        var x = rect.x
        let y = rect.y + 1
        let liveStyle =
            state.paused
            ? Style(foreground: context.color ? .yellow : nil, bold: true, reverse: true) : Style(bold: true)
        if let clock = state.mode.replayClock {
            x += frame.put(
                TextFit.ascii("REPLAY \(clock)", glyphs: context.glyphs), x: x, y: y,
                style: Style(foreground: context.color ? .cyan : nil, bold: true, reverse: true))
        } else {
            x += frame.put(state.paused ? "PAUSED" : "LIVE", x: x, y: y, style: liveStyle)
        }
        let arrow = state.sortDescending ? context.glyphs.down : context.glyphs.up
        // The filter being typed stays longest; then the span (what verdicts cover), the count, the sort, the interval.
        // The first item stands for the mode drawn already: it is never dropped, and the separator follows it.
        var second: [ItemLine.Item] = [
            .init("", priority: 6),
            .init(state.model.map(WorkloadSummary.count) ?? "0 pods", priority: 3),
            .init("every \(Self.seconds(intervalSeconds))", priority: 1),
            .init(
                "span \(state.model?.windowSeconds.map(Self.seconds) ?? "all")"
                    + held(state, intervalSeconds: intervalSeconds), priority: 4),
            .init("sort \(state.sortColumn.title) \(arrow)", priority: 2),
        ]
        let filterShown = state.isEditingFilter || !state.filter.isEmpty
        if filterShown {
            second.append(.init("filter: \(state.filter)\(state.isEditingFilter ? "_" : "")", priority: 5))
        }
        let line = ItemLine(second, separator: sep, width: rect.x + rect.width - x, glyphs: context.glyphs)
        for (index, text) in line.shown.dropFirst() {
            let isFilter = filterShown && index == second.count - 1
            let style = isFilter ? Style(foreground: context.color ? .yellow : nil, bold: true) : Style.plain
            x += frame.put(
                TextFit.ascii(sep + text, glyphs: context.glyphs), x: x, y: y, style: style,
                limit: rect.x + rect.width - x)
        }
    }

    /// ` (3m held)` while the history held is shorter than the span (always for "span all"), so "span 24h" is not
    /// read as 24 hours of data; empty once the span has filled.
    static func held(_ state: AppState, intervalSeconds: Double) -> String {
        // n polls cover (n − 1) intervals: within one interval of the span, the span is full.
        if let window = state.model?.windowSeconds, state.heldSeconds >= window - intervalSeconds { return "" }
        guard state.model != nil else { return "" }
        return " (\(duration(state.heldSeconds)) held)"
    }

    /// A whole number of the largest fitting unit, rounded down so it never claims more than is held:
    /// `45s`, `3m`, `5h`, `2d`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(max(0, seconds))
        if whole < 120 { return "\(whole)s" }
        if whole < 2 * 3600 { return "\(whole / 60)m" }
        if whole < 2 * 86400 { return "\(whole / 3600)h" }
        return "\(whole / 86400)d"
    }

    /// `1s`, `0.5s`, `5m`, `2h`.
    static func seconds(_ value: Double) -> String {
        guard abs(value) < 1e15 else { return ByteFormat.fixed(value, decimals: 2) + "s" }
        if value >= 3600, value.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(value / 3600))h" }
        if value >= 60, value.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(value / 60))m" }
        if value == value.rounded() { return "\(Int(value))s" }
        return ByteFormat.fixed(value, decimals: 2) + "s"
    }
}
