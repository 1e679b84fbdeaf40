/// Reads what `BinaryWriter` wrote; every read is bounds-checked and a short or malformed input throws.
struct BinaryReader {
    struct Malformed: Error {}

    let bytes: [UInt8]
    private(set) var offset: Int

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw Malformed() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint32() throws -> UInt32 { try littleEndian() }

    mutating func uint64() throws -> UInt64 { try littleEndian() }

    private mutating func littleEndian<Integer: FixedWidthInteger & UnsignedInteger>() throws -> Integer {
        let size = MemoryLayout<Integer>.size
        guard bytes.count - offset >= size else { throw Malformed() }
        var value: Integer = 0
        for index in 0..<size { value |= Integer(bytes[offset + index]) << (8 * index) }
        offset += size
        return value
    }

    mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw Malformed() }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    mutating func count(maximum: Int) throws -> Int {
        let value = try varint()
        guard value <= UInt64(maximum) else { throw Malformed() }
        return Int(value)
    }

    mutating func delta(from previous: UInt64) throws -> UInt64 {
        let zigzag = try varint()
        let difference = Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
        return previous &+ UInt64(bitPattern: difference)
    }

    /// A varint length, then that many bytes; the length is checked against what is left after the varint itself.
    mutating func string() throws -> String {
        let length = try varint()
        guard length <= UInt64(bytes.count - offset) else { throw Malformed() }
        return String(decoding: try bytes(Int(length)), as: UTF8.self)
    }

    mutating func bytes(_ length: Int) throws -> ArraySlice<UInt8> {
        guard length >= 0, bytes.count - offset >= length else { throw Malformed() }
        defer { offset += length }
        return bytes[offset..<offset + length]
    }
}
