/// Finds and measures one pod's files in the page cache, a time budget's worth per refresh.
///
/// A scan lists the pod's processes from `cgroup.procs`, then for each one its open regular files
/// (`/proc/<pid>/fd`, deleted ones included) and its file mappings (`/proc/<pid>/maps`), then walks the pod's log
/// directory and emptyDir volumes, keeps one candidate per device + inode (remembering every holder) and measures
/// each. What does not fit in one refresh's budget continues at the next; the last complete scan stays published
/// meanwhile, and before the first one completes the partial result is.
public final class CacheFileScanner {
    private struct Candidate {
        var identity: FileIdentity
        /// As the holder sees it, else the host path.
        var path: String
        var hostPath: String?
        /// What to open for measuring: `/proc/<pid>/fd/<n>`, `/proc/<pid>/map_files/<range>` or a walked path.
        var openPath: String
        var followingLinks: Bool
        var holders: [CacheFileHolder]
        var residency: FileResidency?
    }

    private enum Step { case processes, walks, measuring, finished }

    /// One process being scanned: its descriptors are examined one per unit of work, so a process with thousands
    /// of open files is spread over refreshes too.
    private struct ProcessCursor {
        var holder: CacheFileHolder
        var descriptors: [String]?
        var nextDescriptor = 0
        var sharesHostMounts = false
        /// The `ns/mnt` link of a process outside the host's mount namespace, whose paths are translated.
        var mountNamespace: [UInt8]?
        var base: String
    }

    public let target: CacheFileTarget
    private let procRoot: String
    private let hostRoot: String
    private let limits: CacheFileLimits
    private let fileSystem: any CgroupFileSystem
    private let probe: any FileResidencyProbe
    private let clock: () -> Double

    private var step = Step.finished
    private var processes: [(pid: Int32, container: String?)] = []
    private var processIndex = 0
    private var cursor: ProcessCursor?
    private var candidates: [Candidate] = []
    private var candidateIndex: [FileKey: Int] = [:]
    private var measureIndex = 0
    private var problems = CacheFileProblems()
    private var hostMountNamespace: [UInt8]?
    /// The host's mountinfo and each container mount namespace's, read once per scan when a path needs translating.
    private var hostMounts: MountTable?
    private var namespaceMounts: [[UInt8]: MountTable] = [:]
    private var buffer = [UInt8](repeating: 0, count: 4096)
    /// The latest complete scan, or the one in progress before any completed.
    public private(set) var report: CacheFileReport?
    private var hasCompleted = false

    public init(
        target: CacheFileTarget, procRoot: String, hostRoot: String, limits: CacheFileLimits,
        fileSystem: any CgroupFileSystem, probe: any FileResidencyProbe,
        clock: @escaping () -> Double = CacheFileLimits.monotonicSeconds
    ) {
        self.target = target
        self.procRoot = procRoot
        self.hostRoot = hostRoot
        self.limits = limits
        self.fileSystem = fileSystem
        self.probe = probe
        self.clock = clock
    }

    /// Works until the budget is spent or the scan is complete; starts a new scan when the last one was.
    /// Returns true when this refresh completed a scan.
    @discardableResult
    public func refresh() -> Bool {
        let deadline = clock() + limits.budgetSeconds
        if step == .finished { startScan() }
        repeat {
            switch step {
            case .processes: scanProcessStep()
            case .walks:
                walk(target.logDirectory)
                walk(target.emptyDirRoot)
                step = .measuring
            case .measuring:
                guard measureIndex < candidates.count else {
                    publish(complete: true)
                    hasCompleted = true
                    step = .finished
                    return true
                }
                measure(measureIndex)
                measureIndex += 1
            case .finished: return true
            }
        } while clock() < deadline
        if !hasCompleted { publish(complete: false) }
        return false
    }

    /// Runs refreshes until a scan completes or `maximumRefreshes` have run: for batch mode, which has no next refresh.
    public func scanToCompletion(maximumRefreshes: Int) {
        for _ in 0..<maximumRefreshes {
            if refresh() { return }
        }
    }

    // MARK: - Scan steps

    private func startScan() {
        problems = CacheFileProblems()
        processes = []
        for cgroup in target.cgroups {
            switch fileSystem.read(cgroup.directory + "/cgroup.procs", into: &buffer) {
            case .success(let count):
                for line in buffer[0..<count].split(separator: 0x0A) {
                    if let pid = Int32(String(decoding: line, as: UTF8.self)), pid > 0 {
                        processes.append((pid, cgroup.container))
                    }
                }
            case .failure(.notFound), .failure(.vanished): break
            case .failure(let error): problems.note("\(cgroup.directory)/cgroup.procs: \(error.summary)")
            }
        }
        // On the host podmem's own mount namespace is the host's (and pid 1 may not be ours to inspect); under
        // --host-root, pid 1 of the host's /proc is.
        hostMountNamespace = try? probe.readLink(procRoot + (hostRoot == "/" ? "/self/ns/mnt" : "/1/ns/mnt")).get()
        hostMounts = nil
        namespaceMounts = [:]
        processIndex = 0
        cursor = nil
        candidates = []
        candidateIndex = [:]
        measureIndex = 0
        step = .processes
    }

    /// One unit of a process: open its descriptor list (and read comm), or examine one descriptor, or read its maps.
    private func scanProcessStep() {
        guard processIndex < processes.count else {
            step = .walks
            return
        }
        let (pid, container) = processes[processIndex]
        let base = "\(procRoot)/\(pid)"
        guard var current = cursor else {
            var comm = ""
            if case .success(let count) = fileSystem.read(base + "/comm", into: &buffer) {
                comm = String(decoding: buffer[0..<min(count, 64)], as: UTF8.self)
                if comm.hasSuffix("\n") { comm.removeLast() }
            }
            var next = ProcessCursor(holder: CacheFileHolder(container: container, pid: pid, comm: comm), base: base)
            switch fileSystem.entries(of: base + "/fd") {
            case .success(let entries): next.descriptors = entries.map(\.name)
            case .failure(.permissionDenied): problems.deniedProcesses += 1
            case .failure: break  // exited since cgroup.procs was read
            }
            if let hostMountNamespace, let own = try? probe.readLink(base + "/ns/mnt").get() {
                next.sharesHostMounts = own == hostMountNamespace
                if !next.sharesHostMounts { next.mountNamespace = own }
            }
            cursor = next
            return
        }
        if let descriptors = current.descriptors, current.nextDescriptor < descriptors.count {
            examineDescriptor(descriptors[current.nextDescriptor], of: current, base: base)
            current.nextDescriptor += 1
            cursor = current
            return
        }
        readMappings(of: current, base: base)
        cursor = nil
        processIndex += 1
    }

    private func examineDescriptor(_ name: String, of process: ProcessCursor, base: String) {
        let openPath = base + "/fd/" + name
        // Sockets, pipes and anon inodes link to "socket:[…]" and the like: skipped before any stat.
        guard case .success(let link) = probe.readLink(openPath), link.first == 0x2F else { return }
        guard case .success(let identity) = probe.identity(of: openPath, followingLinks: true), identity.isRegular
        else { return }
        add(identity: identity, rawPath: link, openPath: openPath, followingLinks: true, process: process)
    }

    private func readMappings(of process: ProcessCursor, base: String) {
        switch fileSystem.read(base + "/maps", into: &buffer) {
        case .success(let count):
            for mapping in ProcMapsParser.fileMappings(buffer[0..<count]) {
                // map_files reaches the mapped file itself (deleted or in another mount namespace) but needs
                // CAP_SYS_ADMIN; the path under the process's root is the fallback.
                var openPath = base + "/map_files/" + mapping.mapFilesName
                var found = probe.identity(of: openPath, followingLinks: true)
                if case .failure = found {
                    openPath = base + "/root" + String(decoding: Self.withoutDeletedMark(mapping.path), as: UTF8.self)
                    found = probe.identity(of: openPath, followingLinks: true)
                }
                guard case .success(let identity) = found, identity.isRegular else { continue }
                add(
                    identity: identity, rawPath: mapping.path, openPath: openPath, followingLinks: true,
                    process: process)
            }
        case .failure(.permissionDenied): problems.deniedProcesses += process.descriptors == nil ? 0 : 1
        case .failure: break
        }
    }

    private func add(
        identity: FileIdentity, rawPath: [UInt8], openPath: String, followingLinks: Bool, process: ProcessCursor
    ) {
        if let index = candidateIndex[identity.key] {
            if !candidates[index].holders.contains(process.holder) { candidates[index].holders.append(process.holder) }
            return
        }
        guard candidates.count < limits.maximumCandidates else {
            problems.overflowCandidates += 1
            return
        }
        let pathBytes = identity.isDeleted ? Self.withoutDeletedMark(rawPath) : rawPath
        let path = String(decoding: pathBytes, as: UTF8.self)
        candidateIndex[identity.key] = candidates.count
        candidates.append(
            Candidate(
                identity: identity, path: path,
                hostPath: process.sharesHostMounts ? path : hostPath(of: pathBytes, process: process),
                openPath: openPath, followingLinks: followingLinks, holders: [process.holder]))
    }

    /// Regular files under `directory`, breadth first, without following symbolic links, bounded in entries and depth.
    private func walk(_ directory: String?) {
        guard let directory else { return }
        var queue: [(path: String, depth: Int)] = [(directory, 0)]
        var seen = 0
        while !queue.isEmpty {
            let (path, depth) = queue.removeFirst()
            guard case .success(let entries) = fileSystem.entries(of: path) else {
                if path != directory { problems.note("\(path): not readable") }
                continue
            }
            for entry in entries {
                seen += 1
                guard seen <= limits.maximumWalkEntries else {
                    problems.note("\(directory): more than \(limits.maximumWalkEntries) entries; the rest not examined")
                    return
                }
                let child = path + "/" + entry.name
                if entry.isDirectory {
                    if depth + 1 < limits.maximumWalkDepth { queue.append((child, depth + 1)) }
                    continue
                }
                guard case .success(let identity) = probe.identity(of: child, followingLinks: false), identity.isRegular
                else { continue }
                let hostPath = hostView(child)
                if let index = candidateIndex[identity.key] {
                    if candidates[index].hostPath == nil { candidates[index].hostPath = hostPath }
                    continue
                }
                guard candidates.count < limits.maximumCandidates else {
                    problems.overflowCandidates += 1
                    continue
                }
                candidateIndex[identity.key] = candidates.count
                candidates.append(
                    Candidate(
                        identity: identity, path: hostPath, hostPath: hostPath, openPath: child,
                        followingLinks: false, holders: []))
            }
        }
    }

    private func measure(_ index: Int) {
        let candidate = candidates[index]
        switch probe.residency(
            of: candidate.openPath, expected: candidate.identity, followingLinks: candidate.followingLinks)
        {
        case .success(let residency): candidates[index].residency = residency
        case .failure(.vanished): break
        case .failure(.permissionDenied): problems.deniedFiles += 1
        case .failure(.mincoreNotTrustworthy): problems.untrustworthyFiles += 1
        case .failure(.failed(let code)): problems.note("\(candidate.path): residency not measured (errno \(code))")
        }
    }

    /// The largest `shownFiles` by a single pass that keeps them sorted: a partial result is published at every
    /// refresh, and sorting thousands of candidates each time would cost more than the budget.
    private func publish(complete: Bool) {
        func isLarger(_ a: Candidate, _ b: Candidate) -> Bool {
            a.residency!.cachedBytes != b.residency!.cachedBytes
                ? a.residency!.cachedBytes > b.residency!.cachedBytes : a.path < b.path
        }
        var top: [Candidate] = []
        var total: UInt64 = 0
        var measuredCount = 0
        for candidate in candidates {
            guard let residency = candidate.residency else { continue }
            total += residency.cachedBytes
            measuredCount += 1
            if top.count == limits.shownFiles, let last = top.last, !isLarger(candidate, last) { continue }
            let position = top.firstIndex { isLarger(candidate, $0) } ?? top.count
            top.insert(candidate, at: position)
            if top.count > limits.shownFiles { top.removeLast() }
        }
        var lines = problems.lines(candidateLimit: limits.maximumCandidates)
        if !complete {
            lines.append("scan in progress: \(measuredCount) of \(candidates.count) files measured so far")
        }
        report = CacheFileReport(
            files: top.map {
                CacheFileEntry(
                    path: $0.path, hostPath: $0.hostPath, residency: $0.residency!, deleted: $0.identity.isDeleted,
                    heldBy: $0.holders)
            },
            totalCachedBytes: total, candidateCount: candidates.count, measuredCount: measuredCount, complete: complete,
            problems: lines)
    }

    /// The host's path of a file a process outside the host's mount namespace reaches at `path`: through the
    /// device and root of the process's mount holding it, and a host mount of the same device. nil when either
    /// mountinfo is unreadable or the host does not mount that file system where the path lies.
    private func hostPath(of path: [UInt8], process: ProcessCursor) -> String? {
        guard let namespace = process.mountNamespace else { return nil }
        if hostMounts == nil {
            let hostFile = procRoot + (hostRoot == "/" ? "/self/mountinfo" : "/1/mountinfo")
            guard case .success(let count) = fileSystem.read(hostFile, into: &buffer) else { return nil }
            hostMounts = MountTable.parse(buffer[0..<count])
        }
        if namespaceMounts[namespace] == nil {
            guard case .success(let count) = fileSystem.read(process.base + "/mountinfo", into: &buffer) else {
                return nil
            }
            namespaceMounts[namespace] = MountTable.parse(buffer[0..<count])
        }
        guard let located = namespaceMounts[namespace]?.locate(path),
            let host = hostMounts?.path(device: located.device, fileSystemPath: located.fileSystemPath)
        else { return nil }
        return String(decoding: host, as: UTF8.self)
    }

    /// The host's own path of a path under `--host-root`.
    private func hostView(_ path: String) -> String {
        let root = hostRoot.hasSuffix("/") ? String(hostRoot.dropLast()) : hostRoot
        guard !root.isEmpty, path.hasPrefix(root + "/") else { return path }
        return String(path.dropFirst(root.count))
    }

    /// readlink and maps append " (deleted)" to a file no directory names any more.
    static func withoutDeletedMark(_ path: [UInt8]) -> [UInt8] {
        let mark = Array(" (deleted)".utf8)
        return path.count > mark.count && Array(path.suffix(mark.count)) == mark
            ? Array(path.dropLast(mark.count)) : path
    }
}
