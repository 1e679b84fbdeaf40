/// A log that is appended to and grepped: the working set grows, but only by active page cache.
struct CacheWriter {
    let path: String
    let chunkBytes: Int
    let periodSeconds: Double
    /// File size at which appending stops; nil appends until stopped.
    let maximumBytes: Int?

    func run(control: ControlChannel) throws(LabError) {
        guard control.waitForGo() else { return }
        let file = try PageCacheFile(path: path)
        let chunk = PageCacheFile.logText(bytes: chunkBytes)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var deadline = ControlChannel.now()
        var announced = false
        repeat {
            if file.size + chunkBytes <= maximumBytes ?? .max { try file.append(chunk) }
            // Twice: the first read marks each page referenced, the second activates it.
            try file.readAll(using: &buffer)
            try file.readAll(using: &buffer)
            if !announced {
                control.announceStarted()
                announced = true
            }
            deadline += periodSeconds
        } while control.sleep(until: deadline)
    }
}
