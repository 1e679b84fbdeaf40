import PodmemCore

extension Monitor {
    /// The `podmem.snapshot/1` document of the latest poll, as `--batch --json` encodes the model.
    public func snapshot(_ scope: ModelScope = .everything) -> SnapshotDocument? {
        model(scope).map(SnapshotDocument.init)
    }
}
