/// How much of the monitor's state a model (and the snapshot document encoding it) carries: a busy node has thousands of pods, and a screen
/// redrawing every poll needs a few dozen rows of them, an exporter no history at all.
public enum ModelScope: Sendable, Equatable {
    /// Every pod with its containers, fresh verdicts, sentences and all history held: `--batch --json`, the `s` key.
    case everything
    /// Every pod with its containers, fresh verdicts and sentences, but no history: what the exporter exports.
    case withoutHistory
    /// The pod list: no containers or sentences, verdicts up to 1/32 of the window old, and for the `rows` on
    /// screen the newest `ModelBuilder.briefHistoryPoints` points of the window (enough for a sparkline).
    case list(rows: Set<String>)
    /// The detail screen: the list's view of every pod, except the one `cgroup` shown, which gets its window's
    /// history, its containers, a fresh verdict and its sentence.
    case detail(cgroup: String)
}
