import Glibc

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
    /// A malformed value leaves its slot nil; other lines are still read. One pass: a line whose key is not in
    /// the table is skipped with `memchr`, so unwanted keys cost a key scan and nothing more.
    public func parse(_ buffer: [UInt8], count: Int, into values: inout [UInt64?]) -> (
        line: Int, problem: ValueProblem
    )? {
        for index in values.indices { values[index] = nil }
        if values.count < slotCount { values += Array(repeating: nil, count: slotCount - values.count) }
        var firstProblem: (Int, ValueProblem)?
        buffer.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var lineStart = 0
            var lineNumber = 0
            while lineStart < count {
                lineNumber += 1
                var keyEnd = lineStart
                while keyEnd < count {
                    let byte = base[keyEnd]
                    if byte == ByteParsing.space || byte == ByteParsing.colon || byte == ByteParsing.tab
                        || byte == ByteParsing.newline
                    {
                        break
                    }
                    keyEnd += 1
                }
                let keyLength = keyEnd - lineStart
                if keyLength > 0, keyLength < keysByLength.count, let slot = slot(bytes, lineStart, keyLength),
                    values[slot] == nil
                {
                    var valueStart = keyEnd
                    if valueStart < count && base[valueStart] == ByteParsing.colon { valueStart += 1 }
                    while valueStart < count
                        && (base[valueStart] == ByteParsing.space || base[valueStart] == ByteParsing.tab)
                    {
                        valueStart += 1
                    }
                    var valueEnd = valueStart
                    while valueEnd < count && !ByteParsing.isBlank(base[valueEnd]) { valueEnd += 1 }
                    let lineEnd = Self.lineEnd(base, from: valueEnd, count: count)
                    switch ByteParsing.unsigned(bytes, valueStart, valueEnd) {
                    case .success(var value):
                        var overflow = false
                        if isKilobytes(bytes, valueEnd, lineEnd) {
                            (value, overflow) = value.multipliedReportingOverflow(by: 1024)
                        }
                        if overflow || value > ByteParsing.plausibleMaximum {
                            if firstProblem == nil { firstProblem = (lineNumber, .implausible) }
                        } else {
                            values[slot] = value
                        }
                    case .failure(let problem):
                        if firstProblem == nil { firstProblem = (lineNumber, problem) }
                    }
                    lineStart = lineEnd + 1
                } else {
                    if keyLength == 0, keyEnd < count, base[keyEnd] != ByteParsing.newline, firstProblem == nil {
                        firstProblem = (lineNumber, .notANumber)
                    }
                    lineStart = Self.lineEnd(base, from: keyEnd, count: count) + 1
                }
            }
        }
        return firstProblem.map { (line: $0.0, problem: $0.1) }
    }

    /// Index of the next newline at or after `from`, or `count`.
    @inline(__always)
    private static func lineEnd(_ base: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
        guard from < count, let hit = memchr(base + from, Int32(ByteParsing.newline), count - from) else {
            return count
        }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
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
