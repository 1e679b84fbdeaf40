/// Theil–Sen slope: the median of pairwise slopes, insensitive to a single outlier or a GC sawtooth.
/// `GrowthAnalyzer` hands it at most `maximumPoints` bucket means of a window (a spike moves one bucket, which the
/// median of slopes ignores), so the cost per series is fixed at 120 pairs whatever the window: it runs for every
/// pod on every poll. Bucket means of a periodic series can alias with its period and tilt the slope:
/// `GrowthAnalyzer` weighs the slope against the series' own spread.
public enum RobustSlope {
    /// Bucket means a window is reduced to before its slope is taken.
    public static let maximumPoints = 16

    /// Slope in value units per time unit over every pair of points; nil with fewer than two distinct times.
    public static func theilSen(times t: [Double], values v: [Double]) -> Double? {
        precondition(t.count == v.count)
        guard t.count >= 2 else { return nil }
        var slopes: [Double] = []
        slopes.reserveCapacity(t.count * (t.count - 1) / 2)
        for i in 0..<t.count {
            for j in (i + 1)..<t.count where t[j] != t[i] {
                slopes.append((v[j] - v[i]) / (t[j] - t[i]))
            }
        }
        return median(&slopes)
    }

    /// The median, found by quickselect (linear time); reorders `values`.
    public static func median(_ values: inout [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let middle = values.count / 2
        let upper = select(&values, middle)
        guard values.count % 2 == 0 else { return upper }
        // The lower middle is the largest value left of the upper one after selection.
        var lower = values[0]
        for index in 1..<middle where values[index] > lower { lower = values[index] }
        return (lower + upper) / 2
    }

    /// Puts the k-th smallest value at index k with smaller ones before it (Hoare partitioning).
    static func select(_ values: inout [Double], _ k: Int) -> Double {
        var low = 0
        var high = values.count - 1
        while low < high {
            let pivot = values[(low + high) / 2]
            var i = low
            var j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { high = j } else if k >= i { low = i } else { break }
        }
        return values[k]
    }
}
