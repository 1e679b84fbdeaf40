/// Why the full-screen terminal could not start. `description` is one line for stderr (main.swift passes it through
/// `TerminalText`, so a TERM holding escapes cannot drive the terminal), shown instead of ncurses' own message and exit.
public enum CursesTerminalError: Error, Equatable, CustomStringConvertible {
    case unsetTerminalType
    /// stdin, where keys come from, is not a terminal (/dev/null, a pipe, a file).
    case inputNotATerminal
    /// No terminfo entry for TERM in any directory ncurses searches (newterm failed).
    case unknownTerminalType(String)
    /// An entry exists but cannot address the cursor (TERM=dumb), so a screen would be garbage.
    case terminalCannotMoveCursor(String)

    /// Where ncurses looks, in its order: the environment, then the directories compiled into Debian's ncurses (the
    /// release binary links that ncurses statically), which are where distributions keep the database.
    public static let searchedLocations =
        "$TERMINFO, ~/.terminfo, $TERMINFO_DIRS, /etc/terminfo, /lib/terminfo, /usr/share/terminfo"

    public var description: String {
        switch self {
        case .unsetTerminalType:
            "TERM is not set, so the screen cannot be driven; set it (e.g. TERM=xterm-256color), or use --batch"
        case .inputNotATerminal:
            "the live screen reads keys from stdin, which is not a terminal; run podmem in a terminal, or use --batch"
        case .unknownTerminalType(let type):
            "no terminfo entry for TERM=\(type) (searched \(Self.searchedLocations)); install your distribution's terminfo (ncurses-base or ncurses-term), point TERMINFO_DIRS at a terminfo directory, or set TERM to a type that has an entry (e.g. TERM=xterm); --batch needs none"
        case .terminalCannotMoveCursor(let type):
            "terminal type \"\(type)\" cannot move the cursor; set TERM to one that can (e.g. TERM=xterm-256color), or use --batch"
        }
    }
}
