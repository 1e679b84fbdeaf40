/// What one scan could not see, counted while scanning and turned into a few lines for the screen and the JSON.
struct CacheFileProblems {
    static let maximumNotes = 5

    var deniedProcesses = 0
    var deniedFiles = 0
    var untrustworthyFiles = 0
    var overflowCandidates = 0
    private(set) var notes: [String] = []
    private var extraNotes = 0

    mutating func note(_ line: String) {
        if notes.count < Self.maximumNotes, !notes.contains(line) {
            notes.append(line)
        } else if !notes.contains(line) {
            extraNotes += 1
        }
    }

    func lines(candidateLimit: Int) -> [String] {
        var lines: [String] = []
        if deniedProcesses > 0 {
            lines.append(
                "open files and mappings of \(deniedProcesses) process\(deniedProcesses == 1 ? "" : "es") not readable"
                    + " (permission denied): podmem needs root with CAP_SYS_PTRACE and the host's /proc")
        }
        if deniedFiles > 0 {
            lines.append(
                "\(deniedFiles) file\(deniedFiles == 1 ? "" : "s") could not be opened to measure (permission denied)")
        }
        if untrustworthyFiles > 0 {
            lines.append(
                "\(untrustworthyFiles) file\(untrustworthyFiles == 1 ? "" : "s") not measured: without cachestat(2),"
                    + " mincore(2) needs ownership or write permission")
        }
        if overflowCandidates > 0 {
            lines.append("more than \(candidateLimit) files: \(overflowCandidates) not examined")
        }
        lines += notes
        if extraNotes > 0 { lines.append("and \(extraNotes) more problems") }
        return lines
    }
}
