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
        if let value = point.usageBytes {
            sums.0 += Double(value)
            counts.0 += 1
        }
        if let value = point.rssBytes {
            sums.1 += Double(value)
            counts.1 += 1
        }
        if let value = point.activeFileBytes {
            sums.2 += Double(value)
            counts.2 += 1
        }
        if let value = point.inactiveFileBytes {
            sums.3 += Double(value)
            counts.3 += 1
        }
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
