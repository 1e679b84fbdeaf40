import ArgumentParser
import Glibc
import PodmemCore
import PodmemServe

/// `podmem serve`: a Prometheus exporter of the snapshot document's figures, one per node.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Serve /metrics (Prometheus text format) and /healthz; polls on its own interval, scrapes read the latest poll."
    )

    @Option(help: ArgumentHelp("Where to accept scrapes: \(ListenAddress.syntax).", valueName: "HOST:PORT"))
    var listen: String = ListenAddress.defaultValue

    @Option(
        name: [.customShort("d"), .customLong("interval"), .customLong("delay")],
        help: ArgumentHelp("Seconds between polls; fractions allowed (0.01 … 86400).", valueName: "SECONDS"))
    var interval: Double = 10

    @OptionGroup var source: SourceOptions

    func validate() throws {
        guard ListenAddress(parsing: listen) != nil else {
            throw ValidationError("--listen expects \(ListenAddress.syntax), got '\(listen)'")
        }
        try OptionRange.interval.check(interval)
    }

    func run() async throws {
        let address = ListenAddress(parsing: listen)!
        let poller = ExpositionPoller(
            source: try source.makeSource(), window: source.window,
            intervalSeconds: interval, exposition: LatestExposition())
        try await MetricsServer(address: address, poller: poller).run { bound in
            Console.write("podmem: serving http://\(bound)/metrics, polling every \(interval) s\n", to: STDERR_FILENO)
        }
    }
}
