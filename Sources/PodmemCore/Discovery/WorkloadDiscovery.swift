/// Walks a cgroup hierarchy for workloads, in every common layout:
/// kubelet's cgroupfs and systemd drivers (v1 and v2), docker, podman and systemd services.
/// Only the directories that can hold workloads are listed, so a poll stays close to the cost of reading files.
public struct WorkloadDiscovery<FileSystem: CgroupFileSystem> {
    let fileSystem: FileSystem
    let root: String

    public init(fileSystem: FileSystem, root: String) {
        self.fileSystem = fileSystem
        self.root = root
    }

    public func discover() -> [DiscoveredWorkload] {
        var found: [DiscoveredWorkload] = []
        for entry in directories(at: "") {
            switch entry.name {
            case "system.slice": systemSlice(entry.name, into: &found)
            case "machine.slice": containers(in: entry.name, kind: .container, into: &found)
            case "docker": containers(in: entry.name, kind: .container, into: &found)
            default:
                if CgroupNaming.isKubernetesContainer(entry.name) {
                    kubernetes(entry.name, inheritedQoS: nil, depth: 0, into: &found)
                }
            }
        }
        return found
    }

    private func directories(at relative: String) -> [DirectoryEntry] {
        let path = relative.isEmpty ? root : root + "/" + relative
        guard case .success(let entries) = fileSystem.entries(of: path) else { return [] }
        return entries.filter(\.isDirectory)
    }

    private static func join(_ parent: String, _ child: String) -> String {
        parent.isEmpty ? child : parent + "/" + child
    }

    /// Inside `kubepods*` / `kubelet*`: QoS directories, pod cgroups, and wrappers such as kind's `kubelet.slice`.
    private func kubernetes(_ relative: String, inheritedQoS: QoSClass?, depth: Int, into found: inout [DiscoveredWorkload]) {
        guard depth < 4 else { return }
        let isPodParent = relative.split(separator: "/").last.map { $0.hasPrefix("kubepods") || $0.hasSuffix("kubepods") } ?? false
        for entry in directories(at: relative) {
            let path = Self.join(relative, entry.name)
            if let pod = CgroupNaming.pod(entry.name) {
                // cgroupfs: a pod directly under kubepods/ is guaranteed; under burstable/ or besteffort/ it inherits.
                let qos = pod.qos ?? inheritedQoS ?? (isPodParent ? .guaranteed : nil)
                found.append(DiscoveredWorkload(kind: .pod, relativePath: path, inode: entry.inode, uid: pod.uid, qos: qos,
                                                runtime: nil, containerID: nil, unitName: nil,
                                                containers: podContainers(path)))
            } else if let qos = CgroupNaming.qosDirectory(entry.name) {
                kubernetes(path, inheritedQoS: qos, depth: depth + 1, into: &found)
            } else if CgroupNaming.isKubernetesContainer(entry.name) {
                kubernetes(path, inheritedQoS: inheritedQoS, depth: depth + 1, into: &found)
            }
        }
    }

    private func podContainers(_ podPath: String) -> [DiscoveredContainer] {
        directories(at: podPath).compactMap { entry in
            switch CgroupNaming.container(entry.name) {
            case .container(let id, let runtime)?:
                DiscoveredContainer(id: id, runtime: runtime, relativePath: Self.join(podPath, entry.name), inode: entry.inode)
            case .monitor?:
                nil
            case nil:
                // An unrecognized child still holds pod memory: report it under its own name.
                DiscoveredContainer(id: entry.name, runtime: nil, relativePath: Self.join(podPath, entry.name), inode: entry.inode)
            }
        }
    }

    /// `system.slice`: `*.service` units and `docker-<id>.scope` / `libpod-<id>.scope` containers.
    private func systemSlice(_ relative: String, into found: inout [DiscoveredWorkload]) {
        for entry in directories(at: relative) {
            let path = Self.join(relative, entry.name)
            if entry.name.hasSuffix(".service") {
                found.append(DiscoveredWorkload(kind: .service, relativePath: path, inode: entry.inode, uid: nil, qos: nil,
                                                runtime: nil, containerID: nil, unitName: entry.name, containers: []))
            } else if case .container(let id, let runtime)? = CgroupNaming.container(entry.name), runtime != nil {
                found.append(container(id: id, runtime: runtime, path: path, inode: entry.inode))
            }
        }
    }

    /// `docker/<id>` (docker's cgroupfs driver) and `machine.slice/libpod-<id>.scope` (podman).
    private func containers(in relative: String, kind: WorkloadKind, into found: inout [DiscoveredWorkload]) {
        for entry in directories(at: relative) {
            guard case .container(let id, let runtime)? = CgroupNaming.container(entry.name) else { continue }
            let resolvedRuntime = runtime ?? (relative == "docker" ? "docker" : nil)
            found.append(container(id: id, runtime: resolvedRuntime, path: Self.join(relative, entry.name), inode: entry.inode))
        }
    }

    private func container(id: String, runtime: String?, path: String, inode: UInt64) -> DiscoveredWorkload {
        DiscoveredWorkload(kind: .container, relativePath: path, inode: inode, uid: nil, qos: nil, runtime: runtime,
                           containerID: id, unitName: nil, containers: [])
    }
}
