import PodmemCore

/// The two kubelet layouts the bench can generate: they differ in file names and discovery path.
enum TreeLayout: String, Codable {
    /// cgroup v1, cgroupfs driver: `kubepods/<qos>/pod<uid>/<container id>`.
    case v1
    /// cgroup v2, systemd driver: `kubepods.slice/kubepods-<qos>.slice/kubepods-<qos>-pod<uid_>.slice/cri-containerd-<id>.scope`.
    case v2

    var cgroupVersion: CgroupVersion { self == .v1 ? .v1 : .v2 }
}
