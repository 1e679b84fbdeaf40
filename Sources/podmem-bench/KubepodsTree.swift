import Foundation
import PodmemCore

/// A kubelet-shaped cgroup tree and its kubelet log directory (podmem's name source), generated on a
/// real filesystem from real kernel captures, so a poll makes the same syscalls and parses the same bytes as on a node.
/// The values do not change between polls.
struct KubepodsTree {
    let layout: TreeLayout
    let pods: Int
    let containersPerPod: Int
    let cgroupRoot: String
    let logRoot: String

    /// Cgroups podmem reads per poll: the root, every pod and every container (QoS parents are only listed).
    var cgroupCount: Int { 1 + pods * (1 + containersPerPod) }

    /// One pod in five guaranteed, three burstable, one besteffort: a plausible busy node.
    static func qos(ofPod pod: Int) -> QoSClass {
        switch pod % 5 {
        case 0: .guaranteed
        case 4: .besteffort
        default: .burstable
        }
    }

    /// Builds the tree under `directory`: `cgroup/`, `log/`, and `templates/` (the staged captures every cgroup links to).
    static func generate(layout: TreeLayout, pods: Int, containersPerPod: Int, fixtures: String, in directory: String)
        throws -> KubepodsTree
    {
        let tree = KubepodsTree(
            layout: layout, pods: pods, containersPerPod: containersPerPod,
            cgroupRoot: directory + "/cgroup", logRoot: directory + "/log")
        var staged = 0
        func stage(_ fixture: FixtureCgroup) throws -> CgroupTemplate {
            staged += 1
            return try fixture.stage(at: "\(directory)/templates/\(staged)")
        }
        switch layout {
        case .v1: try tree.writeV1(from: FixtureCgroup(fixtures + "/cgroup-v1-kubepods-lab/t0"), stage: stage)
        case .v2: try tree.writeV2(from: FixtureCgroup(fixtures + "/cgroup-v2-real-6x"), stage: stage)
        }
        try tree.writeLogs()
        return tree
    }

    /// The hierarchy as podmem detects it, checked against the layout the tree was generated in.
    func hierarchy() throws -> CgroupHierarchy {
        let hierarchy = try CgroupHierarchy.inspect(fileSystem: LocalFileSystem(), directory: cgroupRoot)
        guard hierarchy.version == layout.cgroupVersion else {
            throw BenchError("podmem detected cgroup \(hierarchy.version) in a generated \(layout.rawValue) tree")
        }
        return hierarchy
    }

    /// cgroupfs driver: `kubepods/pod<uid>/<id>` (guaranteed), `kubepods/{burstable,besteffort}/pod<uid>/<id>`;
    /// each pod and container gets the files of the captured pod of its QoS class and of that pod's containers.
    private func writeV1(from capture: FixtureCgroup, stage: (FixtureCgroup) throws -> CgroupTemplate) throws {
        let kubepods = try capture.child("kubepods")
        let root = FixtureCgroup(
            name: "root", files: capture.files + [("memory.failcnt", try kubepods.contents(of: "memory.failcnt"))])
        try stage(root).instantiate(at: cgroupRoot)
        try stage(kubepods).instantiate(at: cgroupRoot + "/kubepods")
        var pods: [QoSClass: (pod: CgroupTemplate, containers: [CgroupTemplate])] = [:]
        for qos in [QoSClass.guaranteed, .burstable, .besteffort] {
            var parent = kubepods
            if qos != .guaranteed {
                parent = try kubepods.child(qos.rawValue)
                try stage(parent).instantiate(at: cgroupRoot + "/kubepods/" + qos.rawValue)
            }
            let pod = try parent.firstPod()
            pods[qos] = (try stage(pod), try pod.children.map(stage))
        }
        for pod in 0..<self.pods {
            let qos = Self.qos(ofPod: pod)
            let parent = qos == .guaranteed ? "/kubepods" : "/kubepods/" + qos.rawValue
            let templates = pods[qos]!
            try writePod(
                pod, template: templates.pod, containerTemplates: templates.containers,
                at: cgroupRoot + parent + "/pod" + TreeIdentifiers.podUID(pod), containerName: { $0 })
        }
    }

    /// systemd driver: `kubepods.slice/[kubepods-<qos>.slice/]kubepods-[<qos>-]pod<uid_>.slice/cri-containerd-<id>.scope`;
    /// every cgroup gets the one captured v2 cgroup's files, except the root: only `cgroup.controllers` and `memory.stat`.
    private func writeV2(from capture: FixtureCgroup, stage: (FixtureCgroup) throws -> CgroupTemplate) throws {
        let root = FixtureCgroup(
            name: "root",
            files: [
                ("cgroup.controllers", Data("cpuset cpu io memory hugetlb pids rdma misc\n".utf8)),
                ("memory.stat", try capture.contents(of: "memory.stat")),
            ])
        try stage(root).instantiate(at: cgroupRoot)
        let cgroup = try stage(capture)
        try cgroup.instantiate(at: cgroupRoot + "/kubepods.slice")
        for qos in [QoSClass.burstable, .besteffort] {
            try cgroup.instantiate(at: cgroupRoot + "/kubepods.slice/kubepods-\(qos.rawValue).slice")
        }
        for pod in 0..<pods {
            let qos = Self.qos(ofPod: pod)
            let uid = TreeIdentifiers.podUID(pod).replacing("-", with: "_")
            let path =
                qos == .guaranteed
                ? "/kubepods.slice/kubepods-pod\(uid).slice"
                : "/kubepods.slice/kubepods-\(qos.rawValue).slice/kubepods-\(qos.rawValue)-pod\(uid).slice"
            try writePod(
                pod, template: cgroup, containerTemplates: [cgroup], at: cgroupRoot + path,
                containerName: { "cri-containerd-\($0).scope" })
        }
    }

    /// Every pod and container gets a usage of its own (a few pages more for each further one), so no two
    /// working sets are equal.
    private func writePod(
        _ pod: Int, template: CgroupTemplate, containerTemplates: [CgroupTemplate], at path: String,
        containerName: (String) -> String
    ) throws {
        try template.instantiate(at: path, extraUsagePages: 16 * (pod + 1))
        for container in 0..<containersPerPod {
            let id = TreeIdentifiers.containerID(pod: pod, container: container)
            try containerTemplates[container % containerTemplates.count]
                .instantiate(
                    at: path + "/" + containerName(id), extraUsagePages: 4 * (pod * containersPerPod + container + 1))
        }
    }

    /// kubelet's `pods/<namespace>_<pod>_<uid>/` and `containers/<pod>_<namespace>_<container>-<id>.log`;
    /// container 0 plays the sandbox (pause) container, which has no log.
    func writeLogs() throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: logRoot + "/containers", withIntermediateDirectories: true)
        for pod in 0..<pods {
            let podName = "pod-\(pod)"
            try manager.createDirectory(
                atPath: "\(logRoot)/pods/bench_\(podName)_\(TreeIdentifiers.podUID(pod))",
                withIntermediateDirectories: true)
            for container in 1..<containersPerPod {
                let id = TreeIdentifiers.containerID(pod: pod, container: container)
                guard
                    manager.createFile(
                        atPath: "\(logRoot)/containers/\(podName)_bench_c\(container)-\(id).log", contents: nil)
                else {
                    throw BenchError("\(logRoot)/containers: cannot create a log file")
                }
            }
        }
    }
}
