import CNCursesW
import CTerminalSafety
import Glibc
import PodmemCore
import PodmemUI

/// The real terminal: the only code that calls ncurses. It owns the locale, colors and signal
/// handlers, and restores the terminal on every exit path (`stop()`, deinit, signals, crashes).
/// Not thread-safe, like ncurses itself: use it from the UI loop only.
public final class CursesTerminal: Terminal {
    public let glyphs: GlyphSet
    public let colorEnabled: Bool
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var stopped = false
    /// True once the terminal has gone away (its ssh session, tmux pane or window closed) without a signal that
    /// stops podmem: the loop then ends, and the caller says so.
    public private(set) var isDisconnected = false

    /// Takes over the terminal named by `environment["TERM"]`.
    /// Throws `CursesTerminalError` (with the terminal untouched) when TERM is unusable,
    /// where `initscr` would print and exit the process.
    public static func start(environment: [String: String]) throws -> CursesTerminal {
        let glyphs = selectLocale(environment: environment)
        guard let type = environment["TERM"], !type.isEmpty else { throw CursesTerminalError.unsetTerminalType }
        // Keys come from stdin: from /dev/null or a pipe every read returns at once and the loop would spin.
        guard isatty(STDIN_FILENO) == 1 else { throw CursesTerminalError.inputNotATerminal }
        // Before newterm, so ncurses sees our SIGINT/SIGTERM handlers and leaves them alone.
        podmem_terminal_safety_install()
        guard let screen = podmem_newterm(type) else {
            podmem_terminal_safety_uninstall()
            throw CursesTerminalError.unknownTerminalType(type)
        }
        // ncurses accepts terminals that cannot move the cursor (TERM=dumb), where a screen is garbage.
        guard tigetstr("cup") != nil else {
            endwin()
            delscreen(screen)
            podmem_terminal_safety_uninstall()
            throw CursesTerminalError.terminalCannotMoveCursor(type)
        }
        return CursesTerminal(screen: screen, glyphs: glyphs, noColor: !(environment["NO_COLOR"] ?? "").isEmpty)
    }

    private init(screen: OpaquePointer, glyphs: GlyphSet, noColor: Bool) {
        self.screen = screen
        window = podmem_stdscr()
        self.glyphs = glyphs
        raw()  // Ctrl-C and Ctrl-S arrive as keys: no ISIG, no XON/XOFF flow control
        noecho()
        nonl()
        keypad(window, true)
        for (sequence, code) in Key.commonSequences { define_key(sequence, code) }
        scrollok(window, false)  // writing the bottom-right cell must not scroll the screen
        curs_set(0)
        set_escdelay(25)  // Esc alone is told from an escape sequence after 25 ms, not the default second
        colorEnabled = has_colors() && !noColor  // https://no-color.org
        if colorEnabled {
            start_color()
            let background: Int16 = use_default_colors() == OK ? -1 : Int16(COLOR_BLACK)
            for color in Style.Color.allCases {
                init_pair(Self.pair(color), Int16(color.rawValue), background)
            }
        }
    }

    deinit {
        stop()
        delscreen(screen)
    }

    public var size: (width: Int, height: Int) {
        (Int(podmem_getmaxx(window)), Int(podmem_getmaxy(window)))
    }

    public var shouldStop: Bool {
        podmem_terminal_stop_requested() || isDisconnected
    }

    /// Redraws the whole window; ncurses diffs it against what the terminal shows,
    /// so only changed cells are sent.
    public func present(_ frame: Frame) {
        werase(window)
        let (width, height) = size
        for y in 0..<min(height, frame.height) {
            var x = 0
            while x < min(width, frame.width) {
                let start = x
                let style = frame[x, y].style
                var run = ""
                while x < min(width, frame.width), frame[x, y].style == style {
                    run.append(drawable(frame[x, y].character))
                    x += 1
                }
                wattr_set(
                    window, podmem_attributes(style.bold, style.dim, style.reverse, style.underline),
                    colorEnabled ? style.foreground.map(Self.pair) ?? 0 : 0, nil)
                // ncursesw decodes the UTF-8 in a UTF-8 locale. On the bottom-right cell this returns ERR
                // (the cursor cannot advance) after the character is stored, which is fine.
                _ = mvwaddnstr(window, Int32(y), Int32(start), run, -1)
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Waits in wget_wch, which also reports resizes; a stop signal interrupts the wait.
    /// Returns nil on timeout, on a signal, and for keys podmem has no name for.
    public func readKey(timeout: Double) -> Key? {
        guard !shouldStop else { return nil }
        wtimeout(window, Int32(max(0, min(timeout * 1000, Double(Int32.max))).rounded(.up)))
        var value: wint_t = 0
        switch wget_wch(window, &value) {
        case OK: return Key(cursesCharacter: value)
        case KEY_CODE_YES: return Key(cursesKeyCode: Int32(value))
        default:
            if Self.inputHungUp() { isDisconnected = true }
            return nil
        }
    }

    /// Whether stdin is a terminal that hung up. Once its pty's other side closes, every read returns 0 at once and
    /// ncurses returns ERR without waiting (it sets no errno for that EOF); terminal ioctls then fail with EIO and
    /// poll reports POLLHUP. Checked only after ERR (a timeout or a signal otherwise), so it costs nothing per key.
    private static func inputHungUp() -> Bool {
        var attributes = termios()
        if tcgetattr(STDIN_FILENO, &attributes) != 0 { return true }
        var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&input, 1, 0) == 1 && Int32(input.revents) & (POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Gives the terminal back (cooked mode, main screen, cursor) and restores the signal handlers.
    /// If a signal such as SIGUSR1 or SIGALRM ended the loop, the process then ends by that signal.
    /// Idempotent; also runs on deinit.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        endwin()
        podmem_terminal_safety_uninstall()
        podmem_terminal_raise_fatal_signal()
    }

    /// The environment's locale, or C.UTF-8 when it names none: ncursesw only speaks UTF-8 in a
    /// UTF-8 locale. An explicit non-UTF-8 locale is kept (its terminal likely is not UTF-8) and
    /// gets ASCII glyphs, so the screen never shows mojibake.
    private static func selectLocale(environment: [String: String]) -> GlyphSet {
        setlocale(LC_ALL, "")
        if LocaleRequest.shouldTryUTF8(environment) {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        return String(cString: nl_langinfo(nl_item(CODESET))) == "UTF-8" ? .unicode : .ascii
    }

    /// One color pair per foreground color on the default background; pair 0 is the terminal default.
    private static func pair(_ color: Style.Color) -> Int16 {
        Int16(color.rawValue + 1)
    }

    /// Control characters would drive the terminal (the same rule as text output, `TerminalText`), and
    /// non-ASCII bytes in a non-UTF-8 locale would show as escapes: both become "?".
    private func drawable(_ character: Character) -> Character {
        let fits = character.unicodeScalars.allSatisfy { TerminalText.isSafe($0) && (glyphs.isUnicode || $0.isASCII) }
        return fits ? character : TerminalText.replacement
    }
}
