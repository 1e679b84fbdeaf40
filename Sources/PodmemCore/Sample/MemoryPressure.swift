/// Memory PSI (`memory.pressure`): percent of wall time tasks stalled on memory.
/// `some`: at least one task stalled; `full`: all non-idle tasks stalled.
public struct MemoryPressure: Sendable, Equatable, Codable {
    public var someAvg10: Double?
    public var someAvg60: Double?
    public var fullAvg10: Double?
    public var fullAvg60: Double?

    public init(someAvg10: Double? = nil, someAvg60: Double? = nil, fullAvg10: Double? = nil, fullAvg60: Double? = nil)
    {
        self.someAvg10 = someAvg10
        self.someAvg60 = someAvg60
        self.fullAvg10 = fullAvg10
        self.fullAvg60 = fullAvg60
    }
}
