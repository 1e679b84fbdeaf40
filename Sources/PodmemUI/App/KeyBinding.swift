/// One row of the key table: the keys, what they do, and the help text. The same table dispatches
/// keys and generates the help screen, so the two cannot disagree.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    public let command: Command
    public let help: String

    public static let table: [KeyBinding] = [
        KeyBinding(keys: [.character("q"), .function(10), .control("c")], command: .quit, help: "quit"),
        KeyBinding(keys: [.character("?"), .character("h"), .function(1)], command: .help, help: "this help"),
        KeyBinding(keys: [.up, .character("k")], command: .moveUp, help: "move up"),
        KeyBinding(keys: [.down, .character("j")], command: .moveDown, help: "move down"),
        KeyBinding(keys: [.pageUp], command: .pageUp, help: "page up"),
        KeyBinding(keys: [.pageDown], command: .pageDown, help: "page down"),
        KeyBinding(keys: [.home], command: .top, help: "first pod"),
        KeyBinding(keys: [.end], command: .bottom, help: "last pod"),
        KeyBinding(keys: [.enter], command: .openDetail, help: "pod detail: containers, charts, usage bar, signals"),
        KeyBinding(keys: [.escape, .backspace], command: .back, help: "back to the pod list"),
        KeyBinding(keys: [.character("<")], command: .sortPrevious, help: "sort by the previous column"),
        KeyBinding(keys: [.character(">")], command: .sortNext, help: "sort by the next column"),
        KeyBinding(keys: [.character("r"), .character("I")], command: .reverseSort, help: "reverse the sort order"),
        KeyBinding(keys: [.character("c")], command: .sortByCacheShare, help: "sort by cache share, highest first"),
        KeyBinding(
            keys: [.character("M")], command: .sortByWorkingSet, help: "sort by working set (cAdvisor), highest first"),
        KeyBinding(
            keys: [.character("+"), .character("=")], command: .widerSpan,
            help: "longer time span for sparklines and verdicts"),
        KeyBinding(keys: [.character("-"), .character("_")], command: .narrowerSpan, help: "shorter time span"),
        KeyBinding(
            keys: [.character("/")], command: .startFilter,
            help: "filter by name as you type (Enter keeps, Esc clears)"),
        KeyBinding(
            keys: [.character(" "), .character("p")], command: .togglePause,
            help: "pause or resume polling (the view stays navigable)"),
        KeyBinding(
            keys: [.character("s"), .control("s")], command: .snapshot,
            help: "write a podmem.snapshot/1 JSON to --snapshot-dir"),
        KeyBinding(keys: [.character("["), .left], command: .stepBack, help: "replay: one sample back in time"),
        KeyBinding(keys: [.character("]"), .right], command: .stepForward, help: "replay: one sample forward"),
        KeyBinding(keys: [.character("{")], command: .minuteBack, help: "replay: one minute back"),
        KeyBinding(keys: [.character("}")], command: .minuteForward, help: "replay: one minute forward"),
        KeyBinding(keys: [.character("g")], command: .timeStart, help: "replay: jump to the start"),
        KeyBinding(keys: [.character("G")], command: .timeEnd, help: "replay: jump to the end"),
    ]

    /// The command bound to `key`, if any.
    public static func command(for key: Key) -> Command? {
        table.first { $0.keys.contains(key) }?.command
    }
}
