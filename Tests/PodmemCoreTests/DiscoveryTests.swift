import Foundation
import PodmemTestSupport
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
        try CgroupSource.reading(
            tree.path + (root.isEmpty ? "" : "/" + root), hostRoot: tree.path,
            logRoot: logRoot ?? tree.path + "/var/log", host: "node-1"
        ).sample(at: 1)
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
        let pod =
            "kubelet.slice/kubelet-kubepods.slice/kubelet-kubepods-besteffort.slice/kubelet-kubepods-besteffort-pod\(Self.uid.replacing("-", with: "_")).slice"
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
        tree.write(
            "var/lib/docker/containers/\(Self.idA)/config.v2.json", #"{"ID":"x","Name":"/web-proxy","State":{}}"#)
        tree.write(
            "var/lib/containers/storage/overlay-containers/containers.json",
            #"[{"id":"\#(Self.idB)","names":["db-1"]}]"#)
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

    /// podman's cgroupfs manager (no systemd): `libpod_parent/libpod-<id>` beside `libpod_parent/conmon`, named from
    /// `containers.json`; the container's files are a real v1 capture, so the figures must be the capture's.
    func testPodmanCgroupfsLayoutV1FromRealCapture() throws {
        let tree = TempTree()
        let capture = FixturePaths.v1Lab + "/t0"
        let container = "libpod_parent/libpod-\(Self.idA)"
        for file in ["memory.stat", "memory.usage_in_bytes", "memory.limit_in_bytes"] {
            tree.copy(from: capture + "/" + file, to: file)
            tree.copy(from: capture + "/" + file, to: "libpod_parent/" + file)
            tree.copy(from: capture + "/" + file, to: "libpod_parent/conmon/" + file)
            tree.copy(from: capture + "/" + file, to: container + "/" + file)
        }
        tree.write(
            "var/lib/containers/storage/overlay-containers/containers.json",
            #"[{"id":"\#(Self.idA)","names":["web-logger"],"image":"x"},{"id":"\#(Self.idB)","names":["gone"]}]"#)
        let workloads = try sample(tree).workloads
        XCTAssertEqual(
            workloads.map(\.cgroup), [container], "one container: conmon and libpod_parent itself are not workloads")
        let podman = try XCTUnwrap(workloads.first)
        XCTAssertEqual(podman.kind, .container)
        XCTAssertEqual(podman.runtime, "podman")
        XCTAssertEqual(podman.name, "web-logger")
        let stat = FixturePaths.statFile(capture + "/memory.stat")
        XCTAssertEqual(podman.counters.usageBytes, FixturePaths.number(capture + "/memory.usage_in_bytes"))
        XCTAssertEqual(podman.counters.stat.activeFileBytes, stat["total_active_file"])
        XCTAssertEqual(podman.counters.stat.inactiveFileBytes, stat["total_inactive_file"])
    }

    /// podman's systemd manager on v2: `machine.slice/libpod-<id>.scope`, `libpod-conmon-<id>.scope` skipped;
    /// the scope's files are the real v2 capture.
    func testPodmanSystemdLayoutV2FromRealCapture() throws {
        let tree = TempTree()
        tree.write("cgroup.controllers", "cpuset cpu io memory pids\n")
        tree.copy(from: FixturePaths.v2Real + "/memory.stat", to: "memory.stat")
        let scope = "machine.slice/libpod-\(Self.idB).scope"
        for directory in [scope, "machine.slice/libpod-conmon-\(Self.idB).scope"] {
            for file in ["memory.current", "memory.stat", "memory.max", "memory.events", "memory.pressure"] {
                tree.copy(from: FixturePaths.v2Real + "/" + file, to: directory + "/" + file)
            }
        }
        tree.write(
            "var/lib/containers/storage/overlay-containers/containers.json",
            #"[{"id":"\#(Self.idB)","names":["db-1"]}]"#)
        let workloads = try sample(tree).workloads
        XCTAssertEqual(workloads.map(\.cgroup), [scope])
        XCTAssertEqual(workloads.first?.runtime, "podman")
        XCTAssertEqual(workloads.first?.kind, .container)
        XCTAssertEqual(workloads.first?.name, "db-1")
        XCTAssertEqual(
            workloads.first?.counters.usageBytes, FixturePaths.number(FixturePaths.v2Real + "/memory.current"))
        XCTAssertEqual(
            workloads.first?.counters.stat.inactiveFileBytes,
            FixturePaths.statFile(FixturePaths.v2Real + "/memory.stat")["inactive_file"])
    }

    /// Runtime state is written by other programs: names that are not docker/podman names, a containers.json over
    /// the bound, a FIFO where a config should be, invalid JSON — each gives the short ID (and one warning for
    /// podman's list), never a hang, a crash or an escape sequence in a name.
    func testHostileRuntimeStateFallsBackToShortIDs() throws {
        let tree = TempTree()
        tree.v1Cgroup("", usage: 1 << 20, stat: Self.stat1)
        tree.v1Cgroup("docker/\(Self.idA)", usage: 8192, stat: Self.stat1)
        tree.v1Cgroup("docker/\(Self.idC)", usage: 8192, stat: Self.stat1)
        tree.v1Cgroup("libpod_parent/libpod-\(Self.idB)", usage: 8192, stat: Self.stat1)
        tree.write("var/lib/docker/containers/\(Self.idA)/config.v2.json", #"{"Name":"/evil\u001b[2Jname"}"#)
        tree.mkdir("var/lib/docker/containers/\(Self.idC)")
        XCTAssertEqual(mkfifo(tree.path + "/var/lib/docker/containers/\(Self.idC)/config.v2.json", 0o600), 0)
        let list = tree.path + "/var/lib/containers/storage/overlay-containers/containers.json"
        tree.write("var/lib/containers/storage/overlay-containers/containers.json", "")
        XCTAssertEqual(truncate(list, off_t(RuntimeNameIndex.podmanContainersMaxBytes + 1)), 0)

        var names = try Dictionary(uniqueKeysWithValues: sample(tree).workloads.map { ($0.cgroup, $0.name) })
        XCTAssertEqual(
            names["docker/\(Self.idA)"], String(Self.idA.prefix(12)), "a name with an escape sequence is not used")
        XCTAssertEqual(
            names["docker/\(Self.idC)"], String(Self.idC.prefix(12)), "a FIFO is not read (and does not block)")
        XCTAssertEqual(names["libpod_parent/libpod-\(Self.idB)"], String(Self.idB.prefix(12)))
        let warnings = try sample(tree).warnings
        XCTAssertEqual(
            warnings.filter { $0.contains("containers.json") && $0.contains("over 16 MiB") }.count, 1, "\(warnings)")

        tree.write("var/lib/containers/storage/overlay-containers/containers.json", #"{"not":"a list"}"#)
        XCTAssertEqual(try sample(tree).warnings.filter { $0.contains("invalid JSON") }.count, 1)
        tree.write(
            "var/lib/containers/storage/overlay-containers/containers.json",
            #"[{"id":"\#(Self.idB)","names":["db.1_x-2"]}]"#)
        names = try Dictionary(uniqueKeysWithValues: sample(tree).workloads.map { ($0.cgroup, $0.name) })
        XCTAssertEqual(names["libpod_parent/libpod-\(Self.idB)"], "db.1_x-2")
    }

    func testRuntimeNameValidation() {
        XCTAssertEqual(RuntimeNameIndex.validName("web-proxy_1.a"), "web-proxy_1.a")
        for bad in ["", "-x", ".x", "a b", "a/b", "a\u{1b}[0m", "é", String(repeating: "a", count: 254)] {
            XCTAssertNil(RuntimeNameIndex.validName(bad), bad)
        }
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
        XCTAssertEqual(
            sample.node.root.usageBytes, 4000, "the v2 root has no memory.current: anon + file, as runc does")
        XCTAssertEqual(sample.node.root.limit, .unlimited)
    }

    func testNamingRules() {
        XCTAssertEqual(CgroupNaming.pod("pod\(Self.uid)")?.uid, Self.uid)
        XCTAssertEqual(
            CgroupNaming.pod("kubepods-besteffort-pod\(Self.uid.replacing("-", with: "_")).slice")?.qos, .besteffort)
        XCTAssertNil(CgroupNaming.pod("podman.slice"))
        XCTAssertNil(CgroupNaming.pod("kubepods-burstable.slice"))
        XCTAssertEqual(CgroupNaming.container("docker-\(Self.idA).scope"), .container(id: Self.idA, runtime: "docker"))
        XCTAssertEqual(CgroupNaming.container(Self.idA), .container(id: Self.idA, runtime: nil))
        XCTAssertEqual(CgroupNaming.container("crio-conmon-\(Self.idA).scope"), .monitor)
        XCTAssertNil(CgroupNaming.container("init.scope"))
        XCTAssertEqual(
            PodNameIndex.parseContainerLink("my-pod_ns_side-car-\(Self.idA).log")?.name,
            .init(namespace: "ns", pod: "my-pod", container: "side-car"))
        XCTAssertNil(PodNameIndex.parseContainerLink("garbage.log"))
    }

    func testNamesRefreshWhenLogDirectoriesChange() throws {
        let tree = TempTree()
        tree.v1Cgroup("", usage: 1 << 20, stat: Self.stat1)
        tree.v1Cgroup("kubepods/burstable/pod\(Self.uid)", usage: 4096, stat: Self.stat1)
        let source = try CgroupSource.reading(tree.path, hostRoot: tree.path, logRoot: tree.path + "/var/log")
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
        let source = try CgroupSource.reading(tree.path, hostRoot: tree.path, logRoot: tree.path)
        XCTAssertEqual(source.sample(at: 1).workloads.first?.containers.map(\.id), [Self.idA])
        tree.v1Cgroup(pod + "/" + Self.idB, usage: 4096, stat: Self.stat1)
        XCTAssertEqual(Set(source.sample(at: 2).workloads.first?.containers.map(\.id) ?? []), [Self.idA, Self.idB])
        try FileManager.default.removeItem(atPath: tree.path + "/" + pod + "/" + Self.idA)
        tree.v1Cgroup(pod + "/" + Self.idC, usage: 4096, stat: Self.stat1)
        let restarted = source.sample(at: 3)
        XCTAssertEqual(Set(restarted.workloads.first?.containers.map(\.id) ?? []), [Self.idB, Self.idC])
        XCTAssertEqual(
            restarted.warnings.filter { !$0.contains("meminfo") }, [],
            "a container that ended before the poll is not a warning")
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
