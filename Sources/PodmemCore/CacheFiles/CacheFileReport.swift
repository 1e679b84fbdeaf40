/// The result of scanning one pod's files: the largest few, the total over every file measured, and what could
/// not be seen.
public struct CacheFileReport: Sendable, Equatable {
    /// Largest `cachedBytes` first, at most the scanner's `shownFiles`.
    public var files: [CacheFileEntry]
    /// Sum of `cachedBytes` over every file measured, shown or not: the numerator of the coverage line.
    public var totalCachedBytes: UInt64
    public var candidateCount: Int
    public var measuredCount: Int
    /// Every candidate of the scan was measured; false while a scan is still spread over refreshes.
    public var complete: Bool
    /// Permission problems, the file cap, an unfinished scan: one line each, for the screen and the JSON.
    public var problems: [String]

    public init(
        files: [CacheFileEntry], totalCachedBytes: UInt64, candidateCount: Int, measuredCount: Int,
        complete: Bool, problems: [String]
    ) {
        self.files = files
        self.totalCachedBytes = totalCachedBytes
        self.candidateCount = candidateCount
        self.measuredCount = measuredCount
        self.complete = complete
        self.problems = problems
    }

    /// The files' cached bytes over the pod's file LRU (`active_file + inactive_file`). Page cache is charged to
    /// the cgroup that first faulted a page in, so this can exceed 1 (files cached here, charged elsewhere) or stay
    /// low (cache charged here for files no process of the pod holds any more). nil without a file LRU figure.
    public func coverage(fileLRUBytes: UInt64?) -> Double? {
        guard let fileLRUBytes, fileLRUBytes > 0 else { return nil }
        return Double(totalCachedBytes) / Double(fileLRUBytes)
    }
}
