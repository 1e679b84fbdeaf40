/// Kubernetes QoS class, read from where kubelet placed the pod's cgroup.
public enum QoSClass: String, Sendable, Codable, Equatable {
    case guaranteed, burstable, besteffort
}
