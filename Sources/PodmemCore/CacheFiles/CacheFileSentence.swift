/// The verdict sentence's hook: names the file that holds most of a pod's page cache.
public enum CacheFileSentence {
    /// ", mostly /var/log/app/app.log (1.1 GiB of 1.3 GiB page cache)" when the largest file holds more than half of
    /// the pod's file LRU (active + inactive file); "" otherwise, or without cache files.
    public static func mostly(_ files: [CacheFileEntry]?, memory: MemoryFigures) -> String {
        guard let top = files?.first, let active = memory[.activeFile], let inactive = memory[.inactiveFile]
        else { return "" }
        let fileLRU = active + inactive
        guard fileLRU > 0, top.cachedBytes * 2 > fileLRU else { return "" }
        return ", mostly \(TerminalText.sanitized(top.path))\(top.deleted ? " (deleted)" : "")"
            + " (\(ByteFormat.human(top.cachedBytes)) of \(ByteFormat.human(fileLRU)) page cache)"
    }
}
