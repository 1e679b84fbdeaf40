/// A rectangle of cells inside a frame.
public struct Rect: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxY: Int { y + height }

    /// The rows from `top` on, `count` high (clipped to this rect).
    public func rows(from top: Int, count: Int) -> Rect {
        let start = min(maxY, y + top)
        return Rect(x: x, y: start, width: width, height: min(count, maxY - start))
    }
}
