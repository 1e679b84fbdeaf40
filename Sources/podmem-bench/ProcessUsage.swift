import Glibc
import PodmemCore

/// Another running process's CPU time and memory, from /proc, as `top` and `ps` read them.
struct ProcessUsage {
    let pid: pid_t

    /// Resident memory from `/proc/<pid>/status`, in bytes.
    struct Memory: Codable {
        /// VmRSS: resident now.
        var residentBytes: UInt64
        /// VmHWM: the peak resident size over the process's life.
        var peakResidentBytes: UInt64
        /// RssAnon: heap and stacks, what the process allocated itself.
        var anonymousBytes: UInt64
        /// RssFile: mapped pages of the executable and shared libraries.
        var fileBytes: UInt64
    }

    /// The process name (`/proc/<pid>/comm`), nil once it has exited.
    var name: String? {
        read("comm").map { String($0.prefix { $0 != "\n" }) }
    }

    /// utime + stime from `/proc/<pid>/stat` in seconds, at clock-tick resolution (`sysconf(_SC_CLK_TCK)`, usually 10 ms).
    func cpuSeconds() throws -> Double {
        // The name in parentheses may hold spaces: fields are counted after its closing parenthesis.
        guard let stat = read("stat"), let close = stat.lastIndex(of: ")") else { throw exited() }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // utime and stime are fields 14 and 15 of stat(5); fields[0] here is field 3 (state).
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else {
            throw BenchError("/proc/\(pid)/stat: cannot parse utime and stime")
        }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func memory() throws -> Memory {
        guard let status = read("status") else { throw exited() }
        var kibibytes: [Substring: UInt64] = [:]
        for line in status.split(separator: "\n") {
            let parts = line.split(whereSeparator: { $0 == ":" || $0 == " " || $0 == "\t" })
            if parts.count >= 2, let value = UInt64(parts[1]) { kibibytes[parts[0]] = value }
        }
        func bytes(_ field: Substring) throws -> UInt64 {
            guard let value = kibibytes[field] else { throw BenchError("/proc/\(pid)/status lacks \(field)") }
            return value * 1024
        }
        return Memory(
            residentBytes: try bytes("VmRSS"), peakResidentBytes: try bytes("VmHWM"),
            anonymousBytes: try bytes("RssAnon"), fileBytes: try bytes("RssFile"))
    }

    private func read(_ file: String) -> String? {
        LocalFileSystem().readString("/proc/\(pid)/\(file)")
    }

    private func exited() -> BenchError {
        BenchError("process \(pid) has exited")
    }
}
