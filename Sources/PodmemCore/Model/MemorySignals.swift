/// Kernel signals that tell reclaimed cache from cache merely sitting on the active list. In the JSON document:
/// `signals`, under the same names.
public struct MemorySignals: Codable, ExplicitNullEncodable, Sendable, Equatable {
    public var failCount: UInt64?
    public var oomEvents: UInt64?
    public var oomKillEvents: UInt64?
    public var highEvents: UInt64?
    public var maxEvents: UInt64?
    public var workingsetRefaultFile: UInt64?
    public var pressureSomeAvg10: Double?
    public var pressureSomeAvg60: Double?
    public var pressureFullAvg10: Double?
    public var pressureFullAvg60: Double?

    public init(_ counters: MemoryCounters) {
        failCount = counters.failCount
        oomEvents = counters.events?.oom
        oomKillEvents = counters.events?.oomKill
        highEvents = counters.events?.high
        maxEvents = counters.events?.max
        workingsetRefaultFile = counters.stat.workingsetRefaultFile
        pressureSomeAvg10 = counters.pressure?.someAvg10
        pressureSomeAvg60 = counters.pressure?.someAvg60
        pressureFullAvg10 = counters.pressure?.fullAvg10
        pressureFullAvg60 = counters.pressure?.fullAvg60
    }
}
