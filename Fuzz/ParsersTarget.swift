/// The live kernel-file parsers on arbitrary bytes: `memory.stat` (v1 and v2 tables), `memory.events`, meminfo,
/// `memory.pressure`, single-value and limit files. Every accepted value must be one the live reader may keep.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParsers(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    for parser in [MemoryStat.v1Parser, MemoryStat.v2Parser, MemoryEvents.parser, KeyValueParser(keys: [["MemTotal"]])] {
        var slots: [UInt64?] = []
        let problem = parser.parse(bytes, count: bytes.count, into: &slots)
        precondition(slots.count == parser.slotCount)
        for value in slots.compactMap({ $0 }) { precondition(value <= ByteParsing.plausibleMaximum, "\(value) accepted") }
        if let problem { precondition(problem.line >= 1) }
    }
    if let pressure = PressureParser.parse(bytes, count: bytes.count) {
        for value in [pressure.someAvg10, pressure.someAvg60, pressure.fullAvg10, pressure.fullAvg60].compactMap({ $0 }) {
            precondition(InputLimits.pressurePercent.contains(value), "PSI \(value) accepted")
        }
    }
    if case .success(let value) = ByteParsing.singleValue(bytes, count: bytes.count) {
        precondition(value <= ByteParsing.plausibleMaximum)
    }
    if case .success(.bytes(let value)) = ByteParsing.limit(bytes, count: bytes.count) {
        precondition(value <= MemoryLimit.unlimitedAbove)
    }
    return 0
}
