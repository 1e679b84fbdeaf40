/// Parses PSI (`memory.pressure`): `some avg10=0.00 avg60=0.00 avg300=0.00 total=N` and the `full` line.
public enum PressureParser {
    public static func parse(_ buffer: [UInt8], count: Int) -> MemoryPressure? {
        var pressure = MemoryPressure()
        var found = false
        buffer.withUnsafeBufferPointer { bytes in
            var lineStart = 0
            while lineStart < count {
                var lineEnd = lineStart
                while lineEnd < count && bytes[lineEnd] != ByteParsing.newline { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                let isFull: Bool
                if matches(bytes, lineStart, lineEnd, "some ") {
                    isFull = false
                } else if matches(bytes, lineStart, lineEnd, "full ") {
                    isFull = true
                } else {
                    continue
                }
                var fieldStart = lineStart + 5
                while fieldStart < lineEnd {
                    var fieldEnd = fieldStart
                    while fieldEnd < lineEnd && bytes[fieldEnd] != ByteParsing.space { fieldEnd += 1 }
                    let isAvg10 = matches(bytes, fieldStart, fieldEnd, "avg10=")
                    let isAvg60 = matches(bytes, fieldStart, fieldEnd, "avg60=")
                    // PSI averages are percentages; anything above 100 is not a reading.
                    if isAvg10 || isAvg60, let value = ByteParsing.decimal(bytes, fieldStart + 6, fieldEnd),
                        value <= 100
                    {
                        found = true
                        switch (isFull, isAvg10) {
                        case (false, true): pressure.someAvg10 = value
                        case (false, false): pressure.someAvg60 = value
                        case (true, true): pressure.fullAvg10 = value
                        case (true, false): pressure.fullAvg60 = value
                        }
                    }
                    fieldStart = fieldEnd + 1
                }
            }
        }
        return found ? pressure : nil
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ prefix: StaticString)
        -> Bool
    {
        let length = prefix.utf8CodeUnitCount
        guard end - start >= length else { return false }
        let prefixBytes = prefix.utf8Start
        for offset in 0..<length where bytes[start + offset] != prefixBytes[offset] { return false }
        return true
    }
}
