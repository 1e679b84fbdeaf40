import CNCursesW
import PodmemUI

/// How wget_wch's two kinds of results become `Key`s.
extension Key {
    /// A character (wget_wch returned OK). Raw mode delivers Ctrl-letters as codes 1…26.
    init?(cursesCharacter value: UInt32) {
        switch value {
        case 9: self = .tab
        case 10, 13: self = .enter
        case 8, 127: self = .backspace
        case 27: self = .escape
        case 1...26: self = .control(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        default:
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .control else { return nil }
            self = .character(Character(scalar))
        }
    }

    /// A function key (wget_wch returned KEY_CODE_YES). Terminals send Home/End as several sequences,
    /// which terminfo names find/select (vt220 `ESC [1~`/`ESC [4~`) or keypad corners A1/C1.
    init?(cursesKeyCode code: Int32) {
        switch code {
        case KEY_UP: self = .up
        case KEY_DOWN: self = .down
        case KEY_LEFT: self = .left
        case KEY_RIGHT: self = .right
        case KEY_PPAGE, KEY_A3: self = .pageUp
        case KEY_NPAGE, KEY_C3: self = .pageDown
        case KEY_HOME, KEY_FIND, KEY_A1: self = .home
        case KEY_END, KEY_SELECT, KEY_C1: self = .end
        case KEY_ENTER: self = .enter
        case KEY_BACKSPACE: self = .backspace
        case KEY_RESIZE: self = .resize
        case (KEY_F0 + 1)...(KEY_F0 + 63): self = .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    /// Sequences terminals commonly send that the terminfo entry of TERM may not list
    /// (TERM=xterm-256color inside tmux gets `ESC [1~` for Home), registered with define_key as htop does.
    static let commonSequences: [(sequence: String, code: Int32)] = [
        ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
        ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
        ("\u{1B}OP", KEY_F0 + 1), ("\u{1B}OQ", KEY_F0 + 2), ("\u{1B}OR", KEY_F0 + 3), ("\u{1B}OS", KEY_F0 + 4),
        ("\u{1B}[11~", KEY_F0 + 1), ("\u{1B}[12~", KEY_F0 + 2), ("\u{1B}[13~", KEY_F0 + 3), ("\u{1B}[14~", KEY_F0 + 4),
    ]
}
