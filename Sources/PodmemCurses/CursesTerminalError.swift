/// Why the full-screen terminal could not start. `description` is one line for stderr,
/// shown instead of ncurses' own message and exit.
public enum CursesTerminalError: Error, Equatable, CustomStringConvertible {
    case unsetTerminalType
    case unusableTerminalType(String)

    public var description: String {
        switch self {
        case .unsetTerminalType:
            "TERM is not set, so the screen cannot be driven; set it (e.g. TERM=xterm-256color)"
        case .unusableTerminalType(let type):
            "terminal type \"\(type)\" is unknown to terminfo or cannot move the cursor; set TERM to one that can (e.g. TERM=xterm-256color)"
        }
    }
}
