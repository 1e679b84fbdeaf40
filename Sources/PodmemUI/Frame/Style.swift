/// How a cell is drawn. Colors are the 8 ANSI ones so every terminal (and NO_COLOR) can honour them.
public struct Style: Sendable, Equatable, Hashable {
    public enum Color: Int, Sendable, CaseIterable {
        case black, red, green, yellow, blue, magenta, cyan, white
    }

    public var foreground: Color?
    public var bold = false
    public var reverse = false
    public var dim = false
    public var underline = false

    public init(
        foreground: Color? = nil, bold: Bool = false, reverse: Bool = false, dim: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
    }

    public static let plain = Style()
    public static let header = Style(bold: true)
    public static let muted = Style(dim: true)
}
