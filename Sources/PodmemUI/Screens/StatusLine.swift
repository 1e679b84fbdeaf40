/// The bottom line: the latest message (snapshot path, an error) for a few seconds, otherwise key hints.
enum StatusLine {
    static let messageSeconds = 8.0
    /// What replaces the live-only keys (snapshot, pause) while replaying: moving in time matters more than most keys.
    static let replayHints: [ItemLine.Item] = [
        .init("[ ] step", priority: 7), .init("{ } minute", priority: 3), .init("g G start/end", priority: 4),
    ]

    /// `hints` give way from the least needed key when the line is narrow (`ItemLine`), never mid-word.
    static func render(
        _ state: AppState, hints: [ItemLine.Item], context: ScreenContext, into frame: inout Frame, y: Int
    ) {
        frame.fill(Rect(x: 0, y: y, width: frame.width, height: 1))
        if let status = state.status, context.now - status.since < messageSeconds {
            let style = status.isError ? Style(foreground: context.color ? .red : nil, bold: true) : Style(bold: true)
            context.put(status.text, x: 0, y: y, style: style, limit: frame.width, into: &frame)
        } else if state.isEditingFilter {
            context.put(
                "filter: type to narrow · Enter keep · Esc clear", x: 0, y: y, style: .muted, limit: frame.width,
                into: &frame)
        } else {
            context.put(
                ItemLine.fit(hints, separator: context.glyphs.separator, width: frame.width, glyphs: context.glyphs),
                x: 0, y: y, style: .muted, limit: frame.width, into: &frame)
        }
    }
}
