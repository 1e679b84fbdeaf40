/// A file written once and never read: page cache left on inactive_file, outside cAdvisor's working set.
struct ColdCache {
    let path: String
    let bytes: Int

    func run(control: ControlChannel) throws(LabError) {
        guard control.waitForGo() else { return }
        let file = try PageCacheFile(path: path)
        let chunk = PageCacheFile.logText(bytes: min(bytes, 1 << 20))
        while file.size < bytes {
            try file.append(file.size + chunk.count <= bytes ? chunk : Array(chunk[..<(bytes - file.size)]))
        }
        control.announceStarted()
        control.waitForClose()
    }
}
