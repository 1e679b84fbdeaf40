import PodmemCore

extension CgroupSource {
    /// The one way tests build a source: the hierarchy at `root` is inspected as `--root` would have it (not detected
    /// from the host), names come from `<logRoot>/pods`, node figures from `<hostRoot>/proc/meminfo`.
    public static func reading(
        _ root: String, hostRoot: String = "/nonexistent", logRoot: String = "/nonexistent", host: String = "n",
        fileSystem: any CgroupFileSystem = LocalFileSystem()
    ) throws -> CgroupSource {
        let hierarchy = try CgroupHierarchy.inspect(fileSystem: fileSystem, directory: root)
        return CgroupSource(
            fileSystem: fileSystem, hierarchy: hierarchy, hostRoot: hostRoot, logRoot: logRoot, host: host)
    }
}
