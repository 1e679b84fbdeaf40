/// Polls a cgroup hierarchy: discovers workloads, reads their memory files, resolves names.
/// Generic over the file system so the demo node goes through exactly this code.
public final class CgroupSource<FileSystem: CgroupFileSystem>: MemorySource {
    public let hierarchy: CgroupHierarchy
    public let host: String
    let fileSystem: FileSystem
    let memInfoPath: String
    private let discovery: WorkloadDiscovery<FileSystem>
    private var podNames: PodNameIndex<FileSystem>
    private var runtimeNames: RuntimeNameIndex<FileSystem>
    private var reader: CgroupCounterReader<FileSystem>
    /// File paths per cgroup, built once per cgroup rather than once per poll.
    private var filesByPath: [String: CgroupFiles] = [:]
    private let rootFiles: CgroupFiles
    private var memInfoBuffer = [UInt8](repeating: 0, count: 8192)
    private var memInfoSlots: [UInt64?] = [nil]
    private let memInfoParser = KeyValueParser(keys: [["MemTotal"]])

    public init(fileSystem: FileSystem, hierarchy: CgroupHierarchy, hostRoot: String, logRoot: String, host: String) {
        self.fileSystem = fileSystem
        self.hierarchy = hierarchy
        self.host = host
        memInfoPath = CgroupHierarchy.joinHostRoot(hostRoot, "proc/meminfo")
        discovery = WorkloadDiscovery(fileSystem: fileSystem, root: hierarchy.root)
        podNames = PodNameIndex(fileSystem: fileSystem, logRoot: logRoot)
        runtimeNames = RuntimeNameIndex(fileSystem: fileSystem, hostRoot: hostRoot)
        reader = CgroupCounterReader(fileSystem: fileSystem, version: hierarchy.version)
        rootFiles = CgroupFiles(root: hierarchy.root, relativePath: ".", version: hierarchy.version)
    }

    public func sample(at timestamp: Double) -> Sample {
        var warnings: [String] = []
        if let warning = podNames.refresh() { warnings.append(warning) }
        var seenFiles: [String: CgroupFiles] = [:]
        seenFiles.reserveCapacity(filesByPath.count)
        var workloads: [WorkloadSample] = []
        for found in discovery.discover() {
            guard let counters = read(found.relativePath, into: &seenFiles, warnings: &warnings) else { continue }
            var workload = WorkloadSample(kind: found.kind, uid: found.uid, qos: found.qos, cgroup: found.relativePath,
                                          inode: found.inode, runtime: found.runtime, counters: counters)
            switch found.kind {
            case .pod: nameAndAddContainers(found, to: &workload, files: &seenFiles, warnings: &warnings)
            case .service: workload.name = found.unitName
            case .container:
                let id = found.containerID ?? found.relativePath
                workload.name = runtimeNames.name(id: id, runtime: found.runtime) ?? String(id.prefix(12))
            case .cgroup: break
            }
            workloads.append(workload)
        }
        filesByPath = seenFiles

        let rootCounters: MemoryCounters
        switch reader.read(rootFiles, warnings: &warnings) {
        case .counters(let counters): rootCounters = counters
        case .vanished: rootCounters = MemoryCounters()
        }
        if workloads.isEmpty {
            // Inside a container the mount root is the container's own cgroup: report it as the workload.
            workloads.append(WorkloadSample(kind: .cgroup, name: host, cgroup: ".", inode: 0, counters: rootCounters))
        }
        return Sample(timestamp: timestamp, host: host, cgroupVersion: hierarchy.version, root: hierarchy.root,
                      node: NodeCounters(memTotalBytes: memTotal(warnings: &warnings), root: rootCounters),
                      workloads: workloads, warnings: warnings)
    }

    private func read(_ relativePath: String, into seen: inout [String: CgroupFiles], warnings: inout [String]) -> MemoryCounters? {
        let files = filesByPath[relativePath] ?? CgroupFiles(root: hierarchy.root, relativePath: relativePath, version: hierarchy.version)
        switch reader.read(files, warnings: &warnings) {
        case .counters(let counters):
            seen[relativePath] = files
            return counters
        case .vanished:
            warnings.append("\(relativePath): cgroup vanished during poll")
            return nil
        }
    }

    private func nameAndAddContainers(_ found: DiscoveredWorkload, to workload: inout WorkloadSample,
                                      files: inout [String: CgroupFiles], warnings: inout [String]) {
        let podName = found.uid.flatMap { podNames.podsByUID[$0] }
        let links = found.containers.map { podNames.containersByID[$0.id] }
        workload.namespace = podName?.namespace ?? links.compactMap { $0?.namespace }.first
        workload.name = podName?.name ?? links.compactMap { $0?.pod }.first
        let hasNameSource = workload.name != nil
        for (container, link) in zip(found.containers, links) {
            guard let counters = read(container.relativePath, into: &files, warnings: &warnings) else { continue }
            workload.containers.append(ContainerSample(
                id: container.id, name: link?.container, sandbox: hasNameSource && link == nil,
                cgroup: container.relativePath, inode: container.inode, runtime: container.runtime, counters: counters))
        }
    }

    private func memTotal(warnings: inout [String]) -> UInt64? {
        switch fileSystem.read(memInfoPath, into: &memInfoBuffer) {
        case .success(let count):
            _ = memInfoParser.parse(memInfoBuffer, count: count, into: &memInfoSlots)
            if memInfoSlots[0] == nil { warnings.append("\(memInfoPath): no MemTotal") }
            return memInfoSlots[0]
        case .failure(let error):
            warnings.append("\(memInfoPath): \(error.summary)")
            return nil
        }
    }
}
