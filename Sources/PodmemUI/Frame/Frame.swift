/// An in-memory screen: what every screen renders into, what the terminal backend blits,
/// and what tests read as text. Drawing is clipped to the frame; characters are single-column.
public struct Frame: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = Cell()) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes `text` from (x, y), clipped to `limit` columns (and the frame). Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let end = min(width, x + (limit ?? width))
        var column = x
        for character in text where column < end {
            if column >= 0 { cells[y * width + column] = Cell(character, style: style) }
            column += 1
        }
        return max(0, column - x)
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = Cell()) {
        for row in rect.y..<min(height, rect.maxY) where row >= 0 {
            for column in rect.x..<min(width, rect.x + rect.width) where column >= 0 {
                cells[row * width + column] = cell
            }
        }
    }

    /// Applies a style to every cell of a row span without changing the characters (selection highlight).
    public mutating func restyle(y: Int, x: Int, width spanWidth: Int, _ transform: (inout Style) -> Void) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + spanWidth) { transform(&cells[y * width + column].style) }
    }

    /// One line of text.
    public func line(_ y: Int) -> String {
        String(cells[(y * width)..<((y + 1) * width)].map(\.character))
    }

    /// The whole frame as text, one line per row, trailing spaces kept so columns line up.
    public var text: String {
        (0..<height).map(line).joined(separator: "\n")
    }
}
