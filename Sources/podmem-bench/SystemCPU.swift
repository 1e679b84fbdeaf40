import Glibc
import PodmemCore

/// The whole machine's busy CPU time, from the first line of `/proc/stat`: a live round reports what other
/// processes used meanwhile, so a run disturbed by other work shows as such.
enum SystemCPU {
    /// user + nice + system + irq + softirq + steal over all CPUs, in seconds (clock-tick resolution).
    static func busySeconds() throws -> Double {
        guard let text = LocalFileSystem().readString("/proc/stat"), text.hasPrefix("cpu ") else {
            throw BenchError("/proc/stat: cannot read")
        }
        let fields = text.prefix { $0 != "\n" }.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard fields.count >= 8 else { throw BenchError("/proc/stat: cannot parse the cpu line") }
        // user nice system idle iowait irq softirq steal: idle and iowait are not busy.
        let busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7]
        return busy / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
