extension MemoryModel {
    /// Puts back the cache files a snapshot document carried, by pod cgroup: a model rebuilt from the document's raw
    /// counters (as `report` does) has none, since they are no counters. Recordings do not keep them. A pod's sentence
    /// is said again with them (a cache-driven one names the file that holds most of the cache).
    public mutating func carryCacheFiles(from document: SnapshotDocument) {
        let byCgroup = Dictionary(document.pods.filter { $0.cacheFiles != nil }.map { ($0.cgroup, $0) }) { first, _ in
            first
        }
        guard !byCgroup.isEmpty else { return }
        for index in pods.indices {
            guard let carried = byCgroup[pods[index].cgroup] else { continue }
            pods[index].cacheFiles = carried.cacheFiles
            pods[index].cacheFilesCoverage = carried.cacheFilesCoverage
            pods[index].cacheFilesProblems = carried.cacheFilesProblems
            if pods[index].sentence != nil {
                pods[index].sentence = VerdictSentence.describe(
                    growth: pods[index].growth, memory: pods[index].memory, cacheFiles: carried.cacheFiles)
            }
        }
    }
}
