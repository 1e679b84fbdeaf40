import PodmemCore

/// The two header lines: node figures as kubelet computes them, then the view's own state.
enum HeaderView {
    static let height = 2

    static func render(
        _ state: AppState, intervalSeconds: Double, context: ScreenContext, into frame: inout Frame, rect: Rect
    ) {
        guard rect.height >= 2 else { return }
        let sep = context.glyphs.separator
        var first = "podmem"
        if let document = state.model {
            let node = document.node
            first +=
                " \(document.host)\(sep)v\(document.cgroupVersion.rawValue)\(sep)MemTotal \(ByteFormat.human(node.memTotalBytes))"
            first +=
                "\(sep)available \(ByteFormat.human(node.availableBytes)) kubelet, \(ByteFormat.human(node.availableNoCacheBytes)) +active cache"
        } else {
            first += "\(sep)first poll…"
        }
        frame.fill(rect.rows(from: 0, count: 1), with: Cell(" ", style: Style(reverse: true)))
        context.put(
            first, x: rect.x, y: rect.y, style: Style(bold: true, reverse: true), limit: rect.width, into: &frame)

        var x = rect.x
        let y = rect.y + 1
        let liveStyle =
            state.paused
            ? Style(foreground: context.color ? .yellow : nil, bold: true, reverse: true) : Style(bold: true)
        if let clock = state.mode.replayClock {
            x += frame.put(
                "REPLAY \(clock)", x: x, y: y,
                style: Style(foreground: context.color ? .cyan : nil, bold: true, reverse: true))
        } else {
            x += frame.put(state.paused ? "PAUSED" : "LIVE", x: x, y: y, style: liveStyle)
        }
        let arrow = state.sortDescending ? context.glyphs.down : context.glyphs.up
        var second =
            "\(sep)\(state.model.map(WorkloadSummary.count) ?? "0 pods")\(sep)every \(Self.seconds(intervalSeconds))\(sep)span \(state.model?.windowSeconds.map(Self.seconds) ?? "all")"
        second += held(state, intervalSeconds: intervalSeconds)
        second += "\(sep)sort \(state.sortColumn.title) \(arrow)"
        context.put(second, x: x, y: y, limit: rect.x + rect.width - x, into: &frame)
        x += TextFit.ascii(second, glyphs: context.glyphs).count
        if state.isEditingFilter || !state.filter.isEmpty {
            let filter = "\(sep)filter: \(state.filter)\(state.isEditingFilter ? "_" : "")"
            context.put(
                filter, x: x, y: y, style: Style(foreground: context.color ? .yellow : nil, bold: true),
                limit: rect.x + rect.width - x, into: &frame)
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
