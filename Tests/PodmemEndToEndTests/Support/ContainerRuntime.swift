import Foundation

/// A real container runtime's CLI (Debian's `docker.io` or `podman`) as the runtime tests drive it. Remembers every
/// container and image it made, so `removeEverything()` (always called, also after a failure) leaves nothing behind.
final class ContainerRuntime {
    /// `docker` or `podman`: also what podmem reports as the workload's `runtime`.
    let name: String
    let cli: String
    /// Options before the subcommand.
    let globalOptions: [String]
    /// Options every `run` needs on this machine.
    let runOptions: [String]
    /// IDs or names.
    private var containerIDs: [String] = []
    private var images: [String] = []

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Debian's docker CLI by full path: another `docker` earlier on `PATH` may be a different client.
    static func docker() -> ContainerRuntime? {
        let cli = "/usr/bin/docker"
        guard FileManager.default.isExecutableFile(atPath: cli) else { return nil }
        return ContainerRuntime(name: "docker", cli: cli, globalOptions: [], runOptions: [])
    }

    /// podman with runc where installed: Debian 12's crun (1.8) refuses hybrid cgroup hosts ("cgroups in hybrid
    /// mode not supported"). Root without CAP_SYS_RESOURCE cannot raise limits above its own hard limits, which
    /// podman's defaults do: the container gets the test's own hard `nofile` and a 32768 `nproc`.
    static func podman() -> ContainerRuntime? {
        let cli = "/usr/bin/podman"
        guard FileManager.default.isExecutableFile(atPath: cli) else { return nil }
        let runc = ["/usr/sbin/runc", "/usr/bin/runc"].first { FileManager.default.isExecutableFile(atPath: $0) }
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        let nofile = limit.rlim_max == rlim_t.max ? 1_048_576 : limit.rlim_max
        return ContainerRuntime(
            name: "podman", cli: cli, globalOptions: runc.map { ["--runtime", $0] } ?? [],
            runOptions: ["--ulimit", "nofile=\(nofile):\(nofile)", "--ulimit", "nproc=32768:32768"])
    }

    private init(name: String, cli: String, globalOptions: [String], runOptions: [String]) {
        self.name = name
        self.cli = cli
        self.globalOptions = globalOptions
        self.runOptions = runOptions
    }

    /// Runs the CLI; throws with its stderr unless it exits 0.
    @discardableResult
    func run(_ arguments: [String], timeout: Double = 120) throws -> CommandRun {
        let result = try SpawnedProcess.run(cli, globalOptions + arguments, timeout: timeout)
        guard result.status == 0 else {
            throw Failure(
                description: "\(name) \(arguments.prefix(3).joined(separator: " ")) … exited \(result.status): "
                    + result.stderr.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return result
    }

    /// `import` of a root file system tarball as image `tag`.
    func importImage(_ tarball: String, tag: String) throws {
        images.append(tag)
        try run(["import", tarball, tag])
    }

    /// `build` of a Dockerfile in `context` as image `tag`.
    func buildImage(context: String, dockerfile: String, tag: String) throws {
        images.append(tag)
        try run(["build", "--network", "none", "-f", dockerfile, "-t", tag, context], timeout: 300)
    }

    /// `run -d` with `options` (after this runtime's own); returns the container's 64-hex ID.
    func start(name containerName: String, image: String, options: [String], command: [String]) throws -> String {
        let result = try run(["run", "-d", "--name", containerName] + runOptions + options + [image] + command)
        let id = result.stdout.split(separator: "\n").last.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        guard id.utf8.count == 64,
            id.utf8.allSatisfy({
                ("0"..."9").contains(Character(UnicodeScalar($0))) || ("a"..."f").contains(Character(UnicodeScalar($0)))
            })
        else {
            throw Failure(description: "\(name) run printed no container ID: \(result.stdout) \(result.stderr)")
        }
        containerIDs.append(id)
        return id
    }

    /// `run --rm` in the foreground; the name is remembered so a run killed at its timeout is removed too.
    func runOnce(name containerName: String, image: String, options: [String], command: [String], timeout: Double = 120)
        throws -> CommandRun
    {
        containerIDs.append(containerName)
        return try run(
            ["run", "--rm", "--name", containerName] + runOptions + options + [image] + command, timeout: timeout)
    }

    /// The container's memory cgroup relative to the v1 memory hierarchy, from its init process's `/proc/<pid>/cgroup`:
    /// where the runtime really put it (`docker/<id>`, `libpod_parent/libpod-<id>`, or a systemd scope).
    func memoryCgroup(of id: String) throws -> String {
        let pid = try run(["inspect", "-f", "{{.State.Pid}}", id]).stdout.trimmingCharacters(
            in: .whitespacesAndNewlines)
        let table = try String(contentsOfFile: "/proc/\(pid)/cgroup", encoding: .utf8)
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: ":", maxSplits: 2)
            if fields.count == 3, fields[1].split(separator: ",").contains("memory") {
                return String(fields[2].drop { $0 == "/" })
            }
        }
        throw Failure(description: "\(name) container \(id) (pid \(pid)) has no memory cgroup: \(table)")
    }

    /// The container's output so far, for failure messages.
    func logs(_ id: String) -> String {
        guard let result = try? SpawnedProcess.run(cli, globalOptions + ["logs", id], timeout: 30) else { return "" }
        return (result.stdout + result.stderr).suffix(2000).description
    }

    /// Removes every container and image this instance made; safe to call more than once.
    func removeEverything() {
        // `-t 0`: podman's `rm -f` would first wait 10 s for a shell as PID 1 to honour SIGTERM (it does not);
        // `--ignore`: a `run --rm` container already gone must not stop podman removing the others.
        let remove = name == "podman" ? ["rm", "-f", "-t", "0", "--ignore"] : ["rm", "-f"]
        if !containerIDs.isEmpty {
            _ = try? SpawnedProcess.run(cli, globalOptions + remove + containerIDs, timeout: 120)
        }
        containerIDs = []
        if !images.isEmpty { _ = try? SpawnedProcess.run(cli, globalOptions + ["rmi", "-f"] + images, timeout: 120) }
        images = []
    }
}
