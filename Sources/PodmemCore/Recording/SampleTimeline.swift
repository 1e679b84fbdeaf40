/// Samples in time order that a replay can move through: a recording, or the history inside a snapshot.
public protocol SampleTimeline: AnyObject {
    var intervalSeconds: Double { get }
    /// Problems met while opening (a torn last record, …), shown once.
    var warnings: [String] { get }
    var count: Int { get }
    func timestamp(at position: Int) -> Double
    /// Whether the sample can be decoded alone, cheaply (every sample of a snapshot; keyframes of a recording).
    func isKeyframe(at position: Int) -> Bool
    func sample(at position: Int) throws(CommandFailure) -> Sample
}
