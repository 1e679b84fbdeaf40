import Glibc

/// One captured cgroup's files on disk, hard-linked into every generated cgroup of its kind.
/// Links rather than copies: tens of thousands of new inodes take ext4 on a VM tens of seconds
/// (and more after each removal), while a link costs a directory entry. Readers still look up,
/// open and read every path; only the page cache holds one copy per template instead of one per file.
struct CgroupTemplate {
    let directory: String
    let fileNames: [String]

    /// Creates `cgroup` (its parent must exist) holding links to the template's files.
    func instantiate(at cgroup: String) throws {
        guard mkdir(cgroup, 0o755) == 0 else { throw BenchError("\(cgroup): mkdir: \(String(cString: strerror(errno)))") }
        for name in fileNames where link(directory + "/" + name, cgroup + "/" + name) != 0 {
            throw BenchError("\(cgroup)/\(name): link: \(String(cString: strerror(errno)))")
        }
    }
}
