/// `MemoryCounters` as a fixed list of optional 64-bit fields, the unit a recording stores and delta-codes.
/// Doubles (PSI) are kept as their bit patterns, so a replay gets back exactly what was read.
enum CounterFields {
    /// usage, the first 13 `MemoryStat.slots`, limit, failcnt, 4 events, 4 PSI averages, whether events and PSI
    /// were read, (since `podmem.recording/2`) v1 kernel memory, then the stat slots after the 13th in their order.
    /// The positions are what existing recordings hold; the header says how many a file has, so a slot added to
    /// `MemoryStat.slots` extends the fields without a new version.
    static let count = version2Count + max(0, MemoryStat.slots.count - firstStatSlots.count)
    static let version1Count = 26
    static let version2Count = 27
    private static let firstStatSlots = 1..<14
    private static let limit = 14, failCount = 15, events = 16, pressure = 20, hasEvents = 24, hasPressure = 25,
        kernelUsage = 26

    /// The field of stat slot `index`.
    private static func statField(_ index: Int) -> Int {
        index < firstStatSlots.count ? firstStatSlots.lowerBound + index : version2Count + index - firstStatSlots.count
    }

    static func fields(_ counters: MemoryCounters) -> [UInt64?] {
        var fields = [UInt64?](repeating: nil, count: count)
        fields[0] = counters.usageBytes
        for (index, value) in counters.stat.slotValues.enumerated() { fields[statField(index)] = value }
        fields[limit] = counters.limit.map { $0.byteCount ?? UInt64.max }
        fields[failCount] = counters.failCount
        if let value = counters.events {
            (fields[events], fields[events + 1], fields[events + 2], fields[events + 3]) = (
                value.oom, value.oomKill, value.high, value.max
            )
            fields[hasEvents] = 1
        }
        if let value = counters.pressure {
            let averages = [value.someAvg10, value.someAvg60, value.fullAvg10, value.fullAvg60]
            for (offset, average) in averages.enumerated() { fields[pressure + offset] = average?.bitPattern }
            fields[hasPressure] = 1
        }
        fields[kernelUsage] = counters.kernelUsageBytes
        return fields
    }

    static func counters(_ fields: [UInt64?]) -> MemoryCounters {
        var counters = MemoryCounters(usageBytes: fields[0])
        counters.stat = MemoryStat(slots: MemoryStat.slots.indices.map { fields[statField($0)] })
        counters.limit = fields[limit].map { $0 == UInt64.max ? .unlimited : .bytes($0) }
        counters.failCount = fields[failCount]
        counters.kernelUsageBytes = fields[kernelUsage]
        if fields[hasEvents] != nil {
            counters.events = MemoryEvents(
                oom: fields[events], oomKill: fields[events + 1], high: fields[events + 2], max: fields[events + 3])
        }
        if fields[hasPressure] != nil {
            let average = { (offset: Int) in fields[pressure + offset].map(Double.init(bitPattern:)) }
            counters.pressure = MemoryPressure(
                someAvg10: average(0), someAvg60: average(1), fullAvg10: average(2), fullAvg60: average(3))
        }
        return counters
    }

    /// Why a decoded row cannot be real, or nil: every field is a byte count or counter up to 2^60, except the
    /// limit (up to 2^62, or `UInt64.max`: unlimited), the PSI averages (0…100) and the two presence flags (1).
    /// Checked per field kind, so a field added to the list is covered as a count without touching this.
    static func problem(_ fields: [UInt64?]) -> String? {
        for index in fields.indices {
            guard let value = fields[index] else { continue }
            let reason: String?
            switch index {
            case limit: reason = value == UInt64.max ? nil : InputLimits.limitProblem(value)
            case pressure..<pressure + 4:
                let percent = Double(bitPattern: value)
                reason = InputLimits.pressurePercent.contains(percent) ? nil : "\(percent) is not a PSI percentage"
            case hasEvents, hasPressure: reason = value == 1 ? nil : "flag \(value) is not 1"
            default: reason = InputLimits.countProblem(value)
            }
            if let reason { return "field \(index): \(reason)" }
        }
        return nil
    }
}
