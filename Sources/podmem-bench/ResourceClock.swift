import Glibc

/// This process's CPU time, wall time and peak RSS, from the same `getrusage(RUSAGE_SELF)` the floor uses.
/// RUSAGE_SELF excludes children, so the floor subprocess never counts against podmem.
enum ResourceClock {
    /// User + system CPU time in microseconds.
    static func cpuMicroseconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let seconds = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        return seconds * 1e6 + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
    }

    /// Monotonic wall time in microseconds.
    static func wallMicroseconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) * 1e6 + Double(now.tv_nsec) / 1e3
    }

    /// `ru_maxrss` (KiB on Linux) in bytes.
    static func peakResidentBytes() -> UInt64 {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return UInt64(usage.ru_maxrss) * 1024
    }
}
