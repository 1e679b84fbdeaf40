/// Figures of `--replay`: the recording's size, how fast it was written, opened and reported on.
struct ReplayResult: BenchReport {
    let pods: Int
    let containersPerPod: Int
    let samples: Int
    let fileBytes: Int
    let writeSeconds: Double
    /// Median over rounds: index the file and rebuild the history at its last sample.
    let openSeconds: Double
    /// The release `podmem report FILE --json`, start to exit.
    let reportSeconds: Double
    let reportPeakResidentMiB: Double

    func table() -> String {
        """
        synthetic recording: \(samples) samples at 1 s, \(pods) pods × \(containersPerPod) containers
          file            \(Self.format(Double(fileBytes) / 1_048_576, digits: 1)) MiB (\(fileBytes / max(1, samples)) bytes per poll), written in \(Self.format(writeSeconds, digits: 1)) s
          open + rebuild  \(Self.format(openSeconds, digits: 3)) s (median of rounds, in-process)
          podmem report   \(Self.format(reportSeconds, digits: 3)) s, peak RSS \(Self.format(reportPeakResidentMiB, digits: 1)) MiB

        """
    }

    func exceededLimits(_ options: BenchOptions) -> [String] {
        var exceeded: [String] = []
        if let limit = options.maxOpenSeconds, max(openSeconds, reportSeconds) > limit {
            exceeded.append(
                "opening the recording took \(Self.format(max(openSeconds, reportSeconds), digits: 2)) s, above --max-open-seconds \(limit)"
            )
        }
        if let limit = options.maxResidentMiB, reportPeakResidentMiB > limit {
            exceeded.append(
                "podmem report's peak RSS is \(Self.format(reportPeakResidentMiB, digits: 1)) MiB, above --max-rss-mib \(limit)"
            )
        }
        return exceeded
    }
}
