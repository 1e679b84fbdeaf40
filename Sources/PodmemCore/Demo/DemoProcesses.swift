/// The web frontend's processes in a simulated host `/proc`, for the cache-files engine: nginx writes its access
/// log, still holds yesterday's log that logrotate deleted, and maps a GeoIP index; the log shipper reads the live
/// log. Sizes follow the nginx container's page cache, so the coverage line moves with it.
enum DemoProcesses {
    static let nginxPID: Int32 = 4242
    static let shipperPID: Int32 = 4317
    static let mebibyte = 1024.0 * 1024.0

    /// Writes `cgroup.procs`, `comm`, `fd/`, `maps` and `ns/mnt` files for the two processes, and the links and file
    /// figures the probe answers with. `cacheMiB`: the nginx container's active + inactive file.
    /// Each process sees its container's overlay root and the shared emptyDir `nginx-logs` at /var/log/nginx; the
    /// host's mountinfo has its disk at / and each root under containerd's task directory, so host paths resolve.
    static func write(
        procRoot: String, podUID: String, nginxCgroup: String, shipperCgroup: String, logDirectory: String,
        cacheMiB: Double, files: inout [String: String], probe: DemoFileResidencyProbe
    ) {
        var links: [String: [UInt8]] = [procRoot + "/1/ns/mnt": Array("mnt:[4026531841]".utf8)]
        let emptyDir = "/var/lib/kubelet/pods/\(podUID)/volumes/kubernetes.io~empty-dir/nginx-logs"
        var hostMounts = "22 1 8:3 / / rw,relatime shared:1 - ext4 /dev/sda3 rw\n"
        var probed: [String: DemoFileResidencyProbe.File] = [:]
        func file(_ inode: UInt64, sizeMiB: Double, cachedMiB: Double, dirtyMiB: Double = 0, deleted: Bool = false)
            -> DemoFileResidencyProbe.File
        {
            func bytes(_ mebibytes: Double) -> UInt64 { UInt64(mebibytes * mebibyte) / 4096 * 4096 }
            return .init(
                identity: FileIdentity(
                    device: 0x0803, inode: inode, sizeBytes: bytes(sizeMiB), isRegular: true, isDeleted: deleted),
                residency: FileResidency(
                    cachedBytes: bytes(cachedMiB), dirtyBytes: bytes(dirtyMiB), writebackBytes: 0,
                    recentlyEvictedBytes: deleted ? bytes(cachedMiB * 0.1) : 0))
        }
        let accessLog = file(7001, sizeMiB: cacheMiB * 0.62, cachedMiB: cacheMiB * 0.58, dirtyMiB: 1.5)
        let rotatedLog = file(7002, sizeMiB: cacheMiB * 0.3, cachedMiB: cacheMiB * 0.24, deleted: true)
        let index = file(7003, sizeMiB: 96, cachedMiB: min(96, cacheMiB * 0.1))
        let binary = file(7004, sizeMiB: 1.2, cachedMiB: 1.2)
        let libc = file(7005, sizeMiB: 2, cachedMiB: 1.8)
        let containerLog = file(7006, sizeMiB: 3, cachedMiB: 2.5)

        func process(
            _ pid: Int32, comm: String, cgroup: String, descriptors: [(String, DemoFileResidencyProbe.File?)],
            mappings: [(String, String, DemoFileResidencyProbe.File)]
        ) {
            let base = "\(procRoot)/\(pid)"
            let overlay = "0:\(60 + pid % 100)"
            let containerID =
                cgroup.split(separator: "-").last.map { String($0.dropLast(".scope".count)) } ?? String(pid)
            hostMounts +=
                "\(300 + pid % 100) 22 \(overlay) / /run/containerd/io.containerd.runtime.v2.task/k8s.io/\(containerID)/rootfs"
                + " rw,relatime - overlay overlay rw\n"
            files[base + "/mountinfo"] =
                "700 650 \(overlay) / / rw,relatime master:1 - overlay overlay rw\n"
                + "701 700 8:3 \(emptyDir) /var/log/nginx rw,relatime - ext4 /dev/sda3 rw\n"
            files[cgroup + "/cgroup.procs"] = "\(pid)\n"
            files[base + "/comm"] = comm + "\n"
            links[base + "/ns/mnt"] = Array("mnt:[40265328\(pid % 100)]".utf8)
            for (number, (target, figures)) in descriptors.enumerated() {
                let path = base + "/fd/\(number)"
                files[path] = ""
                links[path] = Array(target.utf8)
                if let figures { probed[path] = figures }
            }
            var maps = ""
            for (range, path, figures) in mappings {
                maps += "\(range) r--s 00000000 08:03 \(figures.identity.inode)                       \(path)\n"
                probed[base + "/map_files/" + range] = figures
            }
            maps += "7ffd3a1c2000-7ffd3a1e3000 rw-p 00000000 00:00 0                          [stack]\n"
            files[base + "/maps"] = maps
        }
        process(
            nginxPID, comm: "nginx", cgroup: nginxCgroup,
            descriptors: [
                ("/dev/null", nil), ("pipe:[51312]", nil), ("pipe:[51313]", nil), ("socket:[51400]", nil),
                ("/var/log/nginx/access.log", accessLog), ("/var/log/nginx/access.log.1 (deleted)", rotatedLog),
            ],
            mappings: [
                ("55d0c0a00000-55d0c0b33000", "/usr/sbin/nginx", binary),
                ("7f51c0000000-7f51c6000000", "/srv/geoip/GeoLite2-City.mmdb", index),
                ("7f51c8000000-7f51c81d8000", "/usr/lib/x86_64-linux-gnu/libc.so.6", libc),
            ])
        process(
            shipperPID, comm: "fluent-bit", cgroup: shipperCgroup,
            descriptors: [
                ("/dev/null", nil), ("/var/log/nginx/access.log", accessLog),
            ], mappings: [("7f6200000000-7f62001d8000", "/usr/lib/x86_64-linux-gnu/libc.so.6", libc)])
        // kubelet's own file for the container's stdout, found by walking the pod's log directory.
        files[logDirectory + "/nginx/0.log"] = ""
        probed[logDirectory + "/nginx/0.log"] = containerLog
        files[procRoot + "/1/mountinfo"] = hostMounts
        // The same logs seen from the host by walking the pod's emptyDir volumes: one entry each, by device + inode.
        let hostRoot = String(procRoot.dropLast("/proc".count))
        for (name, figures) in [("access.log", accessLog), ("access.log.1.gz", file(7007, sizeMiB: 9, cachedMiB: 0))] {
            files[hostRoot + emptyDir + "/" + name] = ""
            probed[hostRoot + emptyDir + "/" + name] = figures
        }
        probe.replace(links: links, files: probed)
    }
}
