import Glibc
import PodmemCore

/// `--replay`: writes a synthetic recording of `hours` at 1 s for N pods × 2 containers with podmem's own writer,
/// then times opening it (index + history rebuilt at the end) in-process, and runs the release
/// `podmem report FILE --json` on it under GNU time (Debian's `time`) for its wall time and peak RSS.
struct ReplayBenchmark {
    let options: BenchOptions
    let scratch: String

    func run() throws -> ReplayResult {
        let path = scratch + "/synthetic.pmrec"
        let node = SyntheticNode(pods: options.pods)
        let start = 1_800_000_000.0
        let samples = Int(options.replayHours * 3600)
        let writeStart = ResourceClock.wallMicroseconds()
        let first = node.sample(at: start)
        let writer = try RecordingWriter(
            path: path,
            header: RecordingHeader(
                recordingId: "bench", host: first.host, cgroupVersion: first.cgroupVersion,
                root: first.root, intervalSeconds: 1, startedAt: start),
            maximumBytes: Int.max)
        for second in 0..<samples { try writer.append(node.sample(at: start + Double(second))) }
        try writer.finish()
        let writeSeconds = (ResourceClock.wallMicroseconds() - writeStart) / 1e6
        var info = stat()
        stat(path, &info)

        var openSeconds: [Double] = []
        for _ in 0..<options.roundCount {
            let began = ResourceClock.wallMicroseconds()
            guard let recording = try Recording(path: path) else { throw BenchError("\(path): not a recording") }
            let replay = try Replay(timeline: recording, window: 300)
            openSeconds.append((ResourceClock.wallMicroseconds() - began) / 1e6)
            guard replay.timeline.count == samples else {
                throw BenchError("replay holds \(replay.timeline.count) of \(samples) samples")
            }
        }

        // GNU time forks podmem itself: a child spawned from this process would report this process's peak RSS
        // (Linux folds the pre-exec memory of a vfork'd child into its maximum). The JSON goes to /dev/null.
        let report = ChildProcess.run(
            "/usr/bin/time",
            [
                "-f", "%e %M", "sh", "-c", "exec \"$0\" report \"$1\" --json >/dev/null",
                options.podmem, path,
            ])
        let figures = report.output.split(separator: "\n").last?.split(separator: " ").compactMap { Double($0) } ?? []
        guard report.status == 0, figures.count == 2 else {
            throw BenchError("podmem report failed (\(report.status)): \(report.output.prefix(300))")
        }
        return ReplayResult(
            pods: options.pods, containersPerPod: 2, samples: samples, fileBytes: Int(info.st_size),
            writeSeconds: writeSeconds, openSeconds: openSeconds.median, reportSeconds: figures[0],
            reportPeakResidentMiB: figures[1] / 1024)
    }
}
