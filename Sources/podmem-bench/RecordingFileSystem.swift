import PodmemCore

/// `LocalFileSystem` that notes what a poll touches, so the floor reads exactly the files podmem read
/// (taken from podmem itself, not from a second description of it) and the report can say what else a poll does.
/// Forwards path reads, listings and stats, including `directories(of:)` and `subdirectoryCount(of:)`, whose defaults
/// would list whole directories and re-list every pod on every poll, which a poll on `LocalFileSystem` does not do.
/// It opens no directory handles (the default `openDirectory` is nil), so the default handle reads and
/// `readRegularFile` come through `read(_:into:)` by path, and every file a poll reads is logged.
struct RecordingFileSystem: CgroupFileSystem {
    /// What the polls since the last `reset()` did. A class: the source holds its own copy of the file system.
    final class Log {
        var readPaths: [String] = []
        /// Opens that failed, such as the v2 root's absent `memory.current`: podmem tries them, the floor cannot.
        var failedReads = 0
        /// Directory listings, whole (`entries`) or directories only.
        var listings = 0
        /// `stat` calls: modification times of the name sources and pods' subdirectory counts.
        var stats = 0

        func reset() {
            readPaths = []
            failedReads = 0
            listings = 0
            stats = 0
        }
    }

    let log = Log()
    private let local = LocalFileSystem()

    func read(_ path: String, into buffer: inout [UInt8]) -> Result<Int, FileReadError> {
        let result = local.read(path, into: &buffer)
        if case .success = result { log.readPaths.append(path) } else { log.failedReads += 1 }
        return result
    }

    func entries(of directory: String) -> Result<[DirectoryEntry], FileReadError> {
        log.listings += 1
        return local.entries(of: directory)
    }

    func directories(of directory: String) -> Result<[DirectoryEntry], FileReadError> {
        log.listings += 1
        return local.directories(of: directory)
    }

    func subdirectoryCount(of path: String) -> Int? {
        log.stats += 1
        return local.subdirectoryCount(of: path)
    }

    func modificationTime(of path: String) -> Int64? {
        log.stats += 1
        return local.modificationTime(of: path)
    }
}
