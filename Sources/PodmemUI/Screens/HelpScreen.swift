import PodmemCore

/// Keys, generated from the same table that dispatches them, plus what the columns and markers mean.
public enum HelpScreen {
    public static func render(context: ScreenContext, into frame: inout Frame) {
        var y = 0
        context.put("podmem help · any key returns", x: 0, y: y, style: Style(bold: true, reverse: true), limit: frame.width, into: &frame)
        y += 2
        let keyWidth = 24
        for binding in KeyBinding.table where y < frame.height - 6 {
            let keys = binding.keys.map(\.label).joined(separator: " ")
            context.put(keys, x: 2, y: y, style: .header, limit: keyWidth, into: &frame)
            context.put(binding.help, x: 2 + keyWidth, y: y, limit: frame.width - keyWidth - 2, into: &frame)
            y += 1
        }
        y += 1
        let notes = [
            "WS = max(0, usage − inactive_file): cAdvisor's working set (Grafana, kubectl top, kubelet eviction)",
            "WS-NC = max(0, usage − inactive_file − active_file): without page cache (anon, shmem/tmpfs, kernel)",
            "CACHE = (WS − WS-NC) / WS: the share of the working set that is active page cache",
            VerdictBadge.legend,
        ]
        for note in notes where y < frame.height {
            context.put(note, x: 2, y: y, style: .muted, limit: frame.width - 2, into: &frame)
            y += 1
        }
    }
}
