/// The demo node's answers to the cache-files engine's system calls: links of its simulated `/proc/<pid>/fd`, and
/// the identity and page cache figures of its simulated files, rewritten before every poll with the cgroup files.
final class DemoFileResidencyProbe: FileResidencyProbe {
    struct File {
        var identity: FileIdentity
        var residency: FileResidency
    }

    private(set) var links: [String: [UInt8]] = [:]
    /// By every path that reaches the file (`/proc/<pid>/fd/<n>`, `map_files`, a walked path).
    private(set) var files: [String: File] = [:]

    func replace(links: [String: [UInt8]], files: [String: File]) {
        self.links = links
        self.files = files
    }

    func readLink(_ path: String) -> Result<[UInt8], FileReadError> {
        links[path].map { .success($0) } ?? .failure(.notFound)
    }

    func identity(of path: String, followingLinks: Bool) -> Result<FileIdentity, FileReadError> {
        files[path].map { .success($0.identity) } ?? .failure(.notFound)
    }

    func residency(of path: String, expected: FileIdentity, followingLinks: Bool) -> Result<
        FileResidency, ResidencyProblem
    > {
        guard let file = files[path], file.identity.key == expected.key else { return .failure(.vanished) }
        return .success(file.residency)
    }
}
