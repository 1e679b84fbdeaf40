import Glibc

/// The peer an SRE already has: `systemd-cgtop -b` walking the same real cgroup tree to the same depth, timed by its
/// CPU time (children's utime + stime). One iteration's cost is the difference between a run of `iterations + 1`
/// and a run of 1, so its start-up (reading every hierarchy's root, setting up output) is left out as podmem's is.
enum SystemdCgtop {
    static let executable = "/usr/bin/systemd-cgtop"

    static var isInstalled: Bool { access(executable, X_OK) == 0 }

    /// CPU microseconds per refresh of `cgroupPath` (a path inside the hierarchies) down to `depth` levels.
    static func cpuMicrosecondsPerIteration(cgroupPath: String, depth: Int, iterations: Int) throws -> Double {
        let many = try cpuMicroseconds(cgroupPath: cgroupPath, depth: depth, count: iterations + 1)
        let one = try cpuMicroseconds(cgroupPath: cgroupPath, depth: depth, count: 1)
        return max(0, many - one) / Double(iterations)
    }

    private static func cpuMicroseconds(cgroupPath: String, depth: Int, count: Int) throws -> Double {
        let before = childrenCPUMicroseconds()
        let run = ChildProcess.run(
            executable, ["-b", "-r", "-n", "\(count)", "-d", "0.01", "--depth=\(depth)", cgroupPath])
        guard run.status == 0 else {
            throw BenchError("systemd-cgtop failed (\(run.status)): \(run.output.prefix(200))")
        }
        return childrenCPUMicroseconds() - before
    }

    private static func childrenCPUMicroseconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e6
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
    }
}
