/// Where a replay key moves the time position.
public enum ReplaySeek: Sendable, Equatable {
    case samples(Int)
    case seconds(Double)
    case start, end
}
