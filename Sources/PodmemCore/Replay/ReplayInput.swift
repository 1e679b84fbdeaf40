import FoundationEssentials
import Glibc

/// Opens what `replay` and `report` accept: a recording (`podmem.recording/2` or `/1`, its first line says so) or a
/// snapshot document (`podmem.snapshot/1`, from the `s` key or `--batch --json`). Anything else, and any value
/// outside `InputLimits`, is a one-line error.
public enum ReplayInput {
    static let maximumSnapshotBytes = InputLimits.maximumSnapshotBytes

    public static func open(_ path: String) throws(CommandFailure) -> SampleTimeline {
        if let recording = try Recording(path: path) { return recording }
        let bytes = try readWhole(path)
        let document: SnapshotDocument
        do {
            document = try SnapshotCodec.decode(bytes)
        } catch {
            // Key order is not fixed, so a cut snapshot may have lost its schema line: a JSON object that does not
            // parse, or one that names a podmem schema, is a damaged document rather than a foreign one.
            let isObject = bytes.first { !ByteParsing.isBlank($0) } == UInt8(ascii: "{")
            if contains(bytes, schemaStem(RecordingHeader.schemaName)) {
                throw CommandFailure("\(path): damaged recording header (\(Self.reason(error)))")
            }
            if contains(bytes, schemaStem(SnapshotDocument.schemaName)) || (isObject && Self.isInvalidJSON(error)) {
                throw CommandFailure("\(path): damaged or truncated snapshot (\(Self.reason(error)))")
            }
            throw CommandFailure("\(path) is not a podmem snapshot or recording")
        }
        guard document.schema == SnapshotDocument.schemaName else {
            throw CommandFailure(
                "\(path): unsupported schema \(document.schema) (expected \(SnapshotDocument.schemaName) or \(RecordingHeader.schemaName))"
            )
        }
        if let problem = SnapshotValidator.problem(document) {
            throw CommandFailure("\(path): damaged snapshot at \(problem)")
        }
        return SnapshotTimeline(document)
    }

    /// The whole file in one buffer, refused by its size before it is read (and cut off there if it grows or is not
    /// a regular file).
    private static func readWhole(_ path: String) throws(CommandFailure) -> Data {
        let tooLarge = CommandFailure("\(path) is larger than any podmem snapshot (\(maximumSnapshotBytes >> 20) MiB)")
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CommandFailure("cannot open \(path): \(FileOutput.describe(errno))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw CommandFailure("cannot read \(path): \(FileOutput.describe(errno))") }
        guard info.st_size <= maximumSnapshotBytes else { throw tooLarge }
        var bytes = Data(count: max(Int(info.st_size) + 1, 1 << 16))
        var filled = 0
        while true {
            if filled == bytes.count {
                guard filled <= maximumSnapshotBytes else { throw tooLarge }
                bytes.count = min(2 * filled, maximumSnapshotBytes + 1)
            }
            let got = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { throw CommandFailure("cannot read \(path): \(FileOutput.describe(errno))") }
            if got == 0 { break }
            filled += got
        }
        bytes.count = filled
        return bytes
    }

    /// `podmem.recording` of `podmem.recording/1`: JSON may write the slash as `\/`.
    static func schemaStem(_ schema: String) -> String {
        String(schema.prefix { $0 != "/" })
    }

    /// Whether `text` occurs in `bytes` (memchr and memcmp: a failed 256 MiB file is searched without a String copy).
    static func contains<Bytes: ContiguousBytes>(_ bytes: Bytes, _ text: String) -> Bool {
        let needle = Array(text.utf8)
        return bytes.withUnsafeBytes { haystack in
            guard let base = haystack.baseAddress, !needle.isEmpty, haystack.count >= needle.count else { return false }
            let last = haystack.count - needle.count
            var offset = 0
            while offset <= last, let hit = memchr(base + offset, Int32(needle[0]), last - offset + 1) {
                offset = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + offset, needle, needle.count) == 0 { return true }
                offset += 1
            }
            return false
        }
    }

    private static func isInvalidJSON(_ error: Error) -> Bool {
        if case DecodingError.dataCorrupted = error { return true }
        return false
    }

    /// The decoder's complaint in a few words.
    private static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty:
            "bad value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: "not valid JSON"
        case DecodingError.keyNotFound(let key, _): "no \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "bad value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "\(error)"
        }
    }
}
