/// The per-file system calls of the cache-files engine. `LocalFileResidencyProbe` makes them; the demo node answers
/// for its simulated files, so demo data goes through the same discovery, deduplication and budget.
public protocol FileResidencyProbe {
    /// The target of a symbolic link, such as `/proc/<pid>/fd/<n>`, as raw bytes.
    func readLink(_ path: String) -> Result<[UInt8], FileReadError>
    /// `stat` of `path`; `followingLinks` for `/proc/<pid>/fd/<n>` (the open file itself), not for a walked directory
    /// (a symbolic link planted in a volume must not lead to a host file).
    func identity(of path: String, followingLinks: Bool) -> Result<FileIdentity, FileReadError>
    /// The page cache figures of the regular file at `path`, checked to still be `expected` when opened.
    func residency(of path: String, expected: FileIdentity, followingLinks: Bool) -> Result<
        FileResidency, ResidencyProblem
    >
}

/// Why a file's residency could not be measured.
public enum ResidencyProblem: Error, Sendable, Equatable {
    /// Gone, replaced, or no longer a regular file since it was found: skipped without a warning.
    case vanished
    case permissionDenied
    /// `mincore` would claim every page resident: not our file and not writable by us.
    case mincoreNotTrustworthy
    case failed(errno: Int32)
}
