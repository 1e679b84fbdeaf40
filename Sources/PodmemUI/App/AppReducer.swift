/// Pure key handling: `(state, key) -> effect`. No I/O, so the whole UI logic is testable without a terminal.
public enum AppReducer {
    public static func handle(_ key: Key, state: inout AppState) -> Effect {
        if key == .resize { return .none }
        if state.isEditingFilter { return editFilter(key, state: &state) }
        if case .help(let previous) = state.screen {
            if KeyBinding.command(for: key) == .quit { return .quit }
            state.screen = previous
            return .none
        }
        guard let command = KeyBinding.command(for: key) else { return .none }
        return apply(command, state: &state)
    }

    static func apply(_ command: Command, state: inout AppState) -> Effect {
        switch command {
        case .quit: return .quit
        case .help: state.screen = .help(returnTo: state.screen)
        case .moveUp: move(by: -1, state: &state)
        case .moveDown: move(by: 1, state: &state)
        case .pageUp: move(by: -max(1, state.pageRows), state: &state)
        case .pageDown: move(by: max(1, state.pageRows), state: &state)
        case .top: move(by: -Int.max / 2, state: &state)
        case .bottom: move(by: Int.max / 2, state: &state)
        case .openDetail:
            if case .main = state.screen, let pod = state.visiblePods[safe: state.selectedIndex] {
                state.selectedCgroup = pod.cgroup
                state.screen = .detail(cgroup: pod.cgroup)
            }
        case .back: state.screen = .main
        case .sortPrevious, .sortNext:
            let all = SortColumn.all
            let step = command == .sortNext ? 1 : all.count - 1
            let current = all.firstIndex(of: state.sortColumn) ?? 0
            state.sortColumn = all[(current + step) % all.count]
            state.sortDescending = state.sortColumn.defaultDescending
        case .reverseSort: state.sortDescending.toggle()
        case .sortByCacheShare:
            state.sortColumn = .cacheShare
            state.sortDescending = true
        case .sortByWorkingSet:
            state.sortColumn = .workingSet
            state.sortDescending = true
        case .widerSpan:
            state.spanSeconds = state.spanSeconds.map { SpanChoices.step(from: $0, by: 1, in: state.spanChoices) }
        case .narrowerSpan:
            state.spanSeconds = state.spanSeconds.map { SpanChoices.step(from: $0, by: -1, in: state.spanChoices) }
        case .startFilter:
            state.screen = .main
            state.isEditingFilter = true
        case .togglePause: if state.mode == .live { state.paused.toggle() }
        case .snapshot: return state.mode == .live ? .writeSnapshot : .none
        case .stepBack: return state.mode == .live ? .none : .seek(.samples(-1))
        case .stepForward: return state.mode == .live ? .none : .seek(.samples(1))
        case .minuteBack: return state.mode == .live ? .none : .seek(.seconds(-60))
        case .minuteForward: return state.mode == .live ? .none : .seek(.seconds(60))
        case .timeStart: return state.mode == .live ? .none : .seek(.start)
        case .timeEnd: return state.mode == .live ? .none : .seek(.end)
        }
        return .none
    }

    /// While typing a filter every key edits it and the list narrows as you type.
    static func editFilter(_ key: Key, state: inout AppState) -> Effect {
        switch key {
        case .enter: state.isEditingFilter = false
        case .escape:
            state.filter = ""
            state.isEditingFilter = false
        case .backspace: if !state.filter.isEmpty { state.filter.removeLast() }
        case .control("c"): return .quit
        case .character(let c): state.filter.append(c)
        default: break
        }
        state.scrollOffset = 0
        return .none
    }

    static func move(by delta: Int, state: inout AppState) {
        if case .detail = state.screen { return }
        let pods = state.visiblePods
        guard !pods.isEmpty else { return }
        let index = min(pods.count - 1, max(0, state.selectedIndex + max(-pods.count, min(pods.count, delta))))
        state.selectedCgroup = pods[index].cgroup
    }
}

extension RandomAccessCollection where Index == Int {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
