/// Reads one cgroup's memory files into `MemoryCounters`, reusing one byte buffer for every file.
/// Problems become warning lines; what could be read is still returned.
public struct CgroupCounterReader {
    public enum Outcome: Sendable, Equatable {
        case counters(MemoryCounters)
        /// Every file is gone: the cgroup was removed between discovery and reading.
        case vanished
    }

    let fileSystem: any CgroupFileSystem
    public let version: CgroupVersion
    private var buffer = [UInt8](repeating: 0, count: 16 * 1024)
    private var slots: [UInt64?] = Array(repeating: nil, count: 16)

    public init(fileSystem: any CgroupFileSystem, version: CgroupVersion) {
        self.fileSystem = fileSystem
        self.version = version
    }

    public mutating func read(_ files: CgroupFiles, warnings: inout [String]) -> Outcome {
        var counters = MemoryCounters()
        let statResult = fileSystem.read(files.stat, into: &buffer)
        switch statResult {
        case .success(let count):
            let parser = version == .v1 ? MemoryStat.v1Parser : MemoryStat.v2Parser
            if let bad = parser.parse(buffer, count: count, into: &slots) {
                warnings.append("\(files.relativePath)/memory.stat: line \(bad.line): \(bad.problem.summary)")
            }
            counters.stat = MemoryStat(slots: slots)
            if count > 0 {
                let missing = MemoryStat.requiredSlots.filter { slots[$0.0.rawValue] == nil }
                    .map { version == .v1 ? $0.v1 : $0.v2 }
                if !missing.isEmpty {
                    warnings.append("\(files.relativePath)/memory.stat: lacks \(missing.joined(separator: ", "))")
                }
            } else {
                warnings.append("\(files.relativePath)/memory.stat: \(ValueProblem.empty.summary)")
            }
        case .failure(let error):
            if error == .notFound || error == .vanished, files.relativePath != ".", isGone(files) { return .vanished }
            warnings.append("\(files.relativePath)/memory.stat: \(error.summary)")
        }

        switch fileSystem.read(files.usage, into: &buffer) {
        case .success(let count):
            switch ByteParsing.singleValue(buffer, count: count) {
            case .success(let value): counters.usageBytes = value
            case .failure(let problem): warnings.append("\(files.usage.lastPathComponentLabel(files)): \(problem.summary)")
            }
        case .failure(.notFound) where files.usageFromStatWhenMissing:
            if let anon = counters.stat.rssBytes, let file = counters.stat.fileBytes { counters.usageBytes = anon + file }
        case .failure(let error):
            warnings.append("\(files.usage.lastPathComponentLabel(files)): \(error.summary)")
        }

        switch fileSystem.read(files.limit, into: &buffer) {
        case .success(let count):
            switch ByteParsing.limit(buffer, count: count) {
            case .success(let limit): counters.limit = limit
            case .failure(let problem): warnings.append("\(files.limit.lastPathComponentLabel(files)): \(problem.summary)")
            }
        case .failure(.notFound) where files.relativePath == ".":
            counters.limit = .unlimited  // the v2 root has no memory.max: nothing limits it but the machine
        case .failure(let error):
            warnings.append("\(files.limit.lastPathComponentLabel(files)): \(error.summary)")
        }

        readOptionalCounters(files, into: &counters, warnings: &warnings)
        return .counters(counters)
    }

    /// failcnt, events and PSI: absent files are simply absent values (older kernels, fixtures).
    private mutating func readOptionalCounters(_ files: CgroupFiles, into counters: inout MemoryCounters, warnings: inout [String]) {
        switch fileSystem.read(files.eventCounter, into: &buffer) {
        case .success(let count):
            if version == .v1 {
                switch ByteParsing.singleValue(buffer, count: count) {
                case .success(let value): counters.failCount = value
                case .failure(let problem): warnings.append("\(files.eventCounter.lastPathComponentLabel(files)): \(problem.summary)")
                }
            } else {
                if let bad = MemoryEvents.parser.parse(buffer, count: count, into: &slots) {
                    warnings.append("\(files.eventCounter.lastPathComponentLabel(files)): line \(bad.line): \(bad.problem.summary)")
                }
                counters.events = MemoryEvents(slots: slots)
            }
        case .failure(.notFound): break
        case .failure(let error): warnings.append("\(files.eventCounter.lastPathComponentLabel(files)): \(error.summary)")
        }
        if let pressurePath = files.pressure {
            switch fileSystem.read(pressurePath, into: &buffer) {
            case .success(let count): counters.pressure = PressureParser.parse(buffer, count: count)
            case .failure(.notFound), .failure(.other(errno: 95)): break  // ENOTSUP when PSI is disabled
            case .failure(let error): warnings.append("\(pressurePath.lastPathComponentLabel(files)): \(error.summary)")
            }
        }
    }

    private mutating func isGone(_ files: CgroupFiles) -> Bool {
        if case .failure(let error) = fileSystem.read(files.usage, into: &buffer), error == .notFound || error == .vanished {
            return true
        }
        return false
    }
}

extension String {
    /// "kubepods/pod…/memory.stat" for warnings: the cgroup's relative path plus the file name.
    func lastPathComponentLabel(_ files: CgroupFiles) -> String {
        let name = split(separator: "/").last.map(String.init) ?? self
        return files.relativePath == "." ? name : files.relativePath + "/" + name
    }
}
