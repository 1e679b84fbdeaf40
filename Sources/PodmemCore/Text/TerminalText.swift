/// Text from the host (directory and file names, host name, paths, warnings) made unable to drive a terminal: one
/// rule for every text output — the `--batch` table, `report`, errors, warnings and the curses screen.
/// Each unsafe Unicode scalar becomes `?`: C0 controls (ESC, newline, tab…), DEL, C1 controls (U+0080–U+009F, e.g.
/// U+009B, a one-character CSI), line and paragraph separators, bidirectional overrides and isolates (which reorder
/// what is shown), and U+FFFD, which is what invalid UTF-8 in a name decodes to, so invalid bytes show as `?` too.
/// JSON output keeps the original text, escaped as JSON (`jsonEscapingControls`).
public enum TerminalText {
    public static let replacement: Character = "?"

    public static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20..<0x7F: return true
        case 0..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069, 0xFFFD: return false
        default: return scalar.properties.generalCategory != .control
        }
    }

    /// `text` with every unsafe scalar replaced by `?`; the same string (no copy) when nothing needs replacing.
    public static func sanitized(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(isSafe) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(isSafe(scalar) ? scalar : "?")
        }
        return String(result)
    }

    /// A multi-line message (usage text): each line sanitised, the line breaks kept.
    public static func sanitizedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { sanitized(String($0)) }.joined(
            separator: "\n")
    }

    /// JSON from Foundation's encoder escapes `"`, `\` and C0 controls, but writes DEL and C1 controls (U+0080–U+009F)
    /// raw; this escapes those too (`\u007f`, `\u009b`), so the document shown on a terminal cannot drive it. Outside
    /// strings JSON is ASCII without DEL, so every such byte sequence is inside a string, where the escape means the
    /// same character.
    public static func jsonEscapingControls(_ json: [UInt8]) -> [UInt8] {
        guard json.contains(where: { $0 == 0x7F || $0 == 0xC2 }) else { return json }
        var out: [UInt8] = []
        out.reserveCapacity(json.count + 64)
        var index = 0
        while index < json.count {
            let byte = json[index]
            if byte == 0x7F {
                out += Array("\\u007f".utf8)
            } else if byte == 0xC2, index + 1 < json.count, (0x80...0x9F).contains(json[index + 1]) {
                out += Array("\\u00\(String(json[index + 1], radix: 16))".utf8)
                index += 1
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }
}
