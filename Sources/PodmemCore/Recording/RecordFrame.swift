/// One record on disk: `type (1 byte) · payload length (UInt32 LE) · CRC-32 of the payload (UInt32 LE) · payload`.
/// A record is appended with a single write, so a crash leaves at most one torn record, at the end.
struct RecordFrame {
    enum Kind: UInt8 {
        /// A series' identity (`SeriesIdentity` as JSON) and the number later records use for it.
        case identity = 1
        /// One poll's values.
        case sample = 2
    }

    static let headerSize = 9
    /// Far above any real poll (2000 pods is ~1 MB in a keyframe); a larger length means damage.
    static let maximumPayload = 256 << 20

    static func encode(_ kind: Kind, payload: [UInt8], into bytes: inout [UInt8]) {
        var writer = BinaryWriter()
        writer.byte(kind.rawValue)
        writer.uint32(UInt32(payload.count))
        writer.uint32(CRC32.checksum(payload))
        bytes.append(contentsOf: writer.bytes)
        bytes.append(contentsOf: payload)
    }
}
