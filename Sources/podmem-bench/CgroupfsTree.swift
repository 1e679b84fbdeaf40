import Foundation
import PodmemCore

/// The same kubelet-shaped tree as `KubepodsTree`'s v1 layout, made of real, empty cgroups on a writable cgroup v1
/// memory hierarchy, so the kernel produces every file a poll reads (as on a node, where `memory.stat` costs the
/// kernel far more to generate than a copied file costs to read). Removed, deepest first, by `remove()`.
struct CgroupfsTree {
    /// The v1 memory hierarchy the tree is made in.
    static let defaultHierarchy = "/sys/fs/cgroup/memory"

    let tree: KubepodsTree
    /// The cgroups made, parents first.
    private let created: [String]

    /// Makes `<hierarchy>/podmem-bench-<pid>/kubepods/…` for `pods` × `containersPerPod`, logs under `scratch`.
    static func make(pods: Int, containersPerPod: Int, hierarchy: String, scratch: String) throws -> CgroupfsTree {
        guard access(hierarchy + "/memory.usage_in_bytes", R_OK) == 0, access(hierarchy, W_OK) == 0 else {
            throw BenchError(
                "\(hierarchy) is not a writable cgroup v1 memory hierarchy (run as root where one is mounted)")
        }
        let root = "\(hierarchy)/podmem-bench-\(getpid())"
        let tree = KubepodsTree(
            layout: .v1, pods: pods, containersPerPod: containersPerPod, cgroupRoot: root, logRoot: scratch + "/log")
        var created: [String] = []
        func mkdirCgroup(_ path: String) throws {
            guard mkdir(path, 0o755) == 0 else {
                let reason = String(cString: strerror(errno))
                CgroupfsTree(tree: tree, created: created).remove()
                throw BenchError("\(path): cannot create the cgroup (\(reason))")
            }
            created.append(path)
        }
        for path in [root, root + "/kubepods", root + "/kubepods/burstable", root + "/kubepods/besteffort"] {
            try mkdirCgroup(path)
        }
        for pod in 0..<pods {
            let qos = KubepodsTree.qos(ofPod: pod)
            let podPath =
                root + (qos == .guaranteed ? "/kubepods" : "/kubepods/" + qos.rawValue) + "/pod"
                + TreeIdentifiers.podUID(pod)
            try mkdirCgroup(podPath)
            for container in 0..<containersPerPod {
                try mkdirCgroup(podPath + "/" + TreeIdentifiers.containerID(pod: pod, container: container))
            }
        }
        try tree.writeLogs()
        return CgroupfsTree(tree: tree, created: created)
    }

    /// `rmdir`, children before parents; a cgroup that will not go is reported, not left silently.
    func remove() {
        for path in created.reversed() where rmdir(path) != 0 && errno != ENOENT {
            FileHandle.standardError.write(
                Data("podmem-bench: could not remove cgroup \(path): \(String(cString: strerror(errno)))\n".utf8))
        }
    }

    /// The tree's path inside its hierarchy, as systemd-cgtop names control groups.
    var cgroupPath: String { "/" + (tree.cgroupRoot as NSString).lastPathComponent }
}
