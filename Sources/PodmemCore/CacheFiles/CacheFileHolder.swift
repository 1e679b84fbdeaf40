/// A process that has a file open or mapped, and the container it runs in (nil: the pod's own cgroup).
public struct CacheFileHolder: Sendable, Hashable, Codable {
    public var container: String?
    public var pid: Int32
    /// `/proc/<pid>/comm`: up to 15 bytes the process chose, so never trusted as terminal text.
    public var comm: String

    public init(container: String?, pid: Int32, comm: String) {
        self.container = container
        self.pid = pid
        self.comm = comm
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(container, forKey: .container)
        try c.encode(pid, forKey: .pid)
        try c.encode(comm, forKey: .comm)
    }
}
