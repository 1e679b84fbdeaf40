import FoundationEssentials

/// Names of docker and podman containers outside Kubernetes, from the runtimes' own state on disk
/// (`var/lib/docker/containers/<id>/config.v2.json`, podman's `containers.json`). Looked up once per container.
public struct RuntimeNameIndex {
    let fileSystem: any CgroupFileSystem
    let hostRoot: String
    private var cache: [String: String?] = [:]
    private var podmanStamp: Int64?
    private var podmanNames: [String: String] = [:]

    public init(fileSystem: any CgroupFileSystem, hostRoot: String) {
        self.fileSystem = fileSystem
        self.hostRoot = hostRoot.hasSuffix("/") ? String(hostRoot.dropLast()) : hostRoot
    }

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
    private struct DockerConfig: Decodable { let Name: String }
    private struct PodmanContainer: Decodable {
        let id: String
        let names: [String]?
    }

    private func dockerName(_ id: String) -> String? {
        guard let text = fileSystem.readString(hostRoot + "/var/lib/docker/containers/\(id)/config.v2.json"),
              let name = try? JSONDecoder().decode(DockerConfig.self, from: Data(text.utf8)).Name else { return nil }
        return name.hasPrefix("/") ? String(name.dropFirst()) : name
    }

    private mutating func refreshPodman() {
        let path = hostRoot + "/var/lib/containers/storage/overlay-containers/containers.json"
        let stamp = fileSystem.modificationTime(of: path)
        guard stamp != podmanStamp else { return }
        podmanStamp = stamp
        podmanNames = [:]
        guard let text = fileSystem.readString(path),
              let list = try? JSONDecoder().decode([PodmanContainer].self, from: Data(text.utf8)) else { return }
        for entry in list {
            if let name = entry.names?.first { podmanNames[entry.id] = name }
        }
    }
}
