import PodmemCore

/// Fitting text into a fixed number of columns.
public enum TextFit {
    /// Cuts `text` to `width` columns, marking the cut with an ellipsis.
    public static func truncate(_ text: String, _ width: Int, glyphs: GlyphSet) -> String {
        guard width > 0 else { return "" }
        guard text.count > width else { return text }
        return String(text.prefix(width - 1)) + String(glyphs.ellipsis)
    }

    /// Cuts `text` to `width` columns in the middle, keeping its start and end (a namespace and a pod's replica
    /// suffix), e.g. `kube-system/ebs-csi…-node-7x9kq`.
    public static func elideMiddle(_ text: String, _ width: Int, glyphs: GlyphSet) -> String {
        guard width > 0 else { return "" }
        guard text.count > width else { return text }
        let head = width / 2
        let tail = width - 1 - head
        return String(text.prefix(head)) + String(glyphs.ellipsis) + String(text.suffix(tail))
    }

    public static func padRight(_ text: String, _ width: Int, glyphs: GlyphSet) -> String {
        let cut = truncate(text, width, glyphs: glyphs)
        return cut + String(repeating: " ", count: max(0, width - cut.count))
    }

    public static func padLeft(_ text: String, _ width: Int, glyphs: GlyphSet) -> String {
        let cut = truncate(text, width, glyphs: glyphs)
        return String(repeating: " ", count: max(0, width - cut.count)) + cut
    }

    /// Replaces the few non-ASCII characters podmem's own text uses when the terminal is not UTF-8.
    public static func ascii(_ text: String, glyphs: GlyphSet) -> String {
        guard !glyphs.isUnicode else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "−", "–": result += "-"
            case "·": result += "|"
            case "…": result += "..."
            case "≥": result += ">="
            case "≤": result += "<="
            case "×": result += "x"
            case "±": result += "+/-"
            case "↑", "▲": result += "^"
            case "↓", "▼": result += "v"
            case "←": result += "<-"
            case "→": result += "->"
            default: result.unicodeScalars.append(scalar.isASCII ? scalar : "?")
            }
        }
        return result
    }
}
