import PodmemCore

/// Where the app loop gets the time, so tests can run the whole app on a manual clock.
public protocol TimeSource: AnyObject {
    /// Unix time in seconds.
    func now() -> Double
}

/// The real clock.
public final class SystemTime: TimeSource {
    public init() {}
    public func now() -> Double { Timestamp.now() }
}
