/// The full paths of one cgroup's memory files, built once when the cgroup is discovered
/// so a poll only opens, reads and closes.
public struct CgroupFiles: Sendable, Equatable {
    /// Path relative to the hierarchy root ("." for the root itself), used in warnings and output.
    public let relativePath: String
    let usage: String
    let stat: String
    let limit: String
    /// v1 `memory.failcnt` or v2 `memory.events`.
    let eventCounter: String
    /// v2 only.
    let pressure: String?
    /// The v2 root has no `memory.current`; runc (and so cAdvisor and kubelet) then use `anon + file`.
    let usageFromStatWhenMissing: Bool

    public init(root: String, relativePath: String, version: CgroupVersion) {
        self.relativePath = relativePath
        let directory = relativePath == "." ? root : root + "/" + relativePath
        switch version {
        case .v1:
            usage = directory + "/memory.usage_in_bytes"
            limit = directory + "/memory.limit_in_bytes"
            eventCounter = directory + "/memory.failcnt"
            pressure = nil
        case .v2:
            usage = directory + "/memory.current"
            limit = directory + "/memory.max"
            eventCounter = directory + "/memory.events"
            pressure = directory + "/memory.pressure"
        }
        stat = directory + "/memory.stat"
        usageFromStatWhenMissing = version == .v2 && relativePath == "."
    }
}
