import PodmemCore

/// One pod in depth: the verdict in words, usage split into its parts against the limit, tall charts of the
/// five series, growth per component, kernel signals, and every container with its own numbers.
public enum DetailScreen {
    public static let minimumWidth = 60
    public static let minimumHeight = 16
    static func hints(_ state: AppState) -> String {
        "Esc back · ? help · " + (state.mode == .live ? "s snapshot · space pause" : StatusLine.replayHints)
            + " · q quit"
    }
    static let labelWidth = 36

    public static func render(_ state: AppState, cgroup: String, context: ScreenContext, into frame: inout Frame) {
        let (width, height) = (frame.width, frame.height)
        guard width >= minimumWidth, height >= minimumHeight else {
            TooSmallScreen.render(width: width, height: height, need: (minimumWidth, minimumHeight), into: &frame)
            return
        }
        guard let pod = state.model?.pods.first(where: { $0.cgroup == cgroup }) else {
            context.put("\(cgroup): gone (the cgroup was removed) · Esc back", x: 0, y: 0, style: .header, into: &frame)
            StatusLine.render(state, hints: hints(state), context: context, into: &frame, y: height - 1)
            return
        }
        let previous = state.previousDetailPod?.cgroup == cgroup ? state.previousDetailPod : nil
        var y = 0
        renderTitle(pod, replayClock: state.mode.replayClock, context: context, y: &y, into: &frame)
        renderSentence(pod, context: context, y: &y, into: &frame)
        renderUsageBar(pod, context: context, y: &y, into: &frame)

        let containerRows = min(pod.containers.count, 6)
        let reserved = 2 + (containerRows > 0 ? containerRows + 2 : 0) + 1
        let cacheFileRows = CacheFilesSection.rows(pod, available: max(0, height - y - reserved))
        let chartRows = max(0, height - y - reserved - cacheFileRows)
        renderCharts(pod, rows: chartRows, context: context, y: &y, into: &frame)
        CacheFilesSection.render(pod, rows: cacheFileRows, context: context, y: &y, into: &frame)
        let elapsed = previous?.history.last.flatMap { before in pod.history.last.map { $0.time - before.time } }
        renderSignals(
            pod, previous: previous, elapsed: elapsed.flatMap { $0 > 0 ? $0 : nil }, context: context, y: &y,
            into: &frame)
        if containerRows > 0 { renderContainers(pod, maxRows: containerRows, context: context, y: &y, into: &frame) }
        StatusLine.render(state, hints: hints(state), context: context, into: &frame, y: height - 1)
    }

    static func renderTitle(
        _ pod: PodModel, replayClock: String?, context: ScreenContext, y: inout Int, into frame: inout Frame
    ) {
        let sep = context.glyphs.separator
        var title = replayClock.map { "REPLAY \($0)\(sep)" } ?? ""
        title += pod.displayName + sep + pod.kind.rawValue
        if let qos = pod.qos { title += sep + qos.rawValue }
        if let uid = pod.uid { title += sep + "uid " + uid }
        title += sep + pod.cgroup
        frame.fill(Rect(x: 0, y: y, width: frame.width, height: 1), with: Cell(" ", style: Style(reverse: true)))
        context.put(title, x: 0, y: y, style: Style(bold: true, reverse: true), limit: frame.width, into: &frame)
        y += 1
    }

    static func renderSentence(_ pod: PodModel, context: ScreenContext, y: inout Int, into frame: inout Frame) {
        let growthClass = pod.growth.class
        let badge = VerdictBadge.text(growthClass) + " "
        let sentence = VerdictSentence.describe(growth: pod.growth, memory: pod.memory, cacheFiles: pod.cacheFiles)
        let lines = wrap(TextFit.ascii(sentence, glyphs: context.glyphs), width: frame.width - badge.count, maxLines: 2)
        frame.put(badge, x: 0, y: y, style: VerdictBadge.style(growthClass, color: context.color))
        for line in lines {
            frame.put(line, x: badge.count, y: y)
            y += 1
        }
        y += 1
    }

    static func renderUsageBar(_ pod: PodModel, context: ScreenContext, y: inout Int, into frame: inout Frame) {
        let m = pod.memory
        let usage = Double(m.usageBytes ?? 0)
        let total = max(usage, Double(m.limitBytes ?? 0))
        let color = context.color
        let glyphs = context.glyphs
        let rss = Double(m.rssBytes ?? 0)
        let shmem = Double(m.shmemBytes ?? 0)
        let kernel = Double(m.kernelBytes ?? 0)
        let active = Double(m.activeFileBytes ?? 0)
        let inactive = Double(m.inactiveFileBytes ?? 0)
        let other = max(0, usage - rss - shmem - kernel - active - inactive)
        let parts: [(String, Double, Style, Character)] = [
            ("anon", rss, Style(foreground: color ? .red : nil), glyphs.fullBlock),
            ("shmem", shmem, Style(foreground: color ? .magenta : nil), glyphs.isUnicode ? "▓" : "S"),
            (
                m.kernelBytes == nil ? "other" : "kernel", kernel + other, Style(foreground: color ? .yellow : nil),
                glyphs.isUnicode ? "▒" : "K"
            ),
            ("active_file", active, Style(foreground: color ? .cyan : nil), glyphs.isUnicode ? "░" : "a"),
            (
                "inactive_file", inactive, Style(foreground: color ? .blue : nil, dim: true),
                glyphs.isUnicode ? "·" : "."
            ),
        ]
        let limitText = m.limitBytes.map { "of limit \(ByteFormat.human($0))" } ?? "(no limit)"
        context.put(
            "usage \(ByteFormat.human(m.usageBytes)) \(limitText) · WS \(ByteFormat.human(m.workingSetBytes)) · WS-NC \(ByteFormat.human(m.workingSetNoCacheBytes)) · cache share \(ByteFormat.percent(pod.cacheShare))",
            x: 0, y: y, style: .header, limit: frame.width, into: &frame)
        y += 1
        let barRect = Rect(x: 0, y: y, width: frame.width, height: 1)
        frame.put(String(repeating: " ", count: frame.width), x: 0, y: y, style: .muted)
        if total > 0 {
            StackedBar.render(
                parts.map { StackedBar.Part(bytes: $0.1, style: $0.2, fill: $0.3) }, total: total,
                marks: [m.workingSetNoCacheBytes, m.workingSetBytes].compactMap { $0.map { Double($0) } },
                in: barRect, into: &frame, glyphs: glyphs)
        }
        y += 1
        var x = 0
        for part in parts where x < frame.width {
            let text = "\(part.3) \(part.0) \(ByteFormat.human(part.1)) "
            context.put(text, x: x, y: y, style: part.2, into: &frame)
            x += text.count
        }
        context.put("\(glyphs.marker) WS-NC, WS", x: x, y: y, style: .header, limit: frame.width - x, into: &frame)
        y += 2
    }

    /// Each chart's axis is labelled at the chart's left edge: its top and bottom in bytes (or both on the one row of
    /// a one-row chart). The working sets and rss share one scale, active and inactive file another (`ChartScale`).
    static func renderCharts(
        _ pod: PodModel, rows: Int, context: ScreenContext, y: inout Int, into frame: inout Frame
    ) {
        let series = MemoryFigure.trends
        let shown = min(series.count, rows)
        guard shown > 0 else { return }
        let perChart = max(1, rows / shown)
        let chartWidth = frame.width - labelWidth
        let glyphs = context.glyphs
        let bar = String(glyphs.verticalBar)
        for item in series.prefix(shown) {
            let values = item.values(pod.history)
            let scale = ChartScale(
                series: item.comparedWith.map { ($0.values(pod.history), chartWidth) }, growth: pod.growth)
            let lines = Sparkline.renderTall(
                values, width: chartWidth, height: perChart, glyphs: glyphs, minimumRange: scale.spanBytes)
            let axis = scale.axis(values, width: chartWidth)
            let bottom = ByteFormat.human(axis.map { UInt64($0.bottom.rounded()) })
            let top = ByteFormat.human(axis.map { UInt64($0.top.rounded()) })
            let detail = "\(ByteFormat.human(pod.memory[item])) \(ByteFormat.rate(item.rate(pod.growth)))"
            if perChart == 1 {
                let range = axis == nil ? "" : "\(bottom)–\(top)" + bar
                context.put(
                    item.trend?.shortTitle ?? item.longTitle, x: 0, y: y, style: .header,
                    limit: labelWidth - range.count - 1, into: &frame)
                context.put(range, x: labelWidth - range.count, y: y, into: &frame)
            } else {
                let topLabel = axis == nil ? "" : top + bar
                let bottomLabel = axis == nil ? "" : bottom + bar
                let last = y + perChart - 1
                context.put(
                    item.longTitle, x: 0, y: y, style: .header, limit: labelWidth - topLabel.count - 1, into: &frame)
                context.put(
                    detail, x: 0, y: y + 1, limit: labelWidth - (perChart == 2 ? bottomLabel.count : 0) - 1,
                    into: &frame)
                if axis != nil {
                    for row in y + 1..<last { context.put(bar, x: labelWidth - 1, y: row, into: &frame) }
                    context.put(topLabel, x: labelWidth - topLabel.count, y: y, into: &frame)
                    context.put(bottomLabel, x: labelWidth - bottomLabel.count, y: last, into: &frame)
                }
            }
            let style = MainScreen.trendStyle(item, growthClass: pod.growth.class, context: context)
            for (offset, line) in lines.enumerated() { frame.put(line, x: labelWidth, y: y + offset, style: style) }
            y += perChart
        }
    }

    static func renderSignals(
        _ pod: PodModel, previous: PodModel?, elapsed: Double?, context: ScreenContext,
        y: inout Int, into frame: inout Frame
    ) {
        let s = pod.signals
        let sep = context.glyphs.separator
        var parts: [String] = []
        if let some = s.pressureSomeAvg10 {
            parts.append(
                "PSI some \(ByteFormat.fixed(some, decimals: 2))/\(ByteFormat.fixed(s.pressureSomeAvg60 ?? 0, decimals: 2))"
                    + " full \(ByteFormat.fixed(s.pressureFullAvg10 ?? 0, decimals: 2))/\(ByteFormat.fixed(s.pressureFullAvg60 ?? 0, decimals: 2)) (avg10/avg60 %)"
            )
        }
        var refaultRate: Double?
        if let refaults = s.workingsetRefaultFile {
            if let before = previous?.signals.workingsetRefaultFile, let elapsed, refaults >= before {
                refaultRate = Double(refaults - before) / elapsed
            }
            parts.append(
                "file refaults \(refaults) total"
                    + (refaultRate.map { " (\(ByteFormat.fixed($0, decimals: 1))/s)" } ?? ""))
        }
        if let oom = s.oomEvents { parts.append("oom \(oom)") }
        if let kills = s.oomKillEvents { parts.append("oom_kill \(kills)") }
        if let high = s.highEvents { parts.append("high \(high)") }
        if let max = s.maxEvents { parts.append("max \(max)") }
        if let failures = s.failCount { parts.append("failcnt \(failures)") }
        let rates =
            "growth/s: "
            + MemoryFigure.trends.map { figure in
                "\(figure.trend?.shortTitle ?? figure.longTitle) \(ByteFormat.rate(figure.rate(pod.growth)))"
            }.joined(separator: " · ")
        context.put(rates, x: 0, y: y, limit: frame.width, into: &frame)
        y += 1
        // The count is cumulative (since the cgroup was created): only its rate says whether reclaim is going on now.
        let reclaim: String
        let pressure = s.pressureSomeAvg10.map { _ in ", no pressure" } ?? ""
        if (refaultRate ?? 0) > 0 || (s.pressureSomeAvg10 ?? 0) > 0 {
            reclaim = "cache is being reclaimed and read back (refaults/pressure): this pod needs its cache"
        } else if refaultRate != nil {
            reclaim = "no new refaults\(pressure): the cache sits on the active list, reclaimable on demand"
        } else if s.workingsetRefaultFile != nil {
            reclaim = "refault rate from the next poll" + pressure
        } else if s.pressureSomeAvg10 != nil {
            reclaim = "no pressure: the cache is reclaimable on demand"
        } else {
            reclaim = "no reclaim signals on this kernel"
        }
        context.put(
            (parts.isEmpty ? "" : parts.joined(separator: sep) + sep) + reclaim, x: 0, y: y, style: .muted,
            limit: frame.width, into: &frame)
        y += 1
    }

    static func renderContainers(
        _ pod: PodModel, maxRows: Int, context: ScreenContext, y: inout Int, into frame: inout Frame
    ) {
        let glyphs = context.glyphs
        // Largest working set first, the sandbox last, like the pod list.
        let ordered = pod.containers.sorted { a, b in
            a.sandbox != b.sandbox ? !a.sandbox : (a.memory.workingSetBytes ?? 0) > (b.memory.workingSetBytes ?? 0)
        }.prefix(maxRows)
        let names = ordered.map(TableColumn.label)
        let columns = TableLayout.fit(
            TableColumn.containerTable, width: frame.width, nameWanted: names.map(\.count).max() ?? 0,
            fillsWidth: false)
        y += 1
        frame.put(
            columns.map { TableCellText.fit($0.column.title, column: $0.column, width: $0.width, glyphs: glyphs) }
                .joined(separator: " "),
            x: 0, y: y, style: Style(bold: true), limit: frame.width)
        y += 1
        for (container, name) in zip(ordered, names) {
            var x = 0
            for (column, width) in columns {
                var style: Style = container.sandbox ? .muted : .plain
                let text =
                    column.key == .name
                    ? TableCellText.fit(
                        TextFit.elideMiddle(name, width, glyphs: glyphs), column: column, width: width, glyphs: glyphs)
                    : TableCellText.text(column.cell(container), column: column, width: width, glyphs: glyphs)
                if column.key == .verdict { style = VerdictBadge.style(container.growth.class, color: context.color) }
                frame.put(text, x: x, y: y, style: style, limit: width)
                x += width + 1
            }
            y += 1
        }
    }

    /// Greedy word wrap.
    static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] = String(lines[maxLines - 1].prefix(max(0, width - 3))) + "..."
        }
        return lines.map { String($0.prefix(width)) }
    }
}
