/// How much history each series keeps: a raw tier with every poll, then tiers of bucket means
/// (by default 1 min for 2 h and 10 min for 24 h), so slow growth over hours stays visible while memory
/// depends only on the number of series, never on run time.
///
/// Pods (and other workloads) get every tier; containers only the first one, so their verdicts cover the raw
/// window at most — the slow trend is read per pod. A live plan has a byte budget: at the first poll every tier
/// is coarsened by the same factor until every series fits (`fitted`), so a 2000-pod node keeps the same spans
/// at a coarser step rather than more memory.
public struct HistoryPlan: Sendable, Equatable {
    public struct Tier: Sendable, Equatable {
        /// Seconds per point; nil for the raw tier (one point per poll).
        public var resolutionSeconds: Double?
        public var capacity: Int
    }

    public private(set) var tiers: [Tier]
    /// Seconds between polls, which the raw tier's coverage is counted in.
    public let intervalSeconds: Double
    /// Bytes all series' points may take; nil: capacities as given.
    public let budgetBytes: Int?

    /// Default live budget for history points (a point is 20 bytes).
    public static let defaultBudgetBytes = 8 << 20
    /// Most raw points per series: enough for an hour at 1 s.
    public static let maximumRawCapacity = 3600
    /// Fewest points a fitted tier keeps: enough for a verdict's 16 buckets.
    public static let minimumCapacity = 16
    /// Coarse tiers of a live plan: (seconds per point, points).
    static let coarseTiers: [(Double, Int)] = [(60, 120), (600, 144)]
    static let bytesPerPoint = MemoryLayout<PagePoint>.stride

    /// Raw points only, `capacity` of them (batch mode and tests).
    public init(rawCapacity: Int, intervalSeconds: Double) {
        self.init(
            tiers: [Tier(resolutionSeconds: nil, capacity: max(2, rawCapacity))], intervalSeconds: intervalSeconds,
            budgetBytes: nil)
    }

    /// The live monitor's plan: raw points for `window` seconds, then the coarse tiers whose points are at least
    /// twice as far apart as polls, all within `budgetBytes`.
    public static func live(window: Double, intervalSeconds: Double, budgetBytes: Int = defaultBudgetBytes)
        -> HistoryPlan
    {
        var tiers = [Tier(resolutionSeconds: nil, capacity: rawCapacity(window: window, interval: intervalSeconds))]
        for (resolution, capacity) in coarseTiers where resolution >= 2 * intervalSeconds {
            tiers.append(Tier(resolutionSeconds: resolution, capacity: capacity))
        }
        return HistoryPlan(tiers: tiers, intervalSeconds: intervalSeconds, budgetBytes: budgetBytes)
    }

    private init(tiers: [Tier], intervalSeconds: Double, budgetBytes: Int?) {
        self.tiers = tiers
        self.intervalSeconds = intervalSeconds
        self.budgetBytes = budgetBytes
    }

    /// Raw points needed to cover `window` seconds at `interval`, plus one, bounded to keep memory flat.
    public static func rawCapacity(window: Double, interval: Double) -> Int {
        guard interval > 0, window.isFinite else { return maximumRawCapacity }
        return min(maximumRawCapacity, max(2, Int(saturating: (window / interval).rounded(.up)) &+ 1))
    }

    /// The plan `workloads` series with every tier and `containers` with the first one fit the budget in: every
    /// span is kept and every tier coarsened by the same whole factor k (the first tier then holds means of k polls,
    /// the others buckets k times as long), so a big node's default span still shows a full line, at a coarser step.
    public func fitted(workloads: Int, containers: Int) -> HistoryPlan {
        guard let budgetBytes else { return self }
        let points = workloads * tiers.reduce(0) { $0 + $1.capacity } + containers * tiers[0].capacity
        let affordable = max(1, budgetBytes / Self.bytesPerPoint)
        guard points > affordable else { return self }
        let factor = (points + affordable - 1) / affordable
        var fitted = self
        for index in fitted.tiers.indices {
            let tier = tiers[index]
            // A raw tier of c points spans c - 1 intervals; a bucket tier of c points, c buckets.
            let buckets = tier.resolutionSeconds == nil ? tier.capacity - 1 : tier.capacity
            fitted.tiers[index].resolutionSeconds = (tier.resolutionSeconds ?? intervalSeconds) * Double(factor)
            fitted.tiers[index].capacity = max(Self.minimumCapacity, (buckets + factor - 1) / factor)
        }
        return fitted
    }

    /// Seconds a full tier spans: between its oldest and newest poll for the raw tier; a coarse tier's finished
    /// buckets plus the one filling.
    public func coveredSeconds(tier index: Int) -> Double {
        let tier = tiers[index]
        guard let resolution = tier.resolutionSeconds else { return Double(tier.capacity - 1) * intervalSeconds }
        return Double(tier.capacity) * resolution
    }

    /// Seconds the coarsest tier spans: the longest span worth showing.
    public var longestSeconds: Double { coveredSeconds(tier: tiers.count - 1) }
}
