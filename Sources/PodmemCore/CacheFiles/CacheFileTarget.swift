/// Where one pod's candidate files are found: the cgroups whose `cgroup.procs` list its processes (with the
/// container each one is), the pod's kubelet log directory and its emptyDir volumes.
public struct CacheFileTarget: Sendable, Equatable {
    public struct Cgroup: Sendable, Equatable {
        /// Full path of the cgroup directory.
        public var directory: String
        /// The container's name (or short ID) for `heldBy`; nil for the pod's own cgroup.
        public var container: String?
    }

    public var cgroups: [Cgroup]
    /// `<log-root>/pods/<namespace>_<name>_<uid>`, when the pod's name is known.
    public var logDirectory: String?
    /// `<host-root>/var/lib/kubelet/pods/<uid>/volumes/kubernetes.io~empty-dir`, for a pod with a uid.
    public var emptyDirRoot: String?

    public init(cgroups: [Cgroup], logDirectory: String?, emptyDirRoot: String?) {
        self.cgroups = cgroups
        self.logDirectory = logDirectory
        self.emptyDirRoot = emptyDirRoot
    }

    /// The target of a sampled workload: its own cgroup and every container's.
    public init(workload: WorkloadSample, cgroupRoot: String, logRoot: String, hostRoot: String) {
        func directory(_ relative: String) -> String { relative == "." ? cgroupRoot : cgroupRoot + "/" + relative }
        cgroups =
            [Cgroup(directory: directory(workload.cgroup), container: nil)]
            + workload.containers.map {
                Cgroup(directory: directory($0.cgroup), container: $0.name ?? String($0.id.prefix(12)))
            }
        if let uid = workload.uid, let namespace = workload.namespace, let name = workload.name {
            logDirectory = logRoot + "/pods/\(namespace)_\(name)_\(uid)"
        }
        if let uid = workload.uid, workload.kind == .pod {
            emptyDirRoot = CgroupHierarchy.joinHostRoot(
                hostRoot, "var/lib/kubelet/pods/\(uid)/volumes/kubernetes.io~empty-dir")
        }
    }
}
