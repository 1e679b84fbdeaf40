import Glibc

/// Writes a snapshot document through `OutputDirectory`: a random temp file, fsync, a rename that never replaces.
/// A reader never sees a half-written file, a failure leaves nothing behind, and no existing file is touched.
public enum SnapshotWriter {
    /// Numbered names tried before random ones.
    static let numberedAttempts = 9
    /// Random names tried after the numbered ones: another user who can write the directory can pre-create the
    /// predictable names, never these, so the `s` key cannot be blocked.
    static let randomAttempts = 8

    /// `podmem-<host>-<YYYYMMDD-HHMMSS>.json` (UTC); when that name is taken `-2` … `-9`, then `-<random hex>`.
    /// Returns the absolute path (the open directory as the kernel resolves it): what one copies into `scp`, whatever the
    /// working directory.
    public static func write(_ document: SnapshotDocument, to directory: String, at unixSeconds: Double)
        throws(CommandFailure) -> String
    {
        let data: [UInt8]
        do {
            data = TerminalText.jsonEscapingControls(Array(try SnapshotCodec.encode(document))) + [0x0A]
        } catch {
            throw CommandFailure("snapshot not written: cannot encode: \(error)")
        }
        let host = document.host.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" }
        let stem = "podmem-\(String(host))-\(Timestamp.compact(unixSeconds))"
        var generator = SystemRandomNumberGenerator()
        let names =
            [stem + ".json"] + (2...numberedAttempts).map { "\(stem)-\($0).json" }
            + (0..<randomAttempts).map { _ in "\(stem)-\(String(generator.next() as UInt32, radix: 16)).json" }
        do throws(OutputDirectory.Failure) {
            let output = try OutputDirectory(path: directory)
            let absolute = output.resolvedPath
            for name in names {
                do throws(OutputDirectory.Failure) {
                    try output.publish(data, as: name)
                    return absolute.hasSuffix("/") ? absolute + name : "\(absolute)/\(name)"
                } catch  where error.nameTaken {
                    continue
                }
            }
            throw OutputDirectory.Failure(code: EEXIST)
        } catch {
            throw CommandFailure("snapshot not written to \(directory): \(error.description)")
        }
    }
}
