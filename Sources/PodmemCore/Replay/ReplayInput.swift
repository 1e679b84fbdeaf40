import FoundationEssentials
import Glibc

/// Opens what `replay` and `report` accept: a recording (`podmem.recording/2` or `/1`, its first line says so) or a
/// snapshot document (`podmem.snapshot/1`, from the `s` key or `--batch --json`). Anything else is a one-line error.
public enum ReplayInput {
    /// Snapshots are read whole; a day-long live history is a few MB, so this is far above any real one.
    static let maximumSnapshotBytes = 1 << 30

    public static func open(_ path: String) throws(CommandFailure) -> SampleTimeline {
        if let recording = try Recording(path: path) { return recording }
        let bytes = try readWhole(path)
        let document: SnapshotDocument
        do {
            document = try SnapshotCodec.decode(Data(bytes))
        } catch {
            // Key order is not fixed, so a cut snapshot may have lost its schema line: a JSON object that does not
            // parse, or one that names a podmem schema, is a damaged document rather than a foreign one.
            let text = String(decoding: bytes, as: UTF8.self)
            let isObject = text.first { !$0.isWhitespace } == "{"
            if RecordingHeader.readableSchemas.contains(where: { text.contains($0) }) {
                throw CommandFailure("\(path): damaged recording header (\(Self.reason(error)))")
            }
            if text.contains(SnapshotDocument.schemaName) || (isObject && Self.isInvalidJSON(error)) {
                throw CommandFailure("\(path): damaged or truncated snapshot (\(Self.reason(error)))")
            }
            throw CommandFailure("\(path) is not a podmem snapshot or recording")
        }
        guard document.schema == SnapshotDocument.schemaName else {
            throw CommandFailure("\(path): unsupported schema \(document.schema) (expected \(SnapshotDocument.schemaName) or \(RecordingHeader.schemaName))")
        }
        return SnapshotTimeline(document)
    }

    private static func readWhole(_ path: String) throws(CommandFailure) -> [UInt8] {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CommandFailure("cannot open \(path): \(FileOutput.describe(errno))") }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= maximumSnapshotBytes {
            let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { throw CommandFailure("cannot read \(path): \(FileOutput.describe(errno))") }
            if got == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<got])
        }
        throw CommandFailure("\(path) is larger than any podmem snapshot")
    }

    private static func isInvalidJSON(_ error: Error) -> Bool {
        if case DecodingError.dataCorrupted = error { return true }
        return false
    }

    /// The decoder's complaint in a few words.
    private static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted: "not valid JSON"
        case DecodingError.keyNotFound(let key, _): "no \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "bad value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "\(error)"
        }
    }
}
