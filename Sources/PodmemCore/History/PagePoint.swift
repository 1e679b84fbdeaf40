/// A history point in 20 bytes: milliseconds since the history's epoch (times are kept to the millisecond,
/// as the snapshot document writes them) and the four values in 4 KiB pages. Kernels account these counters
/// in whole pages, so values are exact for real data; a value that is not (synthetic input) makes its series
/// fall back to full `HistoryPoint`s.
struct PagePoint {
    static let missing = UInt32.max
    static let pageSize: UInt64 = 4096

    let milliseconds: UInt32
    let usage: UInt32
    let rss: UInt32
    let activeFile: UInt32
    let inactiveFile: UInt32

    /// Nil when a value or the time offset cannot be stored exactly.
    init?(_ point: HistoryPoint, epoch: Double) {
        let offset = ((point.time - epoch) * 1000).rounded()
        guard offset >= 0, offset < Double(UInt32.max),
            let usage = Self.pages(point.usageBytes), let rss = Self.pages(point.rssBytes),
            let activeFile = Self.pages(point.activeFileBytes), let inactiveFile = Self.pages(point.inactiveFileBytes)
        else { return nil }
        milliseconds = UInt32(offset)
        self.usage = usage
        self.rss = rss
        self.activeFile = activeFile
        self.inactiveFile = inactiveFile
    }

    func point(epoch: Double) -> HistoryPoint {
        HistoryPoint(
            time: epoch + Double(milliseconds) / 1000, usageBytes: Self.bytes(usage), rssBytes: Self.bytes(rss),
            activeFileBytes: Self.bytes(activeFile), inactiveFileBytes: Self.bytes(inactiveFile))
    }

    /// Pages, `missing` for an absent value, nil when the value is not a whole number of pages.
    private static func pages(_ bytes: UInt64?) -> UInt32? {
        guard let bytes else { return missing }
        guard bytes % pageSize == 0, bytes / pageSize < UInt64(missing) else { return nil }
        return UInt32(bytes / pageSize)
    }

    private static func bytes(_ pages: UInt32) -> UInt64? {
        pages == missing ? nil : UInt64(pages) * pageSize
    }
}
