/// Pod and container names without an API server, from the directories kubelet writes logs to:
/// `<log-root>/pods/<namespace>_<pod>_<uid>/` and `<log-root>/containers/<pod>_<namespace>_<container>-<id>.log`.
/// Re-read only when either directory's modification time changes.
public struct PodNameIndex {
    public struct PodName: Sendable, Equatable {
        public var namespace: String
        public var name: String
    }

    public struct ContainerName: Sendable, Equatable {
        public var namespace: String
        public var pod: String
        public var container: String
    }

    let fileSystem: any CgroupFileSystem
    let podsDirectory: String
    let containersDirectory: String
    private var podsStamp: Int64?
    private var containersStamp: Int64?
    public private(set) var podsByUID: [String: PodName] = [:]
    /// Uids named by more than one pod directory with different namespaces or names (the directory names, sorted):
    /// neither is trusted, so such a pod is shown by its uid with a warning.
    public private(set) var conflictingDirectoriesByUID: [String: [String]] = [:]
    public private(set) var containersByID: [String: ContainerName] = [:]

    public init(fileSystem: any CgroupFileSystem, logRoot: String) {
        self.fileSystem = fileSystem
        podsDirectory = logRoot + "/pods"
        containersDirectory = logRoot + "/containers"
    }

    /// Re-reads whichever directory changed since the last call; returns a warning when one cannot be read.
    public mutating func refresh() -> String? {
        var warning: String?
        let podsTime = fileSystem.modificationTime(of: podsDirectory)
        if podsTime != podsStamp || podsTime == nil {
            podsStamp = podsTime
            podsByUID = [:]
            conflictingDirectoriesByUID = [:]
            switch fileSystem.entries(of: podsDirectory) {
            case .success(let entries):
                var directoriesByUID: [String: [String]] = [:]
                for entry in entries {
                    let parts = entry.name.split(separator: "_", omittingEmptySubsequences: false)
                    guard parts.count == 3 else { continue }
                    let uid = String(parts[2])
                    directoriesByUID[uid, default: []].append(entry.name)
                    podsByUID[uid] = PodName(namespace: String(parts[0]), name: String(parts[1]))
                }
                for (uid, directories) in directoriesByUID where directories.count > 1 {
                    podsByUID[uid] = nil
                    conflictingDirectoriesByUID[uid] = directories.sorted()
                }
            case .failure(.notFound): break
            case .failure(let error): warning = "\(podsDirectory): \(error.summary); pods shown by uid"
            }
        }
        let containersTime = fileSystem.modificationTime(of: containersDirectory)
        if containersTime != containersStamp || containersTime == nil {
            containersStamp = containersTime
            containersByID = [:]
            switch fileSystem.entries(of: containersDirectory) {
            case .success(let entries):
                for entry in entries {
                    if let parsed = Self.parseContainerLink(entry.name) { containersByID[parsed.id] = parsed.name }
                }
            case .failure(.notFound): break
            case .failure(let error):
                warning = warning ?? "\(containersDirectory): \(error.summary); container names unknown"
            }
        }
        return warning
    }

    /// `<pod>_<namespace>_<container>-<64 hex id>.log`.
    static func parseContainerLink(_ fileName: String) -> (id: String, name: ContainerName)? {
        guard fileName.hasSuffix(".log") else { return nil }
        let stem = fileName.dropLast(4)
        guard stem.utf8.count > 65 else { return nil }
        let id = String(stem.suffix(64))
        guard CgroupNaming.isContainerID(id), stem.dropLast(64).last == "-" else { return nil }
        let parts = stem.dropLast(65).split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        return (id, ContainerName(namespace: String(parts[1]), pod: String(parts[0]), container: String(parts[2])))
    }
}
