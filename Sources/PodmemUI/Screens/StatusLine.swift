/// The bottom line: the latest message (snapshot path, an error) for a few seconds, otherwise key hints.
enum StatusLine {
    static let messageSeconds = 8.0
    /// What replaces the live-only keys (snapshot, pause) while replaying.
    static let replayHints = "[ ] step · { } minute · g G start/end"

    static func render(_ state: AppState, hints: String, context: ScreenContext, into frame: inout Frame, y: Int) {
        frame.fill(Rect(x: 0, y: y, width: frame.width, height: 1))
        if let status = state.status, context.now - status.since < messageSeconds {
            let style = status.isError ? Style(foreground: context.color ? .red : nil, bold: true) : Style(bold: true)
            context.put(status.text, x: 0, y: y, style: style, limit: frame.width, into: &frame)
        } else if state.isEditingFilter {
            context.put(
                "filter: type to narrow · Enter keep · Esc clear", x: 0, y: y, style: .muted, limit: frame.width,
                into: &frame)
        } else {
            context.put(hints, x: 0, y: y, style: .muted, limit: frame.width, into: &frame)
        }
    }
}
