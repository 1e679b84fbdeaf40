/// A made-up node for recordings too long to take in real time: `pods` pods of 2 containers whose values
/// follow simple lines in whole pages (one in three grows by cache, one in three by anon, the rest stay).
/// Names are built once; a poll only computes counters. Time 0 is Unix time 1 800 000 000.
/// Used by the tests and the replay benchmark.
public final class SyntheticNode: MemorySource {
    private var template: Sample

    public init(pods: Int) {
        let workloads = (0..<pods).map { index -> WorkloadSample in
            let containers = (0..<2).map { container in
                ContainerSample(
                    id: "c\(index)-\(container)", name: "app\(container)", sandbox: false,
                    cgroup: "kubepods/pod\(index)/c\(container)", inode: UInt64(1000 * index + container + 1),
                    runtime: "containerd",
                    counters: MemoryCounters())
            }
            return WorkloadSample(
                kind: .pod, uid: "uid-\(index)", namespace: "ns\(index % 5)", name: "pod-\(index)", qos: .burstable,
                cgroup: "kubepods/pod\(index)", inode: UInt64(1000 * index), containers: containers)
        }
        template = Sample(
            timestamp: 0, host: "synthetic", cgroupVersion: .v2, root: "/sys/fs/cgroup",
            node: NodeCounters(memTotalBytes: 64 << 30, root: MemoryCounters()), workloads: workloads, warnings: [])
    }

    public func sample(at timestamp: Double) -> Sample {
        let t = UInt64(max(0, timestamp - 1_800_000_000))
        template.timestamp = timestamp
        template.node.root = Self.counters(index: 0, t: t, share: 1)
        for index in template.workloads.indices {
            template.workloads[index].counters = Self.counters(index: index, t: t, share: 1)
            for container in template.workloads[index].containers.indices {
                template.workloads[index].containers[container].counters = Self.counters(index: index, t: t, share: 2)
            }
        }
        return template
    }

    private static func counters(index: Int, t: UInt64, share: UInt64) -> MemoryCounters {
        let page: UInt64 = 4096
        let cacheGrowth = index % 3 == 0 ? t / 10 : 0
        let anonGrowth = index % 3 == 1 ? t / 10 : 0
        var stat = MemoryStat()
        stat.rssBytes = (25_000 + anonGrowth) / share * page
        stat.activeFileBytes = (5_000 + cacheGrowth) / share * page
        stat.inactiveFileBytes = 2_000 / share * page
        stat.shmemBytes = 100 * page
        return MemoryCounters(
            usageBytes: stat.rssBytes! + stat.activeFileBytes! + stat.inactiveFileBytes!, stat: stat,
            limit: .bytes(4 << 30), pressure: MemoryPressure(someAvg10: 0, someAvg60: 0.12, fullAvg10: 0, fullAvg60: 0))
    }
}
