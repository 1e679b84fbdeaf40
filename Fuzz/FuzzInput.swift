import Glibc

/// What every fuzz target shares: a scratch file for the readers that take a path, and the invariant checks whose
/// failure is a finding (a trap, like any crash, is reported by libFuzzer with the input that caused it).
enum FuzzInput {
    /// One file per process, in memory where possible: libFuzzer runs thousands of inputs a second.
    static let path: String = {
        let directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        atexit { unlink(FuzzInput.path) }
        return "\(directory)/podmem-fuzz-\(getpid())"
    }()

    static func write(_ bytes: [UInt8]) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        precondition(fd >= 0, "cannot write \(path)")
        precondition(bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == bytes.count)
        close(fd)
    }

    /// Opens `path` as `podmem report` does and checks the result: every decoded value within `InputLimits`, a
    /// document that encodes, a report that renders; or one one-line error.
    static func openAndReport() {
        do throws(CommandFailure) {
            let timeline = try ReplayInput.open(path)
            for position in 0..<timeline.count {
                let sample = try timeline.sample(at: position)
                precondition(InputLimits.unixSeconds.contains(sample.timestamp), "time \(sample.timestamp) accepted")
                let rows = [sample.node.root] + sample.workloads.flatMap { [$0.counters] + $0.containers.map(\.counters) }
                for row in rows {
                    if let problem = CounterFields.problem(CounterFields.fields(row)) { preconditionFailure("accepted \(problem)") }
                }
            }
            let replay = try Replay(timeline: timeline, window: 300)
            guard let document = replay.monitor.snapshot() else { return }
            precondition((try? SnapshotCodec.encode(document)) != nil, "the replayed document does not encode")
            precondition(TicketReport.render(document, replayedFrom: path).hasPrefix("podmem report"))
        } catch {
            precondition(!error.message.isEmpty && !error.message.contains("\n"), "error not one line: \(error.message)")
        }
    }
}
