import Foundation

/// A kubepods-like tree (cgroupfs driver layout) on a real, writable cgroup v1 memory hierarchy, with
/// kubelet's log directories as its name source and real processes in its container cgroups.
///
/// Safety rules, because this writes to the host's cgroupfs:
/// - one uniquely named tree root per instance, and only directories this instance created are removed;
/// - only processes this instance spawned are moved (never the test's own PID);
/// - every child reads a pipe from the test, so it exits on end of file even if the test dies;
/// - `tearDown()` kills the children, waits for them, then removes the cgroups deepest first and the scratch directory.
final class LiveCgroupTree {
    /// The kernel's figures for one cgroup, read independently of podmem's readers.
    struct KernelMemory {
        let usageBytes: UInt64
        let activeFileBytes: UInt64
        let inactiveFileBytes: UInt64

        /// cAdvisor's working set: `usage − total_inactive_file`.
        var workingSetBytes: UInt64 { usageBytes > inactiveFileBytes ? usageBytes - inactiveFileBytes : 0 }
        var workingSetNoCacheBytes: UInt64 {
            let cache = inactiveFileBytes + activeFileBytes
            return usageBytes > cache ? usageBytes - cache : 0
        }

        /// `memory.usage_in_bytes` and `memory.stat` of a v1 cgroup directory, parsed the simple way.
        static func read(directory: String) throws -> KernelMemory {
            let usage = try String(contentsOfFile: directory + "/memory.usage_in_bytes", encoding: .utf8)
            var stat: [Substring: UInt64] = [:]
            for line in try String(contentsOfFile: directory + "/memory.stat", encoding: .utf8).split(separator: "\n") {
                let parts = line.split(separator: " ")
                if parts.count == 2 { stat[parts[0]] = UInt64(parts[1]) }
            }
            guard let usageBytes = UInt64(usage.trimmingCharacters(in: .whitespacesAndNewlines)),
                let active = stat["total_active_file"], let inactive = stat["total_inactive_file"]
            else {
                throw Failure("\(directory): unreadable memory.usage_in_bytes or memory.stat")
            }
            return KernelMemory(usageBytes: usageBytes, activeFileBytes: active, inactiveFileBytes: inactive)
        }
    }

    /// A failure while building or driving the tree.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    struct Pod {
        let uid: String
        let namespace: String
        let name: String
        /// Relative to `root`, e.g. `kubepods/burstable/pod<uid>`.
        let cgroup: String
    }

    /// The tree root passed to podmem as `--root`: a v1 cgroup directory of its own.
    let root: String
    /// Disk-backed scratch directory (not tmpfs) for workload files and the log root.
    let scratch: String
    /// kubelet's `/var/log` stand-in: `pods/` and `containers/`.
    var logRoot: String { scratch + "/log" }
    private var createdCgroups: [String] = []
    /// PIDs of the workloads started with `startWorkload`, in order.
    private(set) var workloadPIDs: [Int32] = []
    /// Every process this tree spawned, with the write end of its stdin pipe.
    private var children: [(process: Process, input: FileHandle)] = []

    /// Nil when live tests can run here, else why not.
    static func unavailableReason(hierarchy: String) -> String? {
        if geteuid() != 0 { return "not running as root (euid \(geteuid())): cannot create cgroups or move processes" }
        guard FileManager.default.fileExists(atPath: hierarchy + "/memory.usage_in_bytes") else {
            return "\(hierarchy)/memory.usage_in_bytes is missing: no cgroup v1 memory hierarchy there"
        }
        if access(hierarchy, W_OK) != 0 { return "\(hierarchy) is not writable: \(String(cString: strerror(errno)))" }
        if diskScratchParent() == nil {
            return "no temp directory on a disk file system (tmpfs pages are shmem, not page cache)"
        }
        return nil
    }

    /// `label` goes into the tree's and the scratch directory's names, to tell whose they are.
    init(hierarchy: String, label: String = "live") throws {
        let token = UUID().uuidString.lowercased().prefix(8)
        root = hierarchy + "/podmem-\(label)-\(token)"
        guard let parent = Self.diskScratchParent() else { throw Failure("no disk-backed temp directory") }
        scratch = parent + "/podmem-\(label)-\(token)"
        try FileManager.default.createDirectory(atPath: logRoot, withIntermediateDirectories: true)
        try makeCgroup("")
    }

    /// A pod cgroup plus its `<log-root>/pods/<namespace>_<name>_<uid>` directory. Guaranteed pods sit directly
    /// under `kubepods/`, the others under their QoS directory, as with kubelet's cgroupfs driver.
    func addPod(namespace: String, name: String, qos: String, limitBytes: UInt64? = nil) throws -> Pod {
        let uid = UUID().uuidString.lowercased()
        let parent = qos == "guaranteed" ? "kubepods" : "kubepods/\(qos)"
        let pod = Pod(uid: uid, namespace: namespace, name: name, cgroup: "\(parent)/pod\(uid)")
        try makeCgroup(pod.cgroup)
        if let limitBytes { try writeFile("\(limitBytes)", to: path(pod.cgroup) + "/memory.limit_in_bytes") }
        try FileManager.default.createDirectory(
            atPath: logRoot + "/pods/\(namespace)_\(name)_\(uid)",
            withIntermediateDirectories: true)
        return pod
    }

    /// A container cgroup named by a fresh 64-hex ID. A named container also gets `<container>/0.log` and the
    /// absolute `containers/<pod>_<namespace>_<container>-<id>.log` symlink; a sandbox (nil name) gets no log, as with kubelet.
    /// Returns the cgroup path relative to `root`.
    func addContainer(_ name: String?, to pod: Pod) throws -> String {
        let id = (UUID().uuidString + UUID().uuidString).lowercased().replacingOccurrences(of: "-", with: "")
        let cgroup = pod.cgroup + "/" + id
        try makeCgroup(cgroup)
        if let name {
            let logDirectory = logRoot + "/pods/\(pod.namespace)_\(pod.name)_\(pod.uid)/\(name)"
            try FileManager.default.createDirectory(atPath: logDirectory, withIntermediateDirectories: true)
            try Data().write(to: URL(fileURLWithPath: logDirectory + "/0.log"))
            try FileManager.default.createDirectory(atPath: logRoot + "/containers", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                atPath: logRoot + "/containers/\(pod.name)_\(pod.namespace)_\(name)-\(id).log",
                withDestinationPath: logDirectory + "/0.log")
        }
        return cgroup
    }

    /// Runs a podmem-lab workload in `cgroup`: waits for its "ready <pid>", moves that PID, sends the go line,
    /// and returns once the workload reports its first allocation ("started").
    func startWorkload(_ executable: URL, _ arguments: [String], in cgroup: String) throws {
        let (process, input, output) = try spawn(executable, arguments)
        let ready = try Self.readLine(output, timeout: 10, from: process)
        guard ready == "ready \(process.processIdentifier)" else {
            throw Failure("\(arguments.joined(separator: " ")): expected 'ready <pid>', got '\(ready)'")
        }
        try move(process, to: cgroup)
        workloadPIDs.append(process.processIdentifier)
        try input.write(contentsOf: Data("go\n".utf8))
        let started = try Self.readLine(output, timeout: 10, from: process)
        guard started == "started" else {
            throw Failure("\(arguments.joined(separator: " ")): expected 'started', got '\(started)'")
        }
    }

    /// A pause-like process in `cgroup`: `cat` on a pipe from the test, so it dies with the test.
    func startPause(in cgroup: String) throws {
        let (process, _, _) = try spawn(URL(fileURLWithPath: "/bin/cat"), [])
        try move(process, to: cgroup)
    }

    func memory(of cgroup: String) throws -> KernelMemory {
        try KernelMemory.read(directory: path(cgroup))
    }

    /// A single-number v1 file of the cgroup, e.g. `memory.kmem.usage_in_bytes` or `memory.failcnt`.
    func value(_ file: String, of cgroup: String) throws -> UInt64 {
        let text = try String(contentsOfFile: path(cgroup) + "/" + file, encoding: .utf8)
        guard let value = UInt64(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure("\(path(cgroup))/\(file): not a number: \(text)")
        }
        return value
    }

    /// Always safe to call, also after a failure half-way through building the tree.
    func tearDown() {
        for (process, input) in children {
            try? input.close()
            if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        }
        for (process, _) in children {
            if !Self.wait(for: process, timeout: 5) {
                kill(process.processIdentifier, SIGKILL)
                _ = Self.wait(for: process, timeout: 5)
            }
        }
        children = []
        // Deepest first; rmdir can fail with EBUSY for a moment after the last task exits.
        for cgroup in createdCgroups.reversed() {
            let directory = path(cgroup)
            var attempts = 0
            while rmdir(directory) != 0, errno != ENOENT, attempts < 50 {
                attempts += 1
                usleep(100_000)
            }
            if attempts == 50 {
                print("LiveCgroupTree: could not remove \(directory): \(String(cString: strerror(errno)))")
            }
        }
        createdCgroups = []
        try? FileManager.default.removeItem(atPath: scratch)
    }

    deinit { tearDown() }

    // MARK: - Private

    private func path(_ cgroup: String) -> String { cgroup.isEmpty ? root : root + "/" + cgroup }

    /// Creates `cgroup` and any missing parents, remembering each one created for teardown.
    private func makeCgroup(_ cgroup: String) throws {
        let components = cgroup.split(separator: "/").map(String.init)
        for depth in (components.isEmpty ? 0 : 1)...components.count {
            let relative = components.prefix(depth).joined(separator: "/")
            guard !createdCgroups.contains(relative) else { continue }
            guard mkdir(path(relative), 0o755) == 0 else {
                throw Failure("mkdir \(path(relative)): \(String(cString: strerror(errno)))")
            }
            createdCgroups.append(relative)
        }
    }

    /// Starts a child with pipes on stdin and stdout; returns it with the pipes' ends the test uses.
    private func spawn(_ executable: URL, _ arguments: [String]) throws -> (
        Process, input: FileHandle, output: FileHandle
    ) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        children.append((process, input.fileHandleForWriting))
        return (process, input.fileHandleForWriting, output.fileHandleForReading)
    }

    /// Writes a spawned child's PID into `cgroup.procs`; refuses anything that is not our own live child.
    private func move(_ process: Process, to cgroup: String) throws {
        let pid = process.processIdentifier
        guard pid > 1, pid != getpid(), children.contains(where: { $0.process === process }), process.isRunning else {
            throw Failure("refusing to move pid \(pid): not a running child of this test")
        }
        try writeFile("\(pid)", to: path(cgroup) + "/cgroup.procs")
    }

    private func writeFile(_ text: String, to file: String) throws {
        let descriptor = open(file, O_WRONLY)
        guard descriptor >= 0 else { throw Failure("open \(file): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count else {
            throw Failure("write '\(text)' to \(file): \(String(cString: strerror(errno)))")
        }
    }

    /// One line from a child's stdout, or an error after `timeout` seconds or at end of file.
    private static func readLine(_ handle: FileHandle, timeout: Double, from process: Process) throws -> String {
        let deadline = Date(timeIntervalSinceNow: timeout)
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            var descriptor = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
            guard poll(&descriptor, 1, milliseconds) > 0 else {
                throw Failure("\(process.executableURL?.lastPathComponent ?? "child") said nothing within \(timeout) s")
            }
            guard read(handle.fileDescriptor, &byte, 1) == 1 else {
                throw Failure("\(process.executableURL?.lastPathComponent ?? "child") closed stdout (exited?)")
            }
            if byte == UInt8(ascii: "\n") { return String(decoding: line, as: UTF8.self) }
            line.append(byte)
        }
    }

    /// True when the process exited within `timeout` seconds.
    static func wait(for process: Process, timeout: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        return !process.isRunning
    }

    /// The first candidate temp directory whose file system keeps real page cache (not tmpfs or ramfs).
    private static func diskScratchParent() -> String? {
        let candidates = [NSTemporaryDirectory(), "/var/tmp"]
        return candidates.map { $0.hasSuffix("/") && $0.count > 1 ? String($0.dropLast()) : $0 }
            .first { path in fileSystemType(of: path).map { !["tmpfs", "ramfs"].contains($0) } ?? false }
    }

    /// The type of the file system `path` is on, from the longest matching mount point in /proc/self/mountinfo
    /// (Glibc in Swift does not expose statfs).
    private static func fileSystemType(of path: String) -> String? {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let mountInfo = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return nil }
        var best: (length: Int, type: String)?
        for line in mountInfo.split(separator: "\n") {
            let halves = line.components(separatedBy: " - ")
            let fields = halves[0].split(separator: " ")
            guard halves.count == 2, fields.count >= 5, let type = halves[1].split(separator: " ").first else {
                continue
            }
            let mountPoint = fields[4].replacingOccurrences(of: "\\040", with: " ")
            let matches = mountPoint == "/" || resolved == mountPoint || resolved.hasPrefix(mountPoint + "/")
            if matches, mountPoint.count >= best?.length ?? 0 { best = (mountPoint.count, String(type)) }
        }
        return best?.type
    }
}
