/// Anything that yields raw samples: the real cgroup tree, the demo node, later a recording.
public protocol MemorySource: AnyObject {
    /// Reads everything once; `timestamp` is the poll's Unix time in seconds.
    func sample(at timestamp: Double) -> Sample
}
