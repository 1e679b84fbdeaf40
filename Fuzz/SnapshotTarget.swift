/// A snapshot document (or anything else `report` may be handed) on arbitrary bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzInput.write(Array(UnsafeBufferPointer(start: data, count: count)))
    FuzzInput.openAndReport()
    return 0
}
