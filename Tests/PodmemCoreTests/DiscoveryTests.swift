import XCTest
@testable import PodmemCore

/// Every common layout, built as a tree in a temp dir and discovered through the real file system.
final class DiscoveryTests: XCTestCase {
    static let idA = String(repeating: "a", count: 63) + "1"
    static let idB = String(repeating: "b", count: 63) + "2"
    static let idC = String(repeating: "c", count: 63) + "3"
    static let uid = "11111111-2222-3333-4444-555555555555"
    static let stat1: [String: UInt64] = ["total_rss": 4096, "total_active_file": 8192, "total_inactive_file": 4096]
    static let stat2: [String: UInt64] = ["anon": 4096, "active_file": 8192, "inactive_file": 4096, "file": 12288]

    func sample(_ tree: TempTree, root: String = "", logRoot: String? = nil) throws -> Sample {
        let fs = LocalFileSystem()
        let hierarchy = try CgroupHierarchy.inspect(fileSystem: fs, directory: tree.path + (root.isEmpty ? "" : "/" + root))
        let source = CgroupSource(fileSystem: fs, hierarchy: hierarchy, hostRoot: tree.path,
                                  logRoot: logRoot ?? tree.path + "/var/log", host: "node-1")
        return source.sample(at: 1)
    }

    func testCgroupfsDriverV1WithQoSAndGuaranteedPods() throws {
        let tree = TempTree()
        tree.v1Cgroup("", usage: 1 << 30, stat: Self.stat1)
        tree.v1Cgroup("kubepods", usage: 1 << 20, stat: Self.stat1)
        tree.v1Cgroup("kubepods/burstable/pod\(Self.uid)", usage: 40960, stat: Self.stat1)
        tree.v1Cgroup("kubepods/burstable/pod\(Self.uid)/\(Self.idA)", usage: 20480, stat: Self.stat1)
        tree.v1Cgroup("kubepods/besteffort/pod99999999-0000-0000-0000-000000000000", usage: 4096, stat: Self.stat1)
        tree.v1Cgroup("kubepods/pod88888888-0000-0000-0000-000000000000", usage: 4096, stat: Self.stat1, limit: 1 << 28)
        let pods = try sample(tree).workloads
        XCTAssertEqual(pods.count, 3)
        let byUID = Dictionary(uniqueKeysWithValues: pods.map { ($0.uid!, $0) })
        XCTAssertEqual(byUID[Self.uid]?.qos, .burstable)
        XCTAssertEqual(byUID["99999999-0000-0000-0000-000000000000"]?.qos, .besteffort)
        XCTAssertEqual(byUID["88888888-0000-0000-0000-000000000000"]?.qos, .guaranteed)
        XCTAssertEqual(byUID["88888888-0000-0000-0000-000000000000"]?.counters.limit, .bytes(1 << 28))
        XCTAssertEqual(byUID[Self.uid]?.containers.map(\.id), [Self.idA])
        XCTAssertEqual(byUID[Self.uid]?.counters.usageBytes, 40960)
        XCTAssertNil(byUID[Self.uid]?.name, "no name source: the pod still appears, by uid")
    }

    func testSystemdDriverV2WithContainerdCrioAndNames() throws {
        let tree = TempTree()
        tree.write("cgroup.controllers", "cpuset cpu io memory pids\n")
        tree.write("memory.stat", "anon 4096\nfile 8192\nactive_file 4096\ninactive_file 4096\n")
        let underscored = Self.uid.replacing("-", with: "_")
        let pod = "kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod\(underscored).slice"
        tree.v2Cgroup(pod, current: 1 << 20, stat: Self.stat2, max: "268435456")
        tree.v2Cgroup(pod + "/cri-containerd-\(Self.idA).scope", current: 1 << 19, stat: Self.stat2)
        tree.v2Cgroup(pod + "/cri-containerd-\(Self.idB).scope", current: 4096, stat: Self.stat2)
        let guaranteed = "kubepods.slice/kubepods-pod77777777_0000_0000_0000_000000000000.slice"
        tree.v2Cgroup(guaranteed, current: 4096, stat: Self.stat2)
        tree.v2Cgroup(guaranteed + "/crio-\(Self.idC).scope", current: 4096, stat: Self.stat2)
        tree.v2Cgroup(guaranteed + "/crio-conmon-\(Self.idC).scope", current: 4096, stat: Self.stat2)
        tree.mkdir("var/log/pods/shop_web-7f9c_\(Self.uid)/app")
        tree.write("var/log/containers/web-7f9c_shop_app-\(Self.idA).log", "")

        let sample = try sample(tree)
        XCTAssertEqual(sample.cgroupVersion, .v2)
        let byUID = Dictionary(uniqueKeysWithValues: sample.workloads.map { ($0.uid!, $0) })
        let web = try XCTUnwrap(byUID[Self.uid])
        XCTAssertEqual(web.namespace, "shop")
        XCTAssertEqual(web.name, "web-7f9c")
        XCTAssertEqual(web.qos, .burstable)
        XCTAssertEqual(web.counters.limit, .bytes(268_435_456))
        let app = try XCTUnwrap(web.containers.first { $0.id == Self.idA })
        XCTAssertEqual(app.name, "app")
        XCTAssertEqual(app.runtime, "containerd")
        XCTAssertFalse(app.sandbox)
        let pause = try XCTUnwrap(web.containers.first { $0.id == Self.idB })
        XCTAssertTrue(pause.sandbox, "no log link in a named pod: the sandbox")
        XCTAssertNil(pause.name)

        let crio = try XCTUnwrap(byUID["77777777-0000-0000-0000-000000000000"])
        XCTAssertEqual(crio.qos, .guaranteed)
        XCTAssertEqual(crio.containers.map(\.id), [Self.idC], "crio-conmon is skipped")
        XCTAssertEqual(crio.containers.first?.runtime, "crio")
    }

    func testKindStyleNestedKubeletSlice() throws {
        let tree = TempTree()
        tree.v2Cgroup("", current: 1 << 20, stat: Self.stat2)
        let pod = "kubelet.slice/kubelet-kubepods.slice/kubelet-kubepods-besteffort.slice/kubelet-kubepods-besteffort-pod\(Self.uid.replacing("-", with: "_")).slice"
        tree.v2Cgroup(pod, current: 4096, stat: Self.stat2)
        tree.v2Cgroup(pod + "/cri-containerd-\(Self.idA).scope", current: 4096, stat: Self.stat2)
        let pods = try sample(tree).workloads
        XCTAssertEqual(pods.map(\.uid), [Self.uid])
        XCTAssertEqual(pods.first?.qos, .besteffort)
        XCTAssertEqual(pods.first?.containers.count, 1)
    }

    func testDockerPodmanAndServicesWithoutKubernetes() throws {
        let tree = TempTree()
        tree.v2Cgroup("", current: 1 << 20, stat: Self.stat2)
        tree.v2Cgroup("system.slice/docker-\(Self.idA).scope", current: 8192, stat: Self.stat2)
        tree.v2Cgroup("system.slice/nginx.service", current: 4096, stat: Self.stat2)
        tree.v2Cgroup("system.slice/system-getty.slice", current: 4096, stat: Self.stat2)
        tree.v2Cgroup("machine.slice/libpod-\(Self.idB).scope", current: 4096, stat: Self.stat2)
        tree.v2Cgroup("machine.slice/libpod-conmon-\(Self.idB).scope", current: 4096, stat: Self.stat2)
        tree.write("var/lib/docker/containers/\(Self.idA)/config.v2.json", #"{"ID":"x","Name":"/web-proxy","State":{}}"#)
        tree.write("var/lib/containers/storage/overlay-containers/containers.json", #"[{"id":"\#(Self.idB)","names":["db-1"]}]"#)
        let workloads = try sample(tree).workloads
        let byCgroup = Dictionary(uniqueKeysWithValues: workloads.map { ($0.cgroup, $0) })
        XCTAssertEqual(workloads.count, 3)
        XCTAssertEqual(byCgroup["system.slice/docker-\(Self.idA).scope"]?.kind, .container)
        XCTAssertEqual(byCgroup["system.slice/docker-\(Self.idA).scope"]?.name, "web-proxy")
        XCTAssertEqual(byCgroup["system.slice/docker-\(Self.idA).scope"]?.runtime, "docker")
        XCTAssertEqual(byCgroup["system.slice/nginx.service"]?.kind, .service)
        XCTAssertEqual(byCgroup["system.slice/nginx.service"]?.name, "nginx.service")
        XCTAssertEqual(byCgroup["machine.slice/libpod-\(Self.idB).scope"]?.name, "db-1")
        XCTAssertEqual(byCgroup["machine.slice/libpod-\(Self.idB).scope"]?.runtime, "podman")
    }

    func testDockerCgroupfsDriverV1() throws {
        let tree = TempTree()
        tree.v1Cgroup("", usage: 1 << 20, stat: Self.stat1)
        tree.v1Cgroup("docker/\(Self.idA)", usage: 8192, stat: Self.stat1)
        let workloads = try sample(tree).workloads
        XCTAssertEqual(workloads.map(\.kind), [.container])
        XCTAssertEqual(workloads.first?.runtime, "docker")
        XCTAssertEqual(workloads.first?.name, String(Self.idA.prefix(12)), "no docker state on disk: the short ID")
    }

    func testRootIsTheWorkloadInsideAContainer() throws {
        let tree = TempTree()
        tree.v1Cgroup("", usage: 123 * 4096, stat: Self.stat1)
        let sample = try sample(tree)
        XCTAssertEqual(sample.workloads.count, 1)
        XCTAssertEqual(sample.workloads[0].kind, .cgroup)
        XCTAssertEqual(sample.workloads[0].cgroup, ".")
        XCTAssertEqual(sample.workloads[0].name, "node-1")
        XCTAssertEqual(sample.workloads[0].counters.usageBytes, 123 * 4096)
    }

    func testHybridHostPicksV1MemoryMount() throws {
        let tree = TempTree()
        tree.write("sys/fs/cgroup/unified/cgroup.controllers", "\n")
        tree.v1Cgroup("sys/fs/cgroup/memory", usage: 4096, stat: Self.stat1)
        let hierarchy = try CgroupHierarchy.detect(fileSystem: LocalFileSystem(), hostRoot: tree.path)
        XCTAssertEqual(hierarchy, CgroupHierarchy(root: tree.path + "/sys/fs/cgroup/memory", version: .v1))
    }

    func testUnifiedMountWithMemoryIsV2() throws {
        let tree = TempTree()
        tree.write("sys/fs/cgroup/cgroup.controllers", "cpu io memory pids\n")
        tree.write("sys/fs/cgroup/memory.stat", "anon 1\n")
        let hierarchy = try CgroupHierarchy.detect(fileSystem: LocalFileSystem(), hostRoot: tree.path + "/")
        XCTAssertEqual(hierarchy, CgroupHierarchy(root: tree.path + "/sys/fs/cgroup", version: .v2))
    }

    func testV2RootUsageFollowsRunc() throws {
        let tree = TempTree()
        tree.write("cgroup.controllers", "memory\n")
        tree.write("memory.stat", "anon 1000\nfile 3000\nactive_file 1000\ninactive_file 2000\n")
        let sample = try sample(tree)
        XCTAssertEqual(sample.node.root.usageBytes, 4000, "the v2 root has no memory.current: anon + file, as runc does")
        XCTAssertEqual(sample.node.root.limit, .unlimited)
    }

    func testNamingRules() {
        XCTAssertEqual(CgroupNaming.pod("pod\(Self.uid)")?.uid, Self.uid)
        XCTAssertEqual(CgroupNaming.pod("kubepods-besteffort-pod\(Self.uid.replacing("-", with: "_")).slice")?.qos, .besteffort)
        XCTAssertNil(CgroupNaming.pod("podman.slice"))
        XCTAssertNil(CgroupNaming.pod("kubepods-burstable.slice"))
        XCTAssertEqual(CgroupNaming.container("docker-\(Self.idA).scope"), .container(id: Self.idA, runtime: "docker"))
        XCTAssertEqual(CgroupNaming.container(Self.idA), .container(id: Self.idA, runtime: nil))
        XCTAssertEqual(CgroupNaming.container("crio-conmon-\(Self.idA).scope"), .monitor)
        XCTAssertNil(CgroupNaming.container("init.scope"))
        XCTAssertEqual(PodNameIndex.parseContainerLink("my-pod_ns_side-car-\(Self.idA).log")?.name,
                       .init(namespace: "ns", pod: "my-pod", container: "side-car"))
        XCTAssertNil(PodNameIndex.parseContainerLink("garbage.log"))
    }

    func testNamesRefreshWhenLogDirectoriesChange() throws {
        let tree = TempTree()
        tree.v1Cgroup("", usage: 1 << 20, stat: Self.stat1)
        tree.v1Cgroup("kubepods/burstable/pod\(Self.uid)", usage: 4096, stat: Self.stat1)
        let fs = LocalFileSystem()
        let source = CgroupSource(fileSystem: fs, hierarchy: try CgroupHierarchy.inspect(fileSystem: fs, directory: tree.path),
                                  hostRoot: tree.path, logRoot: tree.path + "/var/log", host: "n")
        XCTAssertNil(source.sample(at: 1).workloads.first?.name)
        tree.mkdir("var/log/pods/prod_late-pod_\(Self.uid)")
        XCTAssertEqual(source.sample(at: 2).workloads.first?.name, "late-pod")
    }

    /// Container lists are cached between polls; additions (link count) and replacements (a vanished container)
    /// still show up in the very next poll.
    func testCachedContainerListsFollowAdditionsAndRestarts() throws {
        let tree = TempTree()
        let pod = "kubepods/burstable/pod\(Self.uid)"
        tree.v1Cgroup("", usage: 1 << 20, stat: Self.stat1)
        tree.v1Cgroup(pod, usage: 40960, stat: Self.stat1)
        tree.v1Cgroup(pod + "/" + Self.idA, usage: 4096, stat: Self.stat1)
        let fs = LocalFileSystem()
        let source = CgroupSource(fileSystem: fs, hierarchy: try CgroupHierarchy.inspect(fileSystem: fs, directory: tree.path),
                                  hostRoot: tree.path, logRoot: tree.path, host: "n")
        XCTAssertEqual(source.sample(at: 1).workloads.first?.containers.map(\.id), [Self.idA])
        tree.v1Cgroup(pod + "/" + Self.idB, usage: 4096, stat: Self.stat1)
        XCTAssertEqual(Set(source.sample(at: 2).workloads.first?.containers.map(\.id) ?? []), [Self.idA, Self.idB])
        try FileManager.default.removeItem(atPath: tree.path + "/" + pod + "/" + Self.idA)
        tree.v1Cgroup(pod + "/" + Self.idC, usage: 4096, stat: Self.stat1)
        let restarted = source.sample(at: 3)
        XCTAssertEqual(Set(restarted.workloads.first?.containers.map(\.id) ?? []), [Self.idB, Self.idC])
        XCTAssertEqual(restarted.warnings.filter { !$0.contains("meminfo") }, [], "a container that ended before the poll is not a warning")
    }

    /// `--root` may point into the pod tree itself, and pod trees may sit deeper than the root's children
    /// (a kind node on a v1 host: `docker/<id>/kubepods`; a test's own parent directory).
    func testPodTreesFoundWhereverTheyAre() throws {
        let tree = TempTree()
        tree.v1Cgroup("", usage: 1 << 20, stat: Self.stat1)
        tree.v1Cgroup("docker/\(Self.idA)/kubepods/besteffort/pod\(Self.uid)", usage: 4096, stat: Self.stat1)
        tree.v1Cgroup("lab-1234/kubepods/pod88888888-0000-0000-0000-000000000000", usage: 4096, stat: Self.stat1)
        tree.v1Cgroup("lab-1234/kubepods", usage: 8192, stat: Self.stat1)
        tree.v1Cgroup("docker/\(Self.idA)/kubepods/besteffort", usage: 4096, stat: Self.stat1)
        let all = try sample(tree).workloads
        XCTAssertEqual(Set(all.compactMap(\.uid)), [Self.uid, "88888888-0000-0000-0000-000000000000"])
        XCTAssertEqual(all.first { $0.uid == Self.uid }?.qos, .besteffort)
        XCTAssertEqual(all.first { $0.uid?.hasPrefix("8888") == true }?.qos, .guaranteed)

        let kubepods = try sample(tree, root: "lab-1234/kubepods").workloads
        XCTAssertEqual(kubepods.map(\.uid), ["88888888-0000-0000-0000-000000000000"])
        XCTAssertEqual(kubepods.first?.qos, .guaranteed)
        XCTAssertEqual(kubepods.first?.cgroup, "pod88888888-0000-0000-0000-000000000000")
        let qosRoot = try sample(tree, root: "docker/\(Self.idA)/kubepods/besteffort").workloads
        XCTAssertEqual(qosRoot.map(\.uid), [Self.uid])
        XCTAssertEqual(qosRoot.first?.qos, .besteffort)
    }
}
