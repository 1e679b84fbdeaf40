import PodmemCore

/// Keys, generated from the same table that dispatches them, plus what the columns and markers mean.
public enum HelpScreen {
    static let notes = [
        "WS = max(0, usage − inactive_file): cAdvisor's working set (Grafana, kubectl top, kubelet eviction)",
        "WS-NC = max(0, usage − inactive_file − active_file): without page cache (anon, shmem/tmpfs, kernel)",
        "CACHE = (WS − WS-NC) / WS: the share of the working set that is active page cache",
    ]

    public static func render(context: ScreenContext, into frame: inout Frame) {
        var y = 0
        context.put(
            "podmem help · any key returns", x: 0, y: y, style: Style(bold: true, reverse: true), limit: frame.width,
            into: &frame)
        y += 2
        // One column when the table fits above the notes, else two side by side.
        let notes = Self.notes + [VerdictBadge.legend(width: frame.width - 2)]
        let rows = max(1, frame.height - y - notes.count - 1)
        let columns = KeyBinding.table.count > rows ? 2 : 1
        let perColumn = (KeyBinding.table.count + columns - 1) / columns
        let columnWidth = frame.width / columns
        let keyWidth = columns == 1 ? 24 : 14
        for (index, binding) in KeyBinding.table.enumerated() {
            let row = y + index % perColumn
            let x = 2 + (index / perColumn) * columnWidth
            guard row < frame.height - notes.count - 1 else { continue }
            context.put(
                binding.keys.map(\.label).joined(separator: " "), x: x, y: row, style: .header, limit: keyWidth,
                into: &frame)
            context.put(binding.help, x: x + keyWidth, y: row, limit: columnWidth - keyWidth - 2, into: &frame)
        }
        y += min(perColumn, rows)
        y += 1
        for note in notes where y < frame.height {
            context.put(note, x: 2, y: y, style: .muted, limit: frame.width - 2, into: &frame)
            y += 1
        }
    }
}
