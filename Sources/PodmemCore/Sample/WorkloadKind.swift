/// What a reported workload is.
public enum WorkloadKind: String, Sendable, Codable, Equatable {
    /// A Kubernetes pod cgroup (with its containers beneath).
    case pod
    /// A docker or podman container outside Kubernetes.
    case container
    /// A systemd service.
    case service
    /// A plain cgroup: the hierarchy root when podmem runs inside a container.
    case cgroup
}
