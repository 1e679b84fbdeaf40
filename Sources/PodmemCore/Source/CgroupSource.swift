/// Polls a cgroup hierarchy: discovers workloads, reads their memory files, resolves names.
/// Generic over the file system so the demo node goes through exactly this code.
public final class CgroupSource: MemorySource {
    public let hierarchy: CgroupHierarchy
    public let host: String
    let fileSystem: any CgroupFileSystem
    let memInfoPath: String
    let hostRoot: String
    let logRoot: String
    private let discovery: WorkloadDiscovery
    private var podNames: PodNameIndex
    private var runtimeNames: RuntimeNameIndex
    private var reader: CgroupCounterReader
    private let rootFiles: CgroupFiles
    private var memInfoBuffer = [UInt8](repeating: 0, count: 8192)
    private var memInfoSlots: [UInt64?] = [nil]
    private let memInfoParser = KeyValueParser(keys: [["MemTotal"]])

    public init(
        fileSystem: any CgroupFileSystem, hierarchy: CgroupHierarchy, hostRoot: String, logRoot: String, host: String
    ) {
        self.fileSystem = fileSystem
        self.hierarchy = hierarchy
        self.host = host
        self.hostRoot = hostRoot
        self.logRoot = logRoot
        memInfoPath = CgroupHierarchy.joinHostRoot(hostRoot, "proc/meminfo")
        discovery = WorkloadDiscovery(fileSystem: fileSystem, root: hierarchy.root, version: hierarchy.version)
        podNames = PodNameIndex(fileSystem: fileSystem, logRoot: logRoot)
        runtimeNames = RuntimeNameIndex(fileSystem: fileSystem, hostRoot: hostRoot)
        reader = CgroupCounterReader(fileSystem: fileSystem, version: hierarchy.version)
        rootFiles = CgroupFiles(
            root: hierarchy.root, relativePath: ".", version: hierarchy.version,
            directory: fileSystem.openDirectory(hierarchy.root))
    }

    public func sample(at timestamp: Double) -> Sample {
        var warnings: [String] = []
        reader.beginPoll(at: timestamp)
        if let warning = podNames.refresh() { warnings.append(warning) }
        var workloads: [WorkloadSample] = []
        for found in discovery.discover() {
            guard let counters = read(found.files, warnings: &warnings) else { continue }
            var workload = WorkloadSample(
                kind: found.kind, uid: found.uid, qos: found.qos, cgroup: found.relativePath,
                inode: found.inode, runtime: found.runtime, counters: counters)
            switch found.kind {
            case .pod: nameAndAddContainers(found, to: &workload, warnings: &warnings)
            case .service: workload.name = found.unitName
            case .container:
                let id = found.containerID ?? found.relativePath
                workload.name = runtimeNames.name(id: id, runtime: found.runtime) ?? String(id.prefix(12))
            case .cgroup: break
            }
            workloads.append(workload)
        }
        if let problem = runtimeNames.podmanProblem, workloads.contains(where: { $0.runtime == "podman" }) {
            warnings.append(problem)
        }

        let rootCounters: MemoryCounters
        switch reader.read(rootFiles, warnings: &warnings) {
        case .counters(let counters): rootCounters = counters
        case .vanished: rootCounters = MemoryCounters()
        }
        if workloads.isEmpty {
            // Inside a container the mount root is the container's own cgroup: report it as the workload.
            workloads.append(WorkloadSample(kind: .cgroup, name: host, cgroup: ".", inode: 0, counters: rootCounters))
        }
        return Sample(
            timestamp: timestamp, host: host, cgroupVersion: hierarchy.version, root: hierarchy.root,
            node: NodeCounters(memTotalBytes: memTotal(warnings: &warnings), root: rootCounters),
            workloads: workloads, warnings: warnings)
    }

    private func read(_ files: CgroupFiles, warnings: inout [String]) -> MemoryCounters? {
        switch reader.read(files, warnings: &warnings) {
        case .counters(let counters):
            return counters
        case .vanished:
            warnings.append("\(files.relativePath): cgroup vanished during poll")
            return nil
        }
    }

    /// Reads the pod's containers. When one is gone (a restart since the list was cached), the pod is listed
    /// again at once, so a replaced container shows up in the same poll instead of leaving a gap.
    private func nameAndAddContainers(
        _ found: DiscoveredWorkload, to workload: inout WorkloadSample, warnings: inout [String]
    ) {
        var containers = found.containers
        var relisted = false
        var read: [(DiscoveredContainer, MemoryCounters)] = []
        read.reserveCapacity(containers.count)
        var index = 0
        while index < containers.count {
            let container = containers[index]
            index += 1
            if read.contains(where: { $0.0.inode == container.inode && $0.0.relativePath == container.relativePath }) {
                continue
            }
            switch reader.read(container.files, warnings: &warnings) {
            case .counters(let counters):
                read.append((container, counters))
            case .vanished where !relisted:
                relisted = true
                containers = discovery.relistContainers(of: found)
                index = 0
            case .vanished:
                warnings.append("\(container.relativePath): cgroup vanished during poll")
            }
        }
        let podName = found.uid.flatMap { podNames.podsByUID[$0] }
        let links = read.map { podNames.containersByID[$0.0.id] }
        let firstLink = links.lazy.compactMap { $0 }.first
        workload.namespace = podName?.namespace ?? firstLink?.namespace
        workload.name = podName?.name ?? firstLink?.pod
        let hasNameSource = workload.name != nil
        if let uid = found.uid, let directories = podNames.conflictingDirectoriesByUID[uid] {
            // Two sources name one uid differently: showing either could put one pod's memory under another's name.
            workload.namespace = nil
            workload.name = nil
            warnings.append(
                "pod \(uid): pod directories disagree on its namespace and name (\(directories.joined(separator: ", "))"
                    + " in \(podNames.podsDirectory)); shown by uid")
        }
        workload.containers = zip(read, links).map { entry, link in
            ContainerSample(
                id: entry.0.id, name: link?.container, sandbox: hasNameSource && link == nil,
                cgroup: entry.0.relativePath, inode: entry.0.inode, runtime: entry.0.runtime, counters: entry.1)
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
