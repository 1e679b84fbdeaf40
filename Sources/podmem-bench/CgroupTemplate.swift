import Glibc

/// One captured cgroup's files on disk, hard-linked into every generated cgroup of its kind.
/// Links rather than copies: tens of thousands of new inodes take ext4 on a VM tens of seconds
/// (and more after each removal), while a link costs a directory entry. Readers still look up,
/// open and read every path; only the page cache holds one copy per template instead of one per file.
struct CgroupTemplate {
    let directory: String
    let fileNames: [String]
    /// The capture's usage file (`memory.usage_in_bytes` or `memory.current`) and its value, when it has one.
    let usage: (name: String, bytes: UInt64)?

    /// Creates `cgroup` (its parent must exist) holding links to the template's files. With `extraUsagePages`,
    /// the usage file is the cgroup's own instead, that many pages above the capture's: pods and containers then
    /// differ as on a real node, so sorting by working set meets no ties (and values stay whole pages, as the kernel's).
    func instantiate(at cgroup: String, extraUsagePages: Int = 0) throws {
        guard mkdir(cgroup, 0o755) == 0 else {
            throw BenchError("\(cgroup): mkdir: \(String(cString: strerror(errno)))")
        }
        let own = extraUsagePages > 0 ? usage : nil
        for name in fileNames where name != own?.name && link(directory + "/" + name, cgroup + "/" + name) != 0 {
            throw BenchError("\(cgroup)/\(name): link: \(String(cString: strerror(errno)))")
        }
        if let own {
            let text = "\(own.bytes + UInt64(extraUsagePages) * 4096)\n"
            let fd = open(cgroup + "/" + own.name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            let written = fd < 0 ? -1 : write(fd, text, text.utf8.count)
            if fd >= 0 { close(fd) }
            guard written == text.utf8.count else { throw BenchError("\(cgroup)/\(own.name): cannot write") }
        }
    }
}
