#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Three files a pod's page cache is made of: a log it writes and keeps open, an index it maps (and reads through
/// the mapping), and a file it deleted but still holds open, like a log rotated away under its writer.
struct FileHolder {
    let directory: String
    let openBytes: Int
    let mappedBytes: Int
    let deletedBytes: Int

    func run(control: ControlChannel) throws(LabError) {
        guard control.waitForGo() else { return }
        let open = try PageCacheFile(path: directory + "/open.log")
        try write(open, bytes: openBytes)

        let mappedPath = directory + "/mapped.idx"
        try write(try PageCacheFile(path: mappedPath), bytes: mappedBytes)  // its descriptors close here
        let descriptor = Glibc.open(mappedPath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(mappedPath) }
        guard let mapping = mmap(nil, mappedBytes, PROT_READ, MAP_SHARED, descriptor, 0), mapping != MAP_FAILED else {
            close(descriptor)
            throw .system("mmap of \(mappedPath)")
        }
        close(descriptor)
        // Touch every page through the mapping, as an index lookup would.
        var sum: UInt8 = 0
        for offset in stride(from: 0, to: mappedBytes, by: 4096) {
            sum &+= mapping.load(fromByteOffset: offset, as: UInt8.self)
        }
        _ = sum

        let deleted = try PageCacheFile(path: directory + "/rotated.log")
        try write(deleted, bytes: deletedBytes)
        guard unlink(deleted.path) == 0 else { throw .system("unlink of \(deleted.path)") }

        control.announceStarted()
        control.waitForClose()
        munmap(mapping, mappedBytes)
        withExtendedLifetime((open, deleted)) {}
    }

    private func write(_ file: PageCacheFile, bytes: Int) throws(LabError) {
        let chunk = PageCacheFile.logText(bytes: min(bytes, 1 << 20))
        while file.size < bytes {
            try file.append(file.size + chunk.count <= bytes ? chunk : Array(chunk[..<(bytes - file.size)]))
        }
    }
}
