/// A recording on arbitrary bytes. An input that starts like a recording (a header line) has each frame's checksum
/// recomputed and its length cut to what is left, so mutations of values reach the decoder instead of stopping at
/// the CRC; any other input is read as it is (foreign files, damaged headers, snapshots).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecording(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: count))
    if bytes.first == UInt8(ascii: "{"), let newline = bytes.firstIndex(of: 0x0A) {
        var offset = newline + 1
        while bytes.count - offset >= RecordFrame.headerSize {
            var reader = BinaryReader(bytes, offset: offset + 1)
            let length = min(Int((try? reader.uint32()) ?? 0), bytes.count - offset - RecordFrame.headerSize)
            let payload = offset + RecordFrame.headerSize
            var frame = BinaryWriter()
            frame.uint32(UInt32(length))
            frame.uint32(CRC32.checksum(bytes[payload..<payload + length]))
            bytes.replaceSubrange(offset + 1..<payload, with: frame.bytes)
            offset = payload + length
        }
    }
    FuzzInput.write(bytes)
    FuzzInput.openAndReport()
    return 0
}
