/// Reads one cgroup's memory files into `MemoryCounters`, reusing one byte buffer for every file.
/// Problems become warning lines; what could be read is still returned.
///
/// Usage and `memory.stat` are read every poll. The limit, v1 `memory.failcnt` and `memory.kmem.usage_in_bytes`,
/// v2 `memory.events` and PSI (itself a 10 s average) are read when a cgroup is first seen and then once every `slowFilesSeconds`, each cgroup at its
/// own phase: half the opens of a poll, for values that change on resizes and rare events.
public struct CgroupCounterReader {
    public static let slowFilesSeconds = 10.0
    public enum Outcome: Sendable, Equatable {
        case counters(MemoryCounters)
        /// Every file is gone: the cgroup was removed between discovery and reading.
        case vanished
    }

    let fileSystem: any CgroupFileSystem
    public let version: CgroupVersion
    private var buffer = [UInt8](repeating: 0, count: 16 * 1024)
    private var slots: [UInt64?] = Array(repeating: nil, count: 16)
    /// The poll's time, set by `beginPoll`.
    private var now = 0.0
    /// The slow files' last values per cgroup (by relative path), and when they are due again.
    private var slowValues: [String: SlowValues] = [:]
    private var polls = 0
    /// Whether kmem accounting is a kernel-wide setting: once a cgroup that exists lacks `memory.kmem.usage_in_bytes`,
    /// no cgroup has it, and the opens are not tried again.
    private var kernelUsageAbsent = false

    struct SlowValues {
        var limit: MemoryLimit?
        var failCount: UInt64?
        var events: MemoryEvents?
        var pressure: MemoryPressure?
        var kernelUsage: UInt64?
        var due: Double
        var seen: Double
    }

    public init(fileSystem: any CgroupFileSystem, version: CgroupVersion) {
        self.fileSystem = fileSystem
        self.version = version
    }

    /// Starts a poll at `timestamp` (Unix seconds); now and then forgets cgroups not seen for a minute.
    public mutating func beginPoll(at timestamp: Double) {
        now = timestamp
        polls += 1
        if polls % 100 == 0 { slowValues = slowValues.filter { $0.value.seen >= timestamp - 60 } }
    }

    public mutating func read(_ files: CgroupFiles, warnings: inout [String]) -> Outcome {
        var counters = MemoryCounters()
        let statResult = read(files, files.stat)
        switch statResult {
        case .success(let count):
            let parser = version == .v1 ? MemoryStat.v1Parser : MemoryStat.v2Parser
            if let bad = parser.parse(buffer, count: count, into: &slots) {
                warnings.append("\(files.label(files.stat)): line \(bad.line): \(bad.problem.summary)")
            }
            counters.stat = MemoryStat(slots: slots)
            if count > 0 {
                let missing = zip(MemoryStat.slots, slots).filter { $0.0.required && $0.1 == nil }
                    .compactMap { version == .v1 ? $0.0.v1.first : $0.0.v2.first }
                if !missing.isEmpty {
                    warnings.append("\(files.label(files.stat)): lacks \(missing.joined(separator: ", "))")
                }
            } else {
                warnings.append("\(files.label(files.stat)): \(ValueProblem.empty.summary)")
            }
        case .failure(let error):
            if error == .notFound || error == .vanished, files.relativePath != ".", isGone(files) { return .vanished }
            warnings.append("\(files.label(files.stat)): \(error.summary)")
        }

        switch read(files, files.usage) {
        case .success(let count):
            switch ByteParsing.singleValue(buffer, count: count) {
            case .success(let value): counters.usageBytes = value
            case .failure(let problem): warnings.append("\(files.label(files.usage)): \(problem.summary)")
            }
        case .failure(.notFound) where files.usageFromStatWhenMissing:
            if let anon = counters.stat.rssBytes, let file = counters.stat.fileBytes {
                counters.usageBytes = anon + file
            }
        case .failure(let error):
            warnings.append("\(files.label(files.usage)): \(error.summary)")
        }

        let known = slowValues.index(forKey: files.relativePath)
        if let index = known, slowValues.values[index].due > now {
            let cached = slowValues.values[index]
            (counters.limit, counters.failCount, counters.events, counters.pressure) = (
                cached.limit, cached.failCount, cached.events, cached.pressure
            )
            counters.kernelUsageBytes = cached.kernelUsage
            slowValues.values[index].seen = now
            return .counters(counters)
        }
        readSlowFiles(files, into: &counters, warnings: &warnings)
        // A cgroup seen for the first time gets a phase of its own within the period (from its path), so a node's
        // cgroups do not all fall due on the same poll.
        let phase =
            known == nil
            ? Double(UInt(bitPattern: files.relativePath.hashValue) % 1000) / 1000 * Self.slowFilesSeconds : 0
        slowValues[files.relativePath] = SlowValues(
            limit: counters.limit, failCount: counters.failCount, events: counters.events,
            pressure: counters.pressure, kernelUsage: counters.kernelUsageBytes,
            due: now + Self.slowFilesSeconds - phase, seen: now)
        return .counters(counters)
    }

    /// Limit, failcnt or events, and PSI.
    private mutating func readSlowFiles(
        _ files: CgroupFiles, into counters: inout MemoryCounters, warnings: inout [String]
    ) {
        switch read(files, files.limit) {
        case .success(let count):
            switch ByteParsing.limit(buffer, count: count) {
            case .success(let limit): counters.limit = limit
            case .failure(let problem): warnings.append("\(files.label(files.limit)): \(problem.summary)")
            }
        case .failure(.notFound) where files.relativePath == ".":
            counters.limit = .unlimited  // the v2 root has no memory.max: nothing limits it but the machine
        case .failure(let error):
            warnings.append("\(files.label(files.limit)): \(error.summary)")
        }

        readOptionalCounters(files, into: &counters, warnings: &warnings)
    }

    /// failcnt, events, PSI and v1 kernel memory: absent files are simply absent values (older kernels, kmem
    /// accounting off, fixtures).
    private mutating func readOptionalCounters(
        _ files: CgroupFiles, into counters: inout MemoryCounters, warnings: inout [String]
    ) {
        switch read(files, files.eventCounter) {
        case .success(let count):
            if version == .v1 {
                switch ByteParsing.singleValue(buffer, count: count) {
                case .success(let value): counters.failCount = value
                case .failure(let problem): warnings.append("\(files.label(files.eventCounter)): \(problem.summary)")
                }
            } else {
                if let bad = MemoryEvents.parser.parse(buffer, count: count, into: &slots) {
                    warnings.append("\(files.label(files.eventCounter)): line \(bad.line): \(bad.problem.summary)")
                }
                counters.events = MemoryEvents(slots: slots)
            }
        case .failure(.notFound): break
        case .failure(let error): warnings.append("\(files.label(files.eventCounter)): \(error.summary)")
        }
        if let pressure = files.pressure {
            switch read(files, pressure) {
            case .success(let count): counters.pressure = PressureParser.parse(buffer, count: count)
            case .failure(.notFound), .failure(.other(errno: 95)): break  // ENOTSUP when PSI is disabled
            case .failure(let error): warnings.append("\(files.label(pressure)): \(error.summary)")
            }
        }
        if let kernelUsage = files.kernelUsage, !kernelUsageAbsent {
            switch read(files, kernelUsage) {
            case .success(let count):
                switch ByteParsing.singleValue(buffer, count: count) {
                case .success(let value): counters.kernelUsageBytes = value
                case .failure(let problem): warnings.append("\(files.label(kernelUsage)): \(problem.summary)")
                }
            case .failure(.notFound): kernelUsageAbsent = counters.usageBytes != nil
            case .failure(let error): warnings.append("\(files.label(kernelUsage)): \(error.summary)")
            }
        }
    }

    private mutating func read(_ files: CgroupFiles, _ name: String) -> Result<Int, FileReadError> {
        fileSystem.read(files, name, into: &buffer)
    }

    private mutating func isGone(_ files: CgroupFiles) -> Bool {
        if case .failure(let error) = read(files, files.usage), error == .notFound || error == .vanished {
            return true
        }
        return false
    }
}
