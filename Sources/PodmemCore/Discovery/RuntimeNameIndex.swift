import FoundationEssentials

/// Names of docker and podman containers outside Kubernetes, from the runtimes' own state on disk
/// (`var/lib/docker/containers/<id>/config.v2.json`, podman's `containers.json`). Looked up once per container.
/// Both files are written by other programs and read as root: reads are bounded, names validated.
public struct RuntimeNameIndex {
    let fileSystem: any CgroupFileSystem
    let hostRoot: String
    private var cache: [String: String?] = [:]
    private var podmanStamp: Int64?
    private var podmanNames: [String: String] = [:]
    /// Why podman's names are unknown (file too large, not JSON), until the file changes; nil when fine or absent.
    public private(set) var podmanProblem: String?

    /// docker's per-container config is a few KiB (its largest part, the environment, rarely tens).
    static let dockerConfigMaxBytes = 1 << 20
    /// podman's one file for every container: about 1 KiB per container, so room for ~16 000.
    static let podmanContainersMaxBytes = 16 << 20
    /// docker and podman both allow `[a-zA-Z0-9][a-zA-Z0-9_.-]*`; anything else is not a name they wrote.
    static let nameMaxBytes = 253

    public init(fileSystem: any CgroupFileSystem, hostRoot: String) {
        self.fileSystem = fileSystem
        self.hostRoot = hostRoot.hasSuffix("/") ? String(hostRoot.dropLast()) : hostRoot
    }

    var podmanContainersPath: String { hostRoot + "/var/lib/containers/storage/overlay-containers/containers.json" }

    public mutating func name(id: String, runtime: String?) -> String? {
        switch runtime {
        case "docker":
            if let cached = cache[id] { return cached }
            let name = dockerName(id)
            cache[id] = name
            return name
        case "podman":
            refreshPodman()
            return podmanNames[id]
        default:
            return nil
        }
    }

    /// The fields read from docker's `config.v2.json` and podman's `containers.json`.
    private struct DockerConfig: Decodable {
        let name: String
        enum CodingKeys: String, CodingKey { case name = "Name" }
    }
    private struct PodmanContainer: Decodable {
        let id: String
        let names: [String]?
    }

    private func dockerName(_ id: String) -> String? {
        guard CgroupNaming.isContainerID(id),
            let bytes = fileSystem.readRegularFile(
                hostRoot + "/var/lib/docker/containers/\(id)/config.v2.json",
                maxBytes: Self.dockerConfigMaxBytes),
            let name = try? JSONDecoder().decode(DockerConfig.self, from: Data(bytes)).name
        else { return nil }
        return Self.validName(name.hasPrefix("/") ? String(name.dropFirst()) : name)
    }

    /// Re-read only when the file's modification time changes (podman rewrites it on every create and remove).
    private mutating func refreshPodman() {
        let path = podmanContainersPath
        let stamp = fileSystem.modificationTime(of: path)
        guard stamp != podmanStamp else { return }
        podmanStamp = stamp
        podmanNames = [:]
        podmanProblem = nil
        guard stamp != nil else { return }
        guard let bytes = fileSystem.readRegularFile(path, maxBytes: Self.podmanContainersMaxBytes) else {
            podmanProblem =
                "\(path): unreadable, not a regular file or over \(Self.podmanContainersMaxBytes >> 20) MiB; podman containers shown by short ID"
            return
        }
        guard let list = try? JSONDecoder().decode([PodmanContainer].self, from: Data(bytes)) else {
            podmanProblem = "\(path): not podman's container list (invalid JSON); podman containers shown by short ID"
            return
        }
        for entry in list where CgroupNaming.isContainerID(entry.id) {
            if let name = entry.names?.first.flatMap(Self.validName) { podmanNames[entry.id] = name }
        }
    }

    static func validName(_ name: String) -> String? {
        let bytes = name.utf8
        guard let first = bytes.first, bytes.count <= nameMaxBytes, isAlphanumeric(first),
            bytes.allSatisfy({
                isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
            })
        else { return nil }
        return name
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
