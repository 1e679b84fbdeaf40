/// What handling a key asks the loop to do beyond redrawing.
public enum Effect: Sendable, Equatable {
    case none
    case quit
    case writeSnapshot
    /// Replay only: move through the recorded time.
    case seek(ReplaySeek)
}
