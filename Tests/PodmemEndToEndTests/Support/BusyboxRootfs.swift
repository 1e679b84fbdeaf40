import Foundation

/// A container image made offline: Debian's `busybox-static` as `/bin/busybox` with the applets the workloads use,
/// packed as a root file system tarball for `docker import` / `podman import`. No registry is involved.
enum BusyboxRootfs {
    static let busybox = "/bin/busybox"
    static let applets = ["sh", "sleep", "true"]

    /// Nil when busybox-static is missing, else why not.
    static func unavailableReason() -> String? {
        FileManager.default.isExecutableFile(atPath: busybox)
            ? nil : "\(busybox) is missing (Debian's busybox-static provides it)"
    }

    /// Writes `<scratch>/rootfs.tar` and returns its path.
    static func tarball(in scratch: String) throws -> String {
        let rootfs = scratch + "/rootfs"
        try FileManager.default.createDirectory(atPath: rootfs + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: rootfs + "/tmp", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: busybox, toPath: rootfs + "/bin/busybox")
        for applet in applets {
            try FileManager.default.createSymbolicLink(
                atPath: rootfs + "/bin/" + applet, withDestinationPath: "busybox")
        }
        let tarball = scratch + "/rootfs.tar"
        let tar = try CommandRun.run(URL(fileURLWithPath: "/bin/tar"), ["-C", rootfs, "-cf", tarball, "."])
        guard tar.status == 0 else { throw ContainerRuntime.Failure(description: "tar: \(tar.stderr)") }
        return tarball
    }
}
