/// Where one cgroup's memory files are: the hierarchy root (one string every cgroup shares), the cgroup's
/// relative path (the same string its samples carry) and, on a real file system, an open handle of its directory
/// that reads go through (`CgroupFileSystem.read(_:_:into:)`). A node's thousands of cgroups hold no full path strings.
public struct CgroupFiles: Sendable, Equatable {
    /// Path relative to the hierarchy root ("." for the root itself), used in warnings and output.
    public let relativePath: String
    let root: String
    let version: CgroupVersion
    /// Nil where the file system gives none (demo, fixtures in tests without one, descriptors short): full paths.
    let directory: DirectoryHandle?

    public init(root: String, relativePath: String, version: CgroupVersion, directory: DirectoryHandle? = nil) {
        self.root = root
        self.relativePath = relativePath
        self.version = version
        self.directory = directory
    }

    /// The same cgroup: the handle is how it is read, not what it is.
    public static func == (lhs: CgroupFiles, rhs: CgroupFiles) -> Bool {
        lhs.relativePath == rhs.relativePath && lhs.root == rhs.root && lhs.version == rhs.version
    }

    /// The cgroup directory's full path.
    var directoryPath: String { relativePath == "." ? root : root + "/" + relativePath }

    /// The full path of one of the cgroup's files.
    func path(_ name: String) -> String { directoryPath + "/" + name }

    /// v1 `memory.usage_in_bytes`, v2 `memory.current`.
    var usage: String { version == .v1 ? "memory.usage_in_bytes" : "memory.current" }
    var stat: String { "memory.stat" }
    /// v1 `memory.limit_in_bytes`, v2 `memory.max`.
    var limit: String { version == .v1 ? "memory.limit_in_bytes" : "memory.max" }
    /// v1 `memory.failcnt`, v2 `memory.events`.
    var eventCounter: String { version == .v1 ? "memory.failcnt" : "memory.events" }
    /// v2 only.
    var pressure: String? { version == .v2 ? "memory.pressure" : nil }
    /// v1 only (v2 has `kernel` in memory.stat), not the root: the v1 root's usage is computed from its page
    /// counts and leaves kernel memory out, so its kmem figure would not be a part of its usage.
    var kernelUsage: String? { version == .v1 && relativePath != "." ? "memory.kmem.usage_in_bytes" : nil }
    /// The v2 root has no `memory.current`; runc (and so cAdvisor and kubelet) then use `anon + file`.
    var usageFromStatWhenMissing: Bool { version == .v2 && relativePath == "." }

    /// "kubepods/pod…/memory.stat" for warnings: the relative path plus the file name.
    func label(_ name: String) -> String {
        relativePath == "." ? name : relativePath + "/" + name
    }
}
