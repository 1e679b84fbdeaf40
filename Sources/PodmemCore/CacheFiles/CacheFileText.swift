/// A pod's cache files as plain lines for `--batch`, `report` and the detail screen: the coverage line first, one
/// line per file, then the problems. Every path and name is host text, made safe for a terminal here.
public enum CacheFileText {
    /// "these files hold 93% of this pod's page cache", or what a share above 100% means.
    public static func coverageLine(_ coverage: Double?, fileCount: Int) -> String {
        guard fileCount > 0 else {
            return "page cache by file: no open, mapped, log or emptyDir file of this pod found"
        }
        guard let coverage else {
            return
                "page cache by file: \(fileCount) file\(fileCount == 1 ? "" : "s") (the pod's page cache size is unknown)"
        }
        if coverage > 1.005 {
            return "page cache by file: these files hold \(ByteFormat.percent(coverage)) of this pod's page cache:"
                + " some of their pages were read first by another cgroup and are charged there"
        }
        return "page cache by file: these files hold \(ByteFormat.percent(coverage)) of this pod's page cache"
            + " (active + inactive file; each file's share in parentheses)"
    }

    /// One file: cached, its share of the pod's file LRU, dirty, the path (deleted marked) and who holds it.
    public static func line(_ file: CacheFileEntry, fileLRUBytes: UInt64?) -> String {
        var text = ByteFormat.human(file.cachedBytes)
        if let fileLRUBytes, fileLRUBytes > 0 {
            text += " (" + ByteFormat.percent(Double(file.cachedBytes) / Double(fileLRUBytes)) + ")"
        }
        text += ", dirty " + (file.dirtyBytes.map { ByteFormat.human($0) } ?? "unknown (mincore)") + ","
        text += " " + TerminalText.sanitized(file.path) + (file.deleted ? " (deleted)" : "")
        text += " " + holders(file.heldBy)
        return text
    }

    /// "held by app/nginx[812]", "held by 3 processes (app/nginx[812], …)", or "not held open (found in a volume or log directory)".
    public static func holders(_ heldBy: [CacheFileHolder]) -> String {
        guard let first = heldBy.first else { return "not held open (found in the pod's log or emptyDir directory)" }
        let name = TerminalText.sanitized((first.container.map { $0 + "/" } ?? "") + first.comm) + "[\(first.pid)]"
        return heldBy.count == 1 ? "held by \(name)" : "held by \(heldBy.count) processes (\(name), …)"
    }

    public static func lines(files: [CacheFileEntry], coverage: Double?, problems: [String], fileLRUBytes: UInt64?)
        -> [String]
    {
        [coverageLine(coverage, fileCount: files.count)] + files.map { "  " + line($0, fileLRUBytes: fileLRUBytes) }
            + problems.map { "  note: " + TerminalText.sanitized($0) }
    }

    /// The lines of a document's pod, nil when it carries no cache files.
    public static func lines(_ pod: PodModel) -> [String]? {
        guard let files = pod.cacheFiles else { return nil }
        return lines(
            files: files, coverage: pod.cacheFilesCoverage, problems: pod.cacheFilesProblems ?? [],
            fileLRUBytes: pod.memory.fileLRUBytes)
    }

    /// The report's and batch table's paragraph: every pod with cache files found or problems, "" when none.
    public static func paragraph(_ document: MemoryModel) -> String {
        var out = ""
        for pod in document.pods {
            // Pods where nothing was found and nothing was hidden would only repeat that line.
            guard let lines = lines(pod), !(pod.cacheFiles ?? []).isEmpty || !(pod.cacheFilesProblems ?? []).isEmpty
            else { continue }
            out += "\n\(BatchReport.label(pod)): " + lines.joined(separator: "\n") + "\n"
        }
        return out
    }
}
