/// Renders simulated memory figures as the cgroup v2 files a 6.x kernel writes.
enum DemoCgroupFiles {
    struct Totals {
        var anon = 0.0
        var shmem = 0.0
        var active = 0.0
        var inactive = 0.0
        var jitterSeed: UInt64 = 0

        init() {}

        init(anon: Double, shmem: Double, active: Double, inactive: Double, jitterSeed: UInt64) {
            self.anon = anon
            self.shmem = shmem
            self.active = active
            self.inactive = inactive
            self.jitterSeed = jitterSeed
        }

        mutating func add(_ other: Totals) {
            anon += other.anon
            shmem += other.shmem
            active += other.active
            inactive += other.inactive
        }
    }

    /// Writes memory.current/stat/max/events/pressure for one cgroup. Values are page-aligned bytes;
    /// a few pages of deterministic jitter stand in for the kernel's batching.
    static func write(
        _ totals: Totals, limitMiB: Double?, to directory: String, files: inout [String: String],
        ooms: Int = 0, isRoot: Bool = false
    ) {
        let mib = DemoNode.mebibyte
        let jitter = Double(DemoIdentifiers.mix(totals.jitterSeed) % 64) * 4096
        let anon = pages(totals.anon * mib + jitter)
        let shmem = pages(totals.shmem * mib)
        let active = pages(totals.active * mib)
        let inactive = pages(totals.inactive * mib)
        let kernel = pages((totals.anon + totals.active + totals.inactive) * mib * 0.02 + 256 * 1024)
        let file = active + inactive + shmem
        var stat =
            "anon \(anon)\nfile \(file)\nkernel \(kernel)\nkernel_stack \(kernel / 8)\npagetables \(kernel / 4)\n"
        stat += "sock 0\nshmem \(shmem)\nfile_mapped \(active / 3)\nfile_dirty \(pages(Double(active) * 0.01))\n"
        stat += "inactive_anon \(pages(Double(anon) * 0.7) + shmem)\nactive_anon \(pages(Double(anon) * 0.3))\n"
        stat += "inactive_file \(inactive)\nactive_file \(active)\nunevictable 0\n"
        stat += "workingset_refault_file \(UInt64(totals.inactive * 3))\npgscan \(UInt64(totals.inactive * 5))\n"
        stat += "pgsteal \(UInt64(totals.inactive * 4))\npgmajfault \(UInt64(totals.active / 10))\n"
        files[directory + "/memory.stat"] = stat
        files[directory + "/memory.pressure"] =
            "some avg10=0.00 avg60=0.00 avg300=0.00 total=0\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n"
        guard !isRoot else { return }  // the v2 root has no memory.current / memory.max / memory.events
        files[directory + "/memory.current"] = "\(anon + file + kernel)\n"
        files[directory + "/memory.max"] = limitMiB.map { "\(pages($0 * mib))\n" } ?? "max\n"
        files[directory + "/memory.events"] =
            "low 0\nhigh 0\nmax \(ooms * 40)\noom \(ooms)\noom_kill \(ooms)\noom_group_kill 0\n"
    }

    static func pages(_ bytes: Double) -> UInt64 { UInt64(max(0, bytes) / 4096) * 4096 }
}
