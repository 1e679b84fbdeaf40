/// The one place a snapshot document gets a pod's cache files.
extension SnapshotPod {
    mutating func attach(_ report: CacheFileReport, figures: MemoryFigures) {
        cacheFiles = report.files
        let fileLRU = figures.activeFileBytes.flatMap { active in figures.inactiveFileBytes.map { active + $0 } }
        cacheFilesCoverage = report.coverage(fileLRUBytes: fileLRU).map { ($0 * 1000).rounded() / 1000 }
        cacheFilesProblems = report.problems
    }
}
