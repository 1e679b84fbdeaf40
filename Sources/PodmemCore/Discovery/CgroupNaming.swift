/// Recognizes the directory names container runtimes and kubelet give cgroups,
/// for both kubelet cgroup drivers (cgroupfs and systemd).
public enum CgroupNaming {
    /// A pod cgroup: cgroupfs `pod<uid>` or systemd `kubepods[-<qos>]-pod<uid with _>.slice`.
    /// `qos` is set when the name itself says it (systemd driver).
    public static func pod(_ name: String) -> (uid: String, qos: QoSClass?)? {
        if name.hasPrefix("pod"), !name.hasSuffix(".slice") {
            let uid = String(name.dropFirst(3))
            return isUID(uid) ? (uid, nil) : nil
        }
        guard name.hasSuffix(".slice"), let marker = name.ranges(of: "-pod").last else { return nil }
        let prefix = name[..<marker.lowerBound]
        guard
            prefix.hasSuffix("kubepods") || prefix.hasSuffix("kubepods-burstable")
                || prefix.hasSuffix("kubepods-besteffort")
        else { return nil }
        let uid = String(name[marker.upperBound...].dropLast(".slice".count)).replacing("_", with: "-")
        guard isUID(uid) else { return nil }
        let qos: QoSClass =
            prefix.hasSuffix("burstable") ? .burstable : prefix.hasSuffix("besteffort") ? .besteffort : .guaranteed
        return (uid, qos)
    }

    /// A QoS-class parent directory: cgroupfs `burstable`, systemd `kubepods-burstable.slice`.
    public static func qosDirectory(_ name: String) -> QoSClass? {
        switch name {
        case "burstable": return .burstable
        case "besteffort": return .besteffort
        default:
            guard name.contains("kubepods") else { return nil }
            if name.hasSuffix("-burstable.slice") { return .burstable }
            if name.hasSuffix("-besteffort.slice") { return .besteffort }
            return nil
        }
    }

    /// Whether a directory is (or wraps) kubelet's pod tree: `kubepods`, `kubepods.slice`, `kubelet.slice`, kind's `kubelet`.
    public static func isKubernetesContainer(_ name: String) -> Bool {
        name.hasPrefix("kubepods") || name.hasPrefix("kubelet")
    }

    public enum ContainerName: Equatable, Sendable {
        case container(id: String, runtime: String?)
        /// CRI-O's and podman's monitor processes (`crio-conmon-*`, `libpod-conmon-*`): not a workload.
        case monitor
    }

    /// A container cgroup: `cri-containerd-<id>.scope`, `crio-<id>.scope`, `docker-<id>.scope`,
    /// `libpod-<id>.scope`, or a bare `<id>` (cgroupfs driver). Nil for anything else.
    public static func container(_ name: String) -> ContainerName? {
        if name.hasPrefix("crio-conmon-") || name.hasPrefix("libpod-conmon-") { return .monitor }
        let base = name.hasSuffix(".scope") ? String(name.dropLast(".scope".count)) : name
        for (prefix, runtime) in [
            ("cri-containerd-", "containerd"), ("crio-", "crio"), ("docker-", "docker"), ("libpod-", "podman"),
        ]
        where base.hasPrefix(prefix) {
            let id = String(base.dropFirst(prefix.count))
            return isContainerID(id) ? .container(id: id, runtime: runtime) : nil
        }
        return isContainerID(base) ? .container(id: base, runtime: nil) : nil
    }

    /// 64 lowercase hex digits, as every runtime names containers.
    public static func isContainerID(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy(isHex)
    }

    static func isUID(_ text: String) -> Bool {
        text.utf8.count >= 8 && text.utf8.allSatisfy { isHex($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
    }
}
