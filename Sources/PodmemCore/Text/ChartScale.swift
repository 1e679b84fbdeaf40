/// One vertical scale for charts that are compared: the same bytes per step for every series of a group, each series
/// drawn from its own lowest value (min-based, so a 50 MiB rise of a 4 GiB working set is visible). Equal rises then
/// draw equal heights, and a rise 100× smaller than its neighbour's draws a hundredth of the height.
public struct ChartScale: Sendable, Equatable {
    /// Bytes from the bottom to the top of every chart of the group.
    public let spanBytes: Double

    /// A series at least this share of its group's highest value tall is needed to fill a chart: a change of a few
    /// percent of a pod's memory is drawn as a few percent of a ramp, not as a full-height one.
    public static let relativeFloor = 0.05

    /// The span is the largest rise drawn (max − min of the columns shown) among `series`, and at least
    /// `floorBytes` (the verdict's threshold: noise below it stays low) and `relativeFloor` of the highest value.
    public init(series: [(values: [Double?], width: Int)], floorBytes: Double) {
        var span = floorBytes
        var highest = 0.0
        for (values, width) in series {
            let present = Sparkline.resample(values, width: width).compactMap { $0 }
            guard let low = present.min(), let high = present.max() else { continue }
            span = max(span, high - low)
            highest = max(highest, high)
        }
        spanBytes = max(span, highest * Self.relativeFloor, 1)
    }

    /// The group scale of `series` in one pod: the verdict's threshold θ as the floor, at least 1 MiB.
    public init(series: [(values: [Double?], width: Int)], growth: Growth) {
        self.init(series: series, floorBytes: Self.floorBytes(growth))
    }

    /// The smallest span of a pod's charts: the verdict's threshold θ, at least 1 MiB.
    public static func floorBytes(_ growth: Growth) -> Double { max(1024 * 1024, growth.thresholdBytes) }

    /// The bottom and top of `values`' chart: its lowest drawn value and that plus the span; nil without values.
    public func axis(_ values: [Double?], width: Int) -> (bottom: Double, top: Double)? {
        guard let low = Sparkline.resample(values, width: width).compactMap({ $0 }).min() else { return nil }
        return (low, low + spanBytes)
    }
}
