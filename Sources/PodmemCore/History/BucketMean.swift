/// Running mean of the points that fall in one time bucket of a coarse tier. Each value averages only the
/// points where it was read (a gap is not a zero); means are rounded to whole pages so the tier stays compact.
struct BucketMean {
    /// `floor(time / resolution)`: which bucket this is.
    let bucket: Int64
    private var count = 0
    private var timeSum = 0.0
    private var sums: (Double, Double, Double, Double) = (0, 0, 0, 0)
    private var counts: (Int, Int, Int, Int) = (0, 0, 0, 0)

    init(bucket: Int64) {
        self.bucket = bucket
    }

    mutating func add(_ point: HistoryPoint) {
        count += 1
        timeSum += point.time
        func add(_ value: UInt64?, to sum: inout Double, _ count: inout Int) {
            guard let value else { return }
            sum += Double(value)
            count += 1
        }
        add(point.usageBytes, to: &sums.0, &counts.0)
        add(point.rssBytes, to: &sums.1, &counts.1)
        add(point.activeFileBytes, to: &sums.2, &counts.2)
        add(point.inactiveFileBytes, to: &sums.3, &counts.3)
    }

    /// The bucket as one point: mean time, mean of each value in whole pages.
    var point: HistoryPoint {
        func mean(_ sum: Double, _ count: Int) -> UInt64? {
            guard count > 0 else { return nil }
            let pageSize = Double(PagePoint.pageSize)
            return UInt64((sum / Double(count) / pageSize).rounded()) * PagePoint.pageSize
        }
        return HistoryPoint(
            time: timeSum / Double(count), usageBytes: mean(sums.0, counts.0), rssBytes: mean(sums.1, counts.1),
            activeFileBytes: mean(sums.2, counts.2), inactiveFileBytes: mean(sums.3, counts.3))
    }
}
