import Glibc

/// An `O_PATH` descriptor of one cgroup directory, held while discovery knows the cgroup: a poll then opens
/// `memory.stat` relative to it (`openat`) and stats it (`fstat`) without walking the full path each time, which
/// is most of an open's kernel cost on a deep kubepods tree. Closed when the last `CgroupFiles` holding it goes.
/// An `O_PATH` descriptor holds no file state (no seq_file buffer) and does not keep a removed cgroup alive.
public final class DirectoryHandle: Sendable {
    let descriptor: Int32

    /// Linux `O_PATH` (Glibc exports it only under `_GNU_SOURCE`); the same value on every Linux architecture but
    /// alpha, parisc and sparc.
    static let openPathOnly: Int32 = 0o10_000_000
    /// Descriptors podmem leaves free for everything else (reads, snapshots, sockets).
    static let reservedDescriptors: rlim_t = 1024
    /// The descriptor limit, raised once to the hard limit (as Go's runtime does): a 2000-pod node needs 6000.
    private static let descriptorLimit: rlim_t = {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { return raised.rlim_cur }
        }
        return limit.rlim_cur
    }()

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Nil when the directory cannot be opened or descriptors run short: the caller then uses full paths.
    static func open(_ path: String) -> DirectoryHandle? {
        let limit = descriptorLimit
        let descriptor = path.withCString { Glibc.open($0, openPathOnly | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0 else { return nil }
        guard limit == rlim_t.max || rlim_t(descriptor) + reservedDescriptors < limit else {
            close(descriptor)
            return nil
        }
        return DirectoryHandle(descriptor: descriptor)
    }

    deinit {
        close(descriptor)
    }
}
