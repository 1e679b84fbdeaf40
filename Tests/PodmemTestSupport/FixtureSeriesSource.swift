import PodmemCore

/// Serves one capture directory per poll, as if the same tree had been read once a second.
/// The captures are separate directories on disk, so their inodes are zeroed to keep one series per cgroup.
public final class FixtureSeriesSource: MemorySource {
    public let sources: [MemorySource]
    private var next = 0

    public init(sources: [MemorySource]) {
        self.sources = sources
    }

    public func sample(at timestamp: Double) -> Sample {
        var sample = sources[min(next, sources.count - 1)].sample(at: timestamp)
        next += 1
        for index in sample.workloads.indices {
            sample.workloads[index].inode = 0
            for container in sample.workloads[index].containers.indices {
                sample.workloads[index].containers[container].inode = 0
            }
        }
        return sample
    }
}
