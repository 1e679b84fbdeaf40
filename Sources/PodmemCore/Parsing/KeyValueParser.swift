/// Parses `key value` lines (`memory.stat`, `memory.events`) and `Key: value kB` lines
/// (`/proc/meminfo`) straight from bytes, keeping only the keys in its table.
public struct KeyValueParser: Sendable {
    /// Key bytes and the slot each fills, grouped by key length so most lines are rejected by one compare.
    private let keysByLength: [[(key: [UInt8], slot: Int)]]
    public let slotCount: Int

    /// `keys[i]` lists the accepted spellings for slot `i`, preferred first (e.g. a newer kernel's name, then an older one).
    public init(keys: [[String]]) {
        var byLength: [[(key: [UInt8], slot: Int)]] = []
        for (slot, spellings) in keys.enumerated() {
            for spelling in spellings {
                let bytes = Array(spelling.utf8)
                while byLength.count <= bytes.count { byLength.append([]) }
                byLength[bytes.count].append((bytes, slot))
            }
        }
        keysByLength = byLength
        slotCount = keys.count
    }

    /// Fills `values` (one slot per key, nil when absent) and returns the first malformed line's problem, if any.
    /// A malformed value leaves its slot nil; other lines are still read.
    public func parse(_ buffer: [UInt8], count: Int, into values: inout [UInt64?]) -> (line: Int, problem: ValueProblem)? {
        for index in values.indices { values[index] = nil }
        if values.count < slotCount { values += Array(repeating: nil, count: slotCount - values.count) }
        var firstProblem: (Int, ValueProblem)?
        buffer.withUnsafeBufferPointer { bytes in
            var lineStart = 0
            var lineNumber = 0
            while lineStart < count {
                lineNumber += 1
                var lineEnd = lineStart
                while lineEnd < count && bytes[lineEnd] != ByteParsing.newline { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                var keyEnd = lineStart
                while keyEnd < lineEnd && bytes[keyEnd] != ByteParsing.space && bytes[keyEnd] != ByteParsing.colon
                    && bytes[keyEnd] != ByteParsing.tab { keyEnd += 1 }
                let keyLength = keyEnd - lineStart
                if keyLength == 0 {
                    if lineEnd > lineStart, firstProblem == nil { firstProblem = (lineNumber, .notANumber) }
                    continue
                }
                guard keyLength < keysByLength.count, let slot = slot(bytes, lineStart, keyLength) else { continue }
                if values[slot] != nil { continue }  // an older spelling never overrides a newer one already read
                var valueStart = keyEnd
                if valueStart < lineEnd && bytes[valueStart] == ByteParsing.colon { valueStart += 1 }
                while valueStart < lineEnd && (bytes[valueStart] == ByteParsing.space || bytes[valueStart] == ByteParsing.tab) {
                    valueStart += 1
                }
                var valueEnd = valueStart
                while valueEnd < lineEnd && !ByteParsing.isBlank(bytes[valueEnd]) { valueEnd += 1 }
                switch ByteParsing.unsigned(bytes, valueStart, valueEnd) {
                case .success(var value):
                    if isKilobytes(bytes, valueEnd, lineEnd) { value = value.multipliedReportingOverflow(by: 1024).partialValue }
                    if value > ByteParsing.plausibleMaximum {
                        if firstProblem == nil { firstProblem = (lineNumber, .implausible) }
                    } else {
                        values[slot] = value
                    }
                case .failure(let problem):
                    if firstProblem == nil { firstProblem = (lineNumber, problem) }
                }
            }
        }
        return firstProblem.map { (line: $0.0, problem: $0.1) }
    }

    @inline(__always)
    private func slot(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Int? {
        candidates: for candidate in keysByLength[length] {
            for offset in 0..<length where candidate.key[offset] != bytes[start + offset] { continue candidates }
            return candidate.slot
        }
        return nil
    }

    private func isKilobytes(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Bool {
        var index = from
        while index < end && ByteParsing.isBlank(bytes[index]) { index += 1 }
        return end - index == 2 && bytes[index] == UInt8(ascii: "k") && bytes[index + 1] == UInt8(ascii: "B")
    }
}
