#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Private anonymous mappings that are never freed: every page is written, so all of it is
/// resident and charged (as rss) to the cgroup the process is in when the page is first touched.
enum AnonymousMemory {
    /// Returns the mapping, for a workload that frees it again (`free`).
    @discardableResult
    static func allocateTouched(bytes: Int) throws(LabError) -> UnsafeMutableRawPointer {
        guard let memory = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            memory != MAP_FAILED
        else { throw .system("mmap of \(bytes) bytes") }
        // Not zeros: a written non-zero page cannot be shared with the zero page.
        memset(memory, 0x5A, bytes)
        return memory
    }

    /// Returns a mapping of `bytes` to the kernel: its pages are uncharged at once.
    static func free(_ memory: UnsafeMutableRawPointer, bytes: Int) {
        munmap(memory, bytes)
    }
}
