/// A simulated Kubernetes node (cgroup v2, systemd driver, containerd) whose pods show every verdict
/// within seconds. It writes real-looking `memory.*` files and kubelet log links into a `DemoFileSystem`,
/// then the ordinary `CgroupSource` reads them.
public final class DemoNode: CacheFileSource {
    struct Container {
        let name: String
        let behavior: DemoBehavior
    }

    struct Pod {
        let namespace: String
        let name: String
        let qos: QoSClass
        let limitMiB: Double?
        let containers: [Container]
    }

    static let root = "/demo/sys/fs/cgroup"
    static let logRoot = "/demo/var/log"
    static let hostRoot = "/demo"
    static let memTotalBytes: UInt64 = 32 * 1024 * 1024 * 1024
    static let mebibyte = 1024.0 * 1024.0

    static let pods: [Pod] = [
        Pod(
            namespace: "shop", name: "web-frontend-7d9f8b6c5-x2kqp", qos: .burstable, limitMiB: 1024,
            containers: [
                Container(
                    name: "nginx", behavior: .logHeavy(anon: 180, startCache: 120, cacheRate: 6, cacheCeiling: 700)),
                Container(name: "log-shipper", behavior: .steady(anon: 24, shmem: 0, active: 2, inactive: 3)),
            ]),
        Pod(
            namespace: "shop", name: "api-gateway-5c4d7f9b8-m4zrt", qos: .burstable, limitMiB: 1536,
            containers: [
                Container(name: "gateway", behavior: .leak(anon: 320, rate: 5, ceiling: 1400))
            ]),
        Pod(
            namespace: "shop", name: "cart-redis-0", qos: .guaranteed, limitMiB: 4096,
            containers: [
                Container(name: "redis", behavior: .steady(anon: 1500, shmem: 0, active: 40, inactive: 60))
            ]),
        Pod(
            namespace: "infra", name: "postgres-0", qos: .guaranteed, limitMiB: 8192,
            containers: [
                Container(name: "postgres", behavior: .steady(anon: 900, shmem: 1024, active: 2600, inactive: 900)),
                Container(name: "exporter", behavior: .steady(anon: 18, shmem: 0, active: 1, inactive: 1)),
            ]),
        Pod(
            namespace: "logging", name: "fluent-bit-8kq2w", qos: .burstable, limitMiB: 512,
            containers: [
                Container(
                    name: "fluent-bit", behavior: .logHeavy(anon: 48, startCache: 60, cacheRate: 4, cacheCeiling: 440))
            ]),
        Pod(
            namespace: "batch", name: "nightly-report-29184720-b7v5d", qos: .besteffort, limitMiB: nil,
            containers: [
                Container(name: "report", behavior: .coldCache(anon: 380, inactive: 6100))
            ]),
        Pod(
            namespace: "ml", name: "feature-cache-6f5b9c8d7-pq8jn", qos: .burstable, limitMiB: 2048,
            containers: [
                Container(name: "cache", behavior: .tmpfsWriter(anon: 140, shmem: 64, rate: 5, ceiling: 1600))
            ]),
        Pod(
            namespace: "monitoring", name: "prometheus-0", qos: .burstable, limitMiB: 6144,
            containers: [
                Container(name: "prometheus", behavior: .mixed(anon: 1200, anonRate: 4, active: 700, activeRate: 4)),
                Container(name: "config-reloader", behavior: .steady(anon: 12, shmem: 0, active: 0.5, inactive: 0.5)),
            ]),
        Pod(
            namespace: "kube-system", name: "coredns-5d78c9869d-7tq4k", qos: .burstable, limitMiB: 170,
            containers: [
                Container(name: "coredns", behavior: .steady(anon: 28, shmem: 0, active: 2, inactive: 4))
            ]),
        Pod(
            namespace: "kube-system", name: "kube-proxy-h9xvb", qos: .besteffort, limitMiB: nil,
            containers: [
                Container(name: "kube-proxy", behavior: .steady(anon: 22, shmem: 0, active: 3, inactive: 6))
            ]),
        Pod(
            namespace: "shop", name: "checkout-worker-77b8d5f4c9-r2lmn", qos: .burstable, limitMiB: 384,
            containers: [
                Container(name: "worker", behavior: .leak(anon: 90, rate: 8, ceiling: 370))
            ]),
        Pod(
            namespace: "search", name: "indexer-0", qos: .burstable, limitMiB: 3072,
            containers: [
                Container(name: "indexer", behavior: .draining(anon: 600, active: 1500, rate: 12, floor: 200))
            ]),
    ]

    private let fileSystem = DemoFileSystem()
    private let probe = DemoFileResidencyProbe()
    private let reader: CgroupSource
    private var start: Double?

    public init() {
        reader = CgroupSource(
            fileSystem: fileSystem, hierarchy: CgroupHierarchy(root: Self.root, version: .v2),
            hostRoot: Self.hostRoot, logRoot: Self.logRoot, host: "demo-node")
    }

    public static func makeSource() -> MemorySource { DemoNode() }

    /// The web frontend's files come from a simulated /proc through the same engine as real ones.
    public func makeCacheFileMonitor(limits: CacheFileLimits) -> CacheFileMonitor {
        reader.makeCacheFileMonitor(probe: probe, limits: limits)
    }

    public func sample(at timestamp: Double) -> Sample {
        let start = self.start ?? timestamp
        self.start = start
        writeFiles(elapsed: max(0, timestamp - start), stamp: Int64(timestamp))
        var sample = reader.sample(at: timestamp)
        sample.root = "demo:" + Self.root
        return sample
    }

    private func writeFiles(elapsed: Double, stamp: Int64) {
        var files: [String: String] = [:]
        var inodes: [String: UInt64] = [:]
        var totals = DemoCgroupFiles.Totals()
        files[Self.hostRoot + "/proc/meminfo"] =
            "MemTotal:       \(Self.memTotalBytes / 1024) kB\nMemFree:         9437184 kB\n"
        for (podIndex, pod) in Self.pods.enumerated() {
            let uid = DemoIdentifiers.uid(podIndex)
            let qosSlice =
                pod.qos == .guaranteed ? "kubepods.slice" : "kubepods.slice/kubepods-\(pod.qos.rawValue).slice"
            let podSlice =
                (pod.qos == .guaranteed ? "kubepods" : "kubepods-\(pod.qos.rawValue)")
                + "-pod\(uid.replacing("-", with: "_")).slice"
            let podPath = "\(Self.root)/\(qosSlice)/\(podSlice)"
            inodes[podPath] = DemoIdentifiers.inode(podPath)
            let logDirectory = Self.logRoot + "/pods/\(pod.namespace)_\(pod.name)_\(uid)"
            files[logDirectory + "/.keep"] = ""
            var containerCgroups: [String] = []
            var firstContainerCacheMiB = 0.0
            var podTotals = DemoCgroupFiles.Totals()
            let sandboxID = DemoIdentifiers.containerID(pod: podIndex, container: -1, epoch: 0)
            let sandbox = DemoCgroupFiles.Totals(anon: 0.6, shmem: 0, active: 0, inactive: 0.1, jitterSeed: 0)
            let sandboxPath = "\(podPath)/cri-containerd-\(sandboxID).scope"
            inodes[sandboxPath] = DemoIdentifiers.inode(sandboxPath)
            DemoCgroupFiles.write(sandbox, limitMiB: nil, to: sandboxPath, files: &files)
            podTotals.add(sandbox)
            for (containerIndex, container) in pod.containers.enumerated() {
                let state = container.behavior.state(at: elapsed)
                let id = DemoIdentifiers.containerID(pod: podIndex, container: containerIndex, epoch: state.epoch)
                let path = "\(podPath)/cri-containerd-\(id).scope"
                inodes[path] = DemoIdentifiers.inode(path)
                let values = DemoCgroupFiles.Totals(
                    anon: state.anon, shmem: state.shmem, active: state.active,
                    inactive: state.inactive, jitterSeed: UInt64(stamp) &+ UInt64(podIndex * 7 + containerIndex))
                DemoCgroupFiles.write(values, limitMiB: nil, to: path, files: &files, ooms: state.epoch)
                podTotals.add(values)
                files[Self.logRoot + "/containers/\(pod.name)_\(pod.namespace)_\(container.name)-\(id).log"] = ""
                containerCgroups.append(path)
                if containerIndex == 0 { firstContainerCacheMiB = state.active + state.inactive }
            }
            if podIndex == 0 {
                DemoProcesses.write(
                    procRoot: Self.hostRoot + "/proc", podUID: uid, nginxCgroup: containerCgroups[0],
                    shipperCgroup: containerCgroups[1],
                    logDirectory: logDirectory, cacheMiB: firstContainerCacheMiB, files: &files, probe: probe)
            }
            DemoCgroupFiles.write(podTotals, limitMiB: pod.limitMiB, to: podPath, files: &files)
            totals.add(podTotals)
        }
        totals.add(DemoCgroupFiles.Totals(anon: 900, shmem: 40, active: 1800, inactive: 2600, jitterSeed: 0))
        DemoCgroupFiles.write(totals, limitMiB: nil, to: Self.root, files: &files, isRoot: true)
        fileSystem.replace(files: files, inodes: inodes, stamp: stamp)
    }
}
