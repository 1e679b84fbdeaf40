import FoundationEssentials

/// JSON for the snapshot document.
public enum SnapshotCodec {
    public static func encode(_ document: SnapshotDocument, pretty: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
        return try encoder.encode(document)
    }

    public static func decode(_ data: Data) throws -> SnapshotDocument {
        try JSONDecoder().decode(SnapshotDocument.self, from: data)
    }
}
