import FoundationEssentials

/// JSON for the snapshot document.
public enum SnapshotCodec {
    /// Keys sorted: the same document is the same bytes (the encoder's own key order differs from run to run), so
    /// two snapshots diff cleanly.
    public static func encode(_ document: SnapshotDocument, pretty: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }

    public static func decode(_ data: Data) throws -> SnapshotDocument {
        try JSONDecoder().decode(SnapshotDocument.self, from: data)
    }
}
