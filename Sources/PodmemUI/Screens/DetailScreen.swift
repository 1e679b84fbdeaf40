import PodmemCore

/// One pod in depth: the verdict in words, usage split into its parts against the limit, tall charts of the
/// five series, growth per component, kernel signals, and every container with its own numbers.
public enum DetailScreen {
    public static let minimumWidth = 60
    public static let minimumHeight = 16
    static func hints(_ state: AppState) -> [ItemLine.Item] {
        [.init("Esc back", priority: 9), .init("? help", priority: 8)]
            + (state.mode == .live
                ? [.init("s snapshot", priority: 2), .init("space pause", priority: 3)] : StatusLine.replayHints)
            + [.init("q quit", priority: 9)]
    }
    /// Columns left of a tall chart: its title and `now …` (`working set without cache now 1023 MiB`).
    static let labelWidth = 39
    /// Columns left of a one-row chart: its short title and `now …` (`inactive now 1023 MiB`).
    static let oneRowLabelWidth = 22

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
        let sentence = sentenceLines(pod, width: width, glyphs: context.glyphs)
        let containerRows = min(pod.containers.count, 6)
        // Title, sentence, usage (3), signals (2), container titles and rows, status line; plus three blank lines
        // (after the sentence, the usage legend, before the containers) only where the charts keep a row each and
        // the files section a few: the verdict's words come before spacing.
        let fixedRows = 1 + sentence.count + 3 + 2 + (containerRows > 0 ? containerRows + 1 : 0) + 1
        let belowWanted = MemoryFigure.trends.count + min(CacheFilesSection.rows(pod, available: Int.max), 4)
        let spaced = height - fixedRows - 3 >= belowWanted
        var y = 0
        renderTitle(pod, replayClock: state.mode.replayClock, context: context, y: &y, into: &frame)
        renderSentence(pod, lines: sentence, context: context, y: &y, into: &frame)
        if spaced { y += 1 }
        renderUsageBar(pod, context: context, y: &y, into: &frame)
        if spaced { y += 1 }

        let reserved = 2 + (containerRows > 0 ? containerRows + 1 + (spaced ? 1 : 0) : 0) + 1
        let cacheFileRows = CacheFilesSection.rows(pod, available: max(0, height - y - reserved))
        let chartRows = max(0, height - y - reserved - cacheFileRows)
        renderCharts(pod, rows: chartRows, context: context, y: &y, into: &frame)
        CacheFilesSection.render(pod, rows: cacheFileRows, context: context, y: &y, into: &frame)
        let elapsed = previous?.history.last.flatMap { before in pod.history.last.map { $0.time - before.time } }
        renderSignals(
            pod, previous: previous, elapsed: elapsed.flatMap { $0 > 0 ? $0 : nil }, context: context, y: &y,
            into: &frame)
        if containerRows > 0 {
            if spaced { y += 1 }
            renderContainers(pod, maxRows: containerRows, context: context, y: &y, into: &frame)
        }
        StatusLine.render(state, hints: hints(state), context: context, into: &frame, y: height - 1)
    }

    static func renderTitle(
        _ pod: PodModel, replayClock: String?, context: ScreenContext, y: inout Int, into frame: inout Frame
    ) {
        // The name stays (cut in its middle, keeping namespace and replica suffix, only if it alone is too wide);
        // the cgroup path goes first, then the uid, the QoS class and the kind.
        let name = (replayClock.map { "REPLAY \($0) " } ?? "") + pod.displayName
        var items: [ItemLine.Item] = [
            .init([name, TextFit.elideMiddle(name, frame.width, glyphs: context.glyphs)], priority: 5),
            .init(pod.kind.rawValue, priority: 4),
        ]
        if let qos = pod.qos { items.append(.init(qos.rawValue, priority: 3)) }
        if let uid = pod.uid { items.append(.init("uid " + uid, priority: 2)) }
        items.append(.init(pod.cgroup, priority: 1))
        let title = ItemLine.fit(items, separator: context.glyphs.separator, width: frame.width, glyphs: context.glyphs)
        frame.fill(Rect(x: 0, y: y, width: frame.width, height: 1), with: Cell(" ", style: Style(reverse: true)))
        context.put(title, x: 0, y: y, style: Style(bold: true, reverse: true), limit: frame.width, into: &frame)
        y += 1
    }

    /// Lines the verdict sentence may take: it is what the screen is for, so the charts shrink first.
    static let sentenceMaxLines = 4

    /// The verdict sentence wrapped beside its badge, at most `sentenceMaxLines` lines.
    static func sentenceLines(_ pod: PodModel, width: Int, glyphs: GlyphSet) -> [String] {
        let badge = VerdictBadge.text(pod.growth.class) + " "
        // The model says it for the pod on the detail screen; a pod from elsewhere is said here.
        let sentence =
            pod.sentence ?? VerdictSentence.describe(growth: pod.growth, memory: pod.memory, cacheFiles: pod.cacheFiles)
        return wrap(
            TextFit.ascii(sentence, glyphs: glyphs), width: width - badge.count, maxLines: sentenceMaxLines,
            ellipsis: glyphs.ellipsis)
    }

    static func renderSentence(
        _ pod: PodModel, lines: [String], context: ScreenContext, y: inout Int, into frame: inout Frame
    ) {
        let growthClass = pod.growth.class
        let badge = VerdictBadge.text(growthClass) + " "
        frame.put(badge, x: 0, y: y, style: VerdictBadge.style(growthClass, color: context.color))
        for line in lines {
            frame.put(line, x: badge.count, y: y)
            y += 1
        }
    }

    static func renderUsageBar(_ pod: PodModel, context: ScreenContext, y: inout Int, into frame: inout Frame) {
        let m = pod.memory
        let usage = Double(m[.usage] ?? 0)
        let total = max(usage, Double(m[.limit] ?? 0))
        let color = context.color
        let glyphs = context.glyphs
        let rss = Double(m[.rss] ?? 0)
        let shmem = Double(m[.shmem] ?? 0)
        let kernel = Double(m[.kernel] ?? 0)
        let active = Double(m[.activeFile] ?? 0)
        let inactive = Double(m[.inactiveFile] ?? 0)
        let other = max(0, usage - rss - shmem - kernel - active - inactive)
        let parts: [(String, Double, Style, Character)] = [
            ("anon", rss, Style(foreground: color ? .red : nil), glyphs.fullBlock),
            ("shmem", shmem, Style(foreground: color ? .magenta : nil), glyphs.isUnicode ? "▓" : "S"),
            (
                m[.kernel] == nil ? "other" : "kernel", kernel + other, Style(foreground: color ? .yellow : nil),
                glyphs.isUnicode ? "▒" : "K"
            ),
            ("active_file", active, Style(foreground: color ? .cyan : nil), glyphs.isUnicode ? "░" : "a"),
            (
                "inactive_file", inactive, Style(foreground: color ? .blue : nil, dim: true),
                glyphs.isUnicode ? "·" : "."
            ),
        ]
        let limitText = m[.limit].map { "of limit \(ByteFormat.human($0))" } ?? "(no limit)"
        let usageLine = ItemLine.fit(
            [
                .init("usage \(ByteFormat.human(m[.usage])) \(limitText)", priority: 4),
                .init("WS \(ByteFormat.human(m[.workingSet]))", priority: 3),
                .init("WS-NC \(ByteFormat.human(m[.workingSetNoCache]))", priority: 2),
                .init("cache share \(ByteFormat.percent(pod.cacheShare))", priority: 1),
            ], separator: glyphs.separator, width: frame.width, glyphs: glyphs)
        context.put(usageLine, x: 0, y: y, style: .header, limit: frame.width, into: &frame)
        y += 1
        let barRect = Rect(x: 0, y: y, width: frame.width, height: 1)
        frame.put(String(repeating: " ", count: frame.width), x: 0, y: y, style: .muted)
        if total > 0 {
            StackedBar.render(
                parts.map { StackedBar.Part(bytes: $0.1, style: $0.2, fill: $0.3) }, total: total,
                marks: [m[.workingSetNoCache], m[.workingSet]].compactMap { $0.map { Double($0) } },
                in: barRect, into: &frame, glyphs: glyphs)
        }
        y += 1
        // Parts give way whole, each with its value: the marks' key first, then shmem, kernel; file parts shorten first.
        let legendItems: [ItemLine.Item] =
            parts.enumerated().map { index, part in
                let value = ByteFormat.human(part.1)
                let short = part.0.split(separator: "_").first.map(String.init) ?? part.0
                // anon and the file parts say most about a verdict; shmem is most often 0.
                return .init(
                    ["\(part.3) \(part.0) \(value)", "\(part.3) \(short) \(value)"], priority: [6, 2, 3, 5, 4][index])
            } + [.init("\(glyphs.marker) WS-NC, WS", priority: 0)]
        let legend = ItemLine(legendItems, separator: " ", width: frame.width, glyphs: glyphs)
        var x = 0
        for (index, text) in legend.shown {
            let style = index < parts.count ? parts[index].2 : .header
            context.put(text, x: x, y: y, style: style, into: &frame)
            x += TextFit.ascii(text, glyphs: glyphs).count + 1
        }
        y += 1
    }

    /// Each chart says its current value (`now 365 MiB`) beside its title, and its axis at its right edge: the top and
    /// bottom in bytes, each at a tick (`┤ 400 MiB`), so neither reads as the current value. A one-row chart shows the
    /// axis as a range. The working sets and rss share one scale, active and inactive file another (`ChartScale`).
    static func renderCharts(
        _ pod: PodModel, rows: Int, context: ScreenContext, y: inout Int, into frame: inout Frame
    ) {
        let series = MemoryFigure.trends
        let shown = min(series.count, rows)
        guard shown > 0 else { return }
        let perChart = max(1, rows / shown)
        let glyphs = context.glyphs
        let bar = String(glyphs.verticalBar)
        let tick = glyphs.isUnicode ? "┤ " : "| "
        func human(_ bytes: Double) -> String { ByteFormat.human(UInt64(max(0, bytes).rounded())) }
        // Room for the widest axis label: `┤ 1023 MiB`, or a one-row chart's `┤ 1023 MiB–1023 MiB`.
        let axisWidth = tick.count + (perChart == 1 ? 17 : 8)
        let labelWidth = perChart == 1 ? oneRowLabelWidth : labelWidth
        let chartWidth = max(1, frame.width - labelWidth - axisWidth)
        for item in series.prefix(shown) {
            let values = item.values(pod.history)
            let scale = ChartScale(
                series: item.comparedWith.map { ($0.values(pod.history), chartWidth) }, growth: pod.growth)
            let lines = Sparkline.renderTall(
                values, width: chartWidth, height: perChart, glyphs: glyphs, minimumRange: scale.spanBytes)
            let axis = scale.axis(values, width: chartWidth)
            let now = "now \(ByteFormat.human(pod.memory[item]))"
            let title = perChart == 1 ? item.trend?.shortTitle ?? item.longTitle : item.longTitle
            // `now` starts in one column for every chart: room for the widest, `now 1.00 GiB`.
            let nowX = labelWidth - 1 - 12
            context.put(title, x: 0, y: y, style: .header, limit: nowX - 1, into: &frame)
            context.put(now, x: nowX, y: y, limit: labelWidth - 1 - nowX, into: &frame)
            if perChart > 1 {
                context.put(
                    "trend \(ByteFormat.rate(item.rate(pod.growth)))", x: 0, y: y + 1, limit: labelWidth - 1,
                    into: &frame)
            }
            let style = MainScreen.trendStyle(item, growthClass: pod.growth.class, context: context)
            for (offset, line) in lines.enumerated() { frame.put(line, x: labelWidth, y: y + offset, style: style) }
            let axisX = labelWidth + chartWidth
            if let axis {
                let last = y + perChart - 1
                if perChart == 1 {
                    context.put(tick + "\(human(axis.bottom))–\(human(axis.top))", x: axisX, y: y, into: &frame)
                } else {
                    context.put(tick + human(axis.top), x: axisX, y: y, into: &frame)
                    for row in y + 1..<last { context.put(bar, x: axisX, y: row, into: &frame) }
                    context.put(tick + human(axis.bottom), x: axisX, y: last, into: &frame)
                }
            }
            y += perChart
        }
    }

    static func renderSignals(
        _ pod: PodModel, previous: PodModel?, elapsed: Double?, context: ScreenContext,
        y: inout Int, into frame: inout Frame
    ) {
        let s = pod.signals
        let glyphs = context.glyphs
        let sep = glyphs.separator
        var parts: [ItemLine.Item] = []
        func fixed(_ value: Double?) -> String { ByteFormat.fixed(value ?? 0, decimals: 2) }
        if let some = s.pressureSomeAvg10 {
            parts.append(
                .init(
                    [
                        "PSI some \(fixed(some))/\(fixed(s.pressureSomeAvg60)) full \(fixed(s.pressureFullAvg10))/"
                            + "\(fixed(s.pressureFullAvg60)) (avg10/avg60 %)",
                        "PSI some \(fixed(some)) full \(fixed(s.pressureFullAvg10)) (avg10 %)",
                    ], priority: 5))
        }
        var refaultRate: Double?
        if let refaults = s.workingsetRefaultFile {
            if let before = previous?.signals.workingsetRefaultFile, let elapsed, refaults >= before {
                refaultRate = Double(refaults - before) / elapsed
            }
            let rate = refaultRate.map { " (\(ByteFormat.fixed($0, decimals: 1))/s)" } ?? ""
            parts.append(
                .init(["file refaults \(refaults) total" + rate, "refaults \(refaults) total" + rate], priority: 6))
        }
        // An event count of 0 says little next to a shortened figure: it goes first. One that is not says the most.
        func count(_ name: String, _ value: UInt64?, priority: Int) {
            if let value {
                parts.append(.init("\(name) \(value)", priority: value == 0 ? priority - 10 : priority + 10))
            }
        }
        count("oom", s.oomEvents, priority: 3)
        count("oom_kill", s.oomKillEvents, priority: 4)
        count("high", s.highEvents, priority: 1)
        count("max", s.maxEvents, priority: 2)
        count("failcnt", s.failCount, priority: 4)
        // Figures give way from the least telling (rss is inside ws-nc); the "growth/s:" label stays with ws.
        let rates = MemoryFigure.trends.enumerated().map { index, figure in
            ItemLine.Item(
                (index == 0 ? "growth/s: " : "")
                    + "\(figure.trend?.shortTitle ?? figure.longTitle) \(ByteFormat.rate(figure.rate(pod.growth)))",
                priority: index == 0 ? 100 : figure.trend?.priority ?? 0)
        }
        context.put(
            ItemLine.fit(rates, separator: sep, width: frame.width, glyphs: glyphs), x: 0, y: y, limit: frame.width,
            into: &frame)
        y += 1
        // The count is cumulative (since the cgroup was created): only its rate says whether reclaim is going on now.
        let reclaim: [String]
        let pressure = s.pressureSomeAvg10.map { _ in ", no pressure" } ?? ""
        if (refaultRate ?? 0) > 0 || (s.pressureSomeAvg10 ?? 0) > 0 {
            reclaim = [
                "cache is being reclaimed and read back (refaults/pressure): this pod needs its cache",
                "cache reclaimed and read back: this pod needs its cache",
            ]
        } else if refaultRate != nil {
            reclaim = [
                "no new refaults\(pressure): the cache sits on the active list, reclaimable on demand",
                "no new refaults\(pressure): cache reclaimable on demand",
            ]
        } else if s.workingsetRefaultFile != nil {
            reclaim = ["refault rate from the next poll" + pressure]
        } else if s.pressureSomeAvg10 != nil {
            reclaim = ["no pressure: the cache is reclaimable on demand"]
        } else {
            reclaim = ["no reclaim signals on this kernel"]
        }
        // What the signals mean stays longest; the raw counts give way before it.
        parts.append(.init(reclaim, priority: 20))
        context.put(
            ItemLine.fit(parts, separator: sep, width: frame.width, glyphs: glyphs), x: 0, y: y, style: .muted,
            limit: frame.width, into: &frame)
        y += 1
    }

    static func renderContainers(
        _ pod: PodModel, maxRows: Int, context: ScreenContext, y: inout Int, into frame: inout Frame
    ) {
        let glyphs = context.glyphs
        // Largest working set first, the sandbox last, like the pod list.
        let ordered = pod.containers.sorted { a, b in
            a.sandbox != b.sandbox ? !a.sandbox : (a.memory[.workingSet] ?? 0) > (b.memory[.workingSet] ?? 0)
        }.prefix(maxRows)
        let names = ordered.map(TableColumn.label)
        let columns = TableLayout.fit(
            TableColumn.containerTable, width: frame.width, nameWanted: names.map(\.count).max() ?? 0,
            fillsWidth: false)
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

    /// Greedy word wrap into at most `maxLines` lines. A longer text loses words from its middle, marked by
    /// `ellipsis`, so how it begins (what happened) and how it ends (the conclusion) both stay.
    static func wrap(_ text: String, width: Int, maxLines: Int, ellipsis: Character) -> [String] {
        let words = text.split(separator: " ").map(String.init)
        let whole = wrap(words, width: width)
        guard whole.count > maxLines, words.count > 1 else { return Array(whole.prefix(maxLines)) }
        // Cut [head, tail) from the middle by characters, widening it on the longer side until the rest fits.
        var head = 0
        var characters = 0
        while head < words.count, characters + words[head].count < text.count / 2 {
            characters += words[head].count + 1
            head += 1
        }
        var tail = head
        func kept(_ range: Range<Int>) -> Int { words[range].reduce(0) { $0 + $1.count + 1 } }
        while head > 0 || tail < words.count {
            let lines = wrap(Array(words[..<head]) + [String(ellipsis)] + words[tail...], width: width)
            if lines.count <= maxLines { return lines }
            if head > 0, kept(0..<head) >= kept(tail..<words.count) || tail == words.count {
                head -= 1
            } else {
                tail += 1
            }
        }
        return [String(ellipsis)]
    }

    private static func wrap(_ words: [String], width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in words {
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map { String($0.prefix(width)) }
    }
}
