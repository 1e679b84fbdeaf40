/// Where the memory controller's hierarchy is mounted and which interface it speaks.
public struct CgroupHierarchy: Sendable, Equatable {
    public let root: String
    public let version: CgroupVersion

    public init(root: String, version: CgroupVersion) {
        self.root = root
        self.version = version
    }

    /// Finds the memory hierarchy under `hostRoot`: the unified mount when its `cgroup.controllers`
    /// lists `memory`, else the v1 `memory` mount (hybrid hosts: v1 memory beside a v2 mount without it).
    public static func detect<FS: CgroupFileSystem>(fileSystem: FS, hostRoot: String) throws(CommandFailure)
        -> CgroupHierarchy
    {
        let base = joinHostRoot(hostRoot, "sys/fs/cgroup")
        if let found = try? inspect(fileSystem: fileSystem, directory: base) { return found }
        for candidate in ["memory", "unified", "memory,cpu", "cpu,memory"] {
            if let found = try? inspect(fileSystem: fileSystem, directory: base + "/" + candidate) { return found }
        }
        throw CommandFailure(
            "no cgroup memory hierarchy under \(base): neither a cgroup v2 mount with the memory controller nor a v1 memory mount; pass --root"
        )
    }

    /// Checks a directory given with `--root` (or a detection candidate) and tells its version.
    /// A hybrid parent such as `/sys/fs/cgroup` on a v1 host is followed to its `memory` child.
    public static func inspect<FS: CgroupFileSystem>(fileSystem: FS, directory: String) throws(CommandFailure)
        -> CgroupHierarchy
    {
        let root = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        switch fileSystem.entries(of: root) {
        case .failure(.notFound): throw CommandFailure("\(root): no such directory")
        case .failure(.permissionDenied):
            throw CommandFailure("\(root): permission denied (run as root, or pass a readable --root)")
        case .failure(let error): throw CommandFailure("\(root): cannot list: \(error.summary)")
        case .success(let entries):
            let names = Set(entries.map(\.name))
            if names.contains("memory.current") || names.contains("memory.max") {
                return CgroupHierarchy(root: root, version: .v2)
            }
            if names.contains("memory.usage_in_bytes") || names.contains("memory.limit_in_bytes") {
                return CgroupHierarchy(root: root, version: .v1)
            }
            if names.contains("cgroup.controllers") {
                let controllers = fileSystem.readString(root + "/cgroup.controllers") ?? ""
                if controllers.split(whereSeparator: \.isWhitespace).contains("memory") || names.contains("memory.stat")
                {
                    return CgroupHierarchy(root: root, version: .v2)
                }
                if names.contains("memory"), let v1 = try? inspect(fileSystem: fileSystem, directory: root + "/memory")
                {
                    return v1
                }
                throw CommandFailure(
                    "\(root): cgroup v2 without the memory controller (cgroup.controllers: \(controllers.trimmingWhitespace()))"
                )
            }
            if names.contains("memory.stat") { return CgroupHierarchy(root: root, version: .v1) }
            if names.contains("memory"), let v1 = try? inspect(fileSystem: fileSystem, directory: root + "/memory") {
                return v1
            }
            if names.contains("unified"), let v2 = try? inspect(fileSystem: fileSystem, directory: root + "/unified") {
                return v2
            }
            throw CommandFailure(
                "\(root): not a cgroup memory hierarchy (no memory.stat, memory.current or memory.usage_in_bytes)")
        }
    }

    /// `hostRoot` + a path that is absolute on the host.
    public static func joinHostRoot(_ hostRoot: String, _ path: String) -> String {
        let trimmed = hostRoot.hasSuffix("/") ? String(hostRoot.dropLast()) : hostRoot
        return trimmed + "/" + path
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
