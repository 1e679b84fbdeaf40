/// How one simulated container's memory moves with time (all sizes in MiB, rates in MiB/s).
enum DemoBehavior: Sendable {
    /// Anon flat; active page cache climbs (logs written and read back), and is demoted when near the limit.
    case logHeavy(anon: Double, startCache: Double, cacheRate: Double, cacheCeiling: Double)
    /// Anon climbs until `ceiling`, then the container is OOM-killed and restarts.
    case leak(anon: Double, rate: Double, ceiling: Double)
    /// Everything flat (with kernel jitter).
    case steady(anon: Double, shmem: Double, active: Double, inactive: Double)
    /// A job that wrote a large file once: big inactive cache, small flat working set.
    case coldCache(anon: Double, inactive: Double)
    /// An emptyDir with medium Memory being filled: shmem climbs.
    case tmpfsWriter(anon: Double, shmem: Double, rate: Double, ceiling: Double)
    /// Both anon and active cache climb at similar speed.
    case mixed(anon: Double, anonRate: Double, active: Double, activeRate: Double)
    /// Cache being dropped: active_file falls towards a floor.
    case draining(anon: Double, active: Double, rate: Double, floor: Double)

    /// Memory at `elapsed` seconds, and the restart epoch (a new epoch means a new container ID).
    func state(at elapsed: Double) -> (anon: Double, shmem: Double, active: Double, inactive: Double, epoch: Int) {
        switch self {
        case .logHeavy(let anon, let start, let rate, let ceiling):
            let period = (ceiling - start) / rate
            let phase = elapsed.truncatingRemainder(dividingBy: period)
            let cycles = (elapsed / period).rounded(.down)
            return (anon, 0, start + rate * phase, 40 + min(cycles, 1) * (ceiling - start) * 0.6, 0)
        case .leak(let anon, let rate, let ceiling):
            let period = (ceiling - anon) / rate
            return (anon + rate * elapsed.truncatingRemainder(dividingBy: period), 0, 12, 8, Int(elapsed / period))
        case .steady(let anon, let shmem, let active, let inactive):
            return (anon, shmem, active, inactive, 0)
        case .coldCache(let anon, let inactive):
            return (anon, 0, 4, inactive, 0)
        case .tmpfsWriter(let anon, let shmem, let rate, let ceiling):
            return (anon, min(ceiling, shmem + rate * elapsed), 6, 10, 0)
        case .mixed(let anon, let anonRate, let active, let activeRate):
            return (anon + anonRate * elapsed, 0, active + activeRate * elapsed, 64, 0)
        case .draining(let anon, let active, let rate, let floor):
            return (anon, 0, max(floor, active - rate * elapsed), 32, 0)
        }
    }
}
