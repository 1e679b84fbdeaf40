/// Walks a cgroup hierarchy for workloads, in every common layout:
/// kubelet's cgroupfs and systemd drivers (v1 and v2), docker, podman and systemd services.
///
/// Only directories that can hold workloads are listed. A pod's containers are re-listed only when the pod
/// is new, its subdirectory count changed, or a container vanished (`invalidate`); otherwise the previous
/// poll's list and file paths are reused, so a poll costs little more than reading the files.
public final class WorkloadDiscovery {
    let fileSystem: any CgroupFileSystem
    let root: String
    let version: CgroupVersion
    /// Pods seen in the previous poll, by directory inode; updated in place (a busy node's map is a megabyte).
    private var knownPods: [UInt64: KnownPod] = [:]
    /// Polls so far: a known pod not marked with the current one has gone.
    private var poll = 0
    /// Where kubelet's pod trees are (paths relative to the root), from a shallow search every `searchEvery` polls:
    /// `kubepods`, `kubepods.slice`, kind's `kubelet.slice`, or deeper (a kind node's `docker/<id>/kubepods`),
    /// or the root itself when `--root` points into a pod tree.
    private var kubernetesRoots: [String] = []
    private var pollsSinceSearch = Int.max
    static let searchEvery = 30
    static let searchDepth = 3

    struct KnownPod {
        let workload: DiscoveredWorkload
        let subdirectories: Int?
        var seenAt: Int
    }

    public init(fileSystem: any CgroupFileSystem, root: String, version: CgroupVersion) {
        self.fileSystem = fileSystem
        self.root = root
        self.version = version
    }

    public func discover() -> [DiscoveredWorkload] {
        var found: [DiscoveredWorkload] = []
        found.reserveCapacity(knownPods.count + 16)
        poll += 1
        if pollsSinceSearch >= Self.searchEvery {
            kubernetesRoots = findKubernetesRoots()
            pollsSinceSearch = 0
        }
        pollsSinceSearch += 1
        for entry in directories(at: "") {
            switch entry.name {
            case "system.slice": systemSlice(entry.name, into: &found)
            case "machine.slice", "docker", "libpod_parent": containers(in: entry.name, into: &found)
            default: break
            }
        }
        for path in kubernetesRoots {
            kubernetes(
                path, inheritedQoS: CgroupNaming.qosDirectory(Self.lastComponent(path, root: root)), depth: 0,
                into: &found)
        }
        if knownPods.values.contains(where: { $0.seenAt != poll }) {
            knownPods = knownPods.filter { $0.value.seenAt == poll }
        }
        return found
    }

    /// Breadth-first, at most `searchDepth` levels, skipping systemd units and user sessions.
    private func findKubernetesRoots() -> [String] {
        if CgroupNaming.isKubernetesContainer(Self.lastComponent("", root: root)) { return [""] }
        var roots: [String] = []
        var frontier = [""]
        for depth in 0...Self.searchDepth {
            var next: [String] = []
            for directory in frontier {
                let children = directories(at: directory)
                if children.contains(where: {
                    CgroupNaming.pod($0.name) != nil || CgroupNaming.qosDirectory($0.name) != nil
                }) {
                    roots.append(directory)
                    continue
                }
                for child in children {
                    let path = Self.join(directory, child.name)
                    if CgroupNaming.isKubernetesContainer(child.name) {
                        roots.append(path)
                    } else if depth < Self.searchDepth, !Self.isSearchedPast(child.name) {
                        next.append(path)
                    }
                }
            }
            frontier = next
        }
        return roots
    }

    /// Services, mounts and user sessions never hold pod trees; skipping them keeps the search small on busy
    /// hosts. Container scopes are searched: a kind node is a docker container with kubelet's tree inside.
    private static func isSearchedPast(_ name: String) -> Bool {
        name == "user.slice" || name == "init.scope" || name.hasSuffix(".service") || name.hasSuffix(".mount")
            || name.hasSuffix(".socket")
    }

    /// The last path component of `relative`, or of the root directory itself for "".
    private static func lastComponent(_ relative: String, root: String) -> String {
        String((relative.isEmpty ? root : relative).split(separator: "/").last ?? "")
    }

    /// Lists a pod's containers again now (one vanished since the list was cached) and remembers the new list.
    public func relistContainers(of pod: DiscoveredWorkload) -> [DiscoveredContainer] {
        var workload = pod
        workload.containers = podContainers(pod.relativePath)
        knownPods[pod.inode] = KnownPod(
            workload: workload, subdirectories: fileSystem.subdirectoryCount(of: pod.files), seenAt: poll)
        return workload.containers
    }

    private func directories(at relative: String) -> [DirectoryEntry] {
        let path = relative.isEmpty ? root : root + "/" + relative
        guard case .success(let entries) = fileSystem.directories(of: path) else { return [] }
        return entries
    }

    /// A cgroup's files with a handle of its directory, opened once for as long as discovery knows the cgroup.
    private func files(_ relative: String) -> CgroupFiles {
        CgroupFiles(
            root: root, relativePath: relative, version: version,
            directory: fileSystem.openDirectory(root + "/" + relative))
    }

    private static func join(_ parent: String, _ child: String) -> String {
        parent.isEmpty ? child : parent + "/" + child
    }

    /// Inside `kubepods*` / `kubelet*`: QoS directories, pod cgroups, and wrappers such as kind's `kubelet.slice`.
    private func kubernetes(
        _ relative: String, inheritedQoS: QoSClass?, depth: Int, into found: inout [DiscoveredWorkload]
    ) {
        guard depth < 4 else { return }
        let parentName = Self.lastComponent(relative, root: root)
        let isPodParent = parentName.hasPrefix("kubepods") || parentName.hasSuffix("kubepods")
        for entry in directories(at: relative) {
            let path = Self.join(relative, entry.name)
            if let index = knownPods.index(forKey: entry.inode), knownPods.values[index].workload.relativePath == path {
                let known = knownPods.values[index]
                let count = fileSystem.subdirectoryCount(of: known.workload.files)
                if count != nil && count == known.subdirectories {
                    knownPods.values[index].seenAt = poll
                    found.append(known.workload)
                    continue
                }
            }
            if let pod = CgroupNaming.pod(entry.name) {
                // cgroupfs: a pod directly under kubepods/ is guaranteed; under burstable/ or besteffort/ it inherits.
                let qos = pod.qos ?? inheritedQoS ?? (isPodParent ? .guaranteed : nil)
                let podFiles = files(path)
                let count = fileSystem.subdirectoryCount(of: podFiles)
                let workload = DiscoveredWorkload(
                    kind: .pod, files: podFiles, inode: entry.inode, uid: pod.uid, qos: qos,
                    runtime: nil, containerID: nil, unitName: nil, containers: podContainers(path))
                knownPods[entry.inode] = KnownPod(workload: workload, subdirectories: count, seenAt: poll)
                found.append(workload)
            } else if let qos = CgroupNaming.qosDirectory(entry.name) {
                kubernetes(path, inheritedQoS: qos, depth: depth + 1, into: &found)
            } else if CgroupNaming.isKubernetesContainer(entry.name) {
                kubernetes(path, inheritedQoS: inheritedQoS, depth: depth + 1, into: &found)
            }
        }
    }

    private func podContainers(_ podPath: String) -> [DiscoveredContainer] {
        directories(at: podPath).compactMap { entry in
            let path = Self.join(podPath, entry.name)
            switch CgroupNaming.container(entry.name) {
            case .container(let id, let runtime)?:
                return DiscoveredContainer(id: id, runtime: runtime, files: files(path), inode: entry.inode)
            case .monitor?:
                return nil
            case nil:
                // An unrecognized child still holds pod memory: report it under its own name.
                return DiscoveredContainer(id: entry.name, runtime: nil, files: files(path), inode: entry.inode)
            }
        }
    }

    /// `system.slice`: `*.service` units and `docker-<id>.scope` / `libpod-<id>.scope` containers.
    private func systemSlice(_ relative: String, into found: inout [DiscoveredWorkload]) {
        for entry in directories(at: relative) {
            let path = Self.join(relative, entry.name)
            if entry.name.hasSuffix(".service") {
                found.append(
                    DiscoveredWorkload(
                        kind: .service, files: files(path), inode: entry.inode, uid: nil, qos: nil,
                        runtime: nil, containerID: nil, unitName: entry.name, containers: []))
            } else if case .container(let id, let runtime)? = CgroupNaming.container(entry.name), runtime != nil {
                found.append(container(id: id, runtime: runtime, path: path, inode: entry.inode))
            }
        }
    }

    /// `docker/<id>` (docker's cgroupfs driver), podman's `machine.slice/libpod-<id>.scope` (systemd manager) and
    /// `libpod_parent/libpod-<id>` (cgroupfs manager). Monitors (`libpod_parent/conmon`, `libpod-conmon-<id>.scope`)
    /// are not containers: skipped.
    private func containers(in relative: String, into found: inout [DiscoveredWorkload]) {
        for entry in directories(at: relative) {
            guard case .container(let id, let runtime)? = CgroupNaming.container(entry.name) else { continue }
            let resolvedRuntime = runtime ?? (relative == "docker" ? "docker" : nil)
            found.append(
                container(id: id, runtime: resolvedRuntime, path: Self.join(relative, entry.name), inode: entry.inode))
        }
    }

    private func container(id: String, runtime: String?, path: String, inode: UInt64) -> DiscoveredWorkload {
        DiscoveredWorkload(
            kind: .container, files: files(path), inode: inode, uid: nil, qos: nil, runtime: runtime,
            containerID: id, unitName: nil, containers: [])
    }
}
