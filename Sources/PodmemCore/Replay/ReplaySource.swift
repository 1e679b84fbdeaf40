/// Hands the monitor samples read from a timeline, one per poll, so a replay goes through the same ingest,
/// history and analysis as a live run.
final class ReplaySource: MemorySource {
    var next: Sample?

    func sample(at timestamp: Double) -> Sample {
        next!
    }
}
