/// Theil–Sen slope: the median of pairwise slopes, insensitive to a single outlier or a GC sawtooth.
/// Long series are first reduced to at most `maximumPoints` bucket medians so the cost stays fixed.
public enum RobustSlope {
    public static let maximumPoints = 32

    /// Slope in value units per time unit; nil with fewer than two distinct times.
    public static func theilSen(times: [Double], values: [Double]) -> Double? {
        precondition(times.count == values.count)
        let (t, v) = reduce(times: times, values: values)
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

    /// Consecutive buckets of equal size: mean time, median value.
    static func reduce(times: [Double], values: [Double]) -> ([Double], [Double]) {
        guard times.count > maximumPoints else { return (times, values) }
        var bucketTimes: [Double] = []
        var bucketValues: [Double] = []
        for bucket in 0..<maximumPoints {
            let lower = bucket * times.count / maximumPoints
            let upper = (bucket + 1) * times.count / maximumPoints
            guard upper > lower else { continue }
            bucketTimes.append(times[lower..<upper].reduce(0, +) / Double(upper - lower))
            var slice = Array(values[lower..<upper])
            bucketValues.append(median(&slice) ?? 0)
        }
        return (bucketTimes, bucketValues)
    }

    public static func median(_ values: inout [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        values.sort()
        let middle = values.count / 2
        return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
    }
}
