import Foundation
import PodmemCore
import PodmemServe
import PodmemTestSupport
import XCTest

/// The real `podmem serve` binary, scraped by a real Prometheus on loopback, against `--batch --json` on the same
/// source; plus its HTTP behaviour on its own (404, health, concurrent scrapes, SIGTERM, bind errors).
final class ServeEndToEndTests: XCTestCase {
    /// A host root with a fixed MemTotal and hostname, so batch and serve see the same node figures.
    func hostRoot() -> TempTree {
        let host = TempTree("podmem-host")
        host.write("proc/meminfo", "MemTotal: 16777216 kB\n")
        host.write("etc/hostname", "fixture-node\n")
        return host
    }

    /// The document `--batch --json` prints after three polls (static files: growth is `stable`, rates 0).
    func batchDocument(_ arguments: [String]) throws -> SnapshotDocument {
        let run = try CommandRun.podmem(["--batch", "--json", "-n", "3", "-d", "0.05"] + arguments)
        XCTAssertEqual(run.status, 0, run.stderr)
        return try SnapshotCodec.decode(Data(run.stdout.utf8))
    }

    func testPrometheusScrapesFixtureTreesWithBatchValues() throws {
        if let reason = PrometheusServer.unavailableReason { throw XCTSkip(reason) }
        let host = hostRoot()
        let v1 = [
            "--root", FixturePaths.v1Lab + "/t3", "--log-root", FixturePaths.v1Lab + "/varlog", "--host-root",
            host.path,
        ]
        let v2 = ["--root", FixturePaths.v2Real, "--host-root", host.path]
        let serves = [try ServeProcess(v1 + ["-d", "0.2"]), try ServeProcess(v2 + ["-d", "0.2"])]
        let prometheus = try PrometheusServer(targets: serves.map(\.address))
        for (serve, arguments) in zip(serves, [v1, v2]) {
            let expected = Dictionary(
                uniqueKeysWithValues: ExpectedSeries.from(try batchDocument(arguments)).map {
                    ($0.key.stored, $0.value)
                })
            var last: [MetricSeries: Double] = [:]
            do {
                try prometheus.waitFor("\(serve.address)'s series to equal batch mode's") {
                    last = try prometheus.query(
                        "{__name__=~\"podmem_.+\", __name__!~\"podmem_serve_.+\", instance=\"\(serve.address)\"}")
                    return last == expected ? true : nil
                }
            } catch {
                let differences = Set(expected.keys).union(last.keys).filter { expected[$0] != last[$0] }
                    .map {
                        "\($0): Prometheus \(last[$0].map { "\($0)" } ?? "-"), batch \(expected[$0].map { "\($0)" } ?? "-")"
                    }
                XCTFail("\(error)\n\(differences.sorted().prefix(20).joined(separator: "\n"))")
            }
        }
        let pods = try prometheus.query("podmem_working_set_no_cache_bytes{container=\"\"}")
        XCTAssertEqual(
            Set(pods.keys.map { $0.labels["pod"]! }),
            ["web-logger", "api-leaky", "db-steady", "report-cold", "fixture-node"],
            "the v2 capture is a root workload, named by the host")
        for serve in serves { XCTAssertEqual(serve.stop(), 0, serve.stderr) }
    }

    func testPrometheusScrapesDemoNode() throws {
        if let reason = PrometheusServer.unavailableReason { throw XCTSkip(reason) }
        let serve = try ServeProcess(["--demo", "-d", "0.2"])
        let ruleDirectory = TempTree("podmem-rules")
        ruleDirectory.write("podmem-rules.yml", try DeployFiles.plainRuleFile())
        let prometheus = try PrometheusServer(
            targets: [serve.address], ruleFiles: [ruleDirectory.path + "/podmem-rules.yml"])
        let batch = try batchDocument(["--demo"])
        let expectedCgroups = Set(
            ExpectedSeries.from(batch).keys.filter { $0.name == "podmem_usage_bytes" }.map(\.stored.labels))
        // The demo's pods change every poll: compare which series exist and how values relate, not the values.
        let verdicts = try prometheus.waitFor("cache-driven and anon-driven pods in Prometheus") {
            () -> [MetricSeries: Double]? in
            let classes = try prometheus.query("podmem_growth_class == 1")
            let found = Set(classes.keys.compactMap { $0.labels["class"] })
            return found.isSuperset(of: ["cache-driven", "anon-driven"]) ? classes : nil
        }
        let usage = try prometheus.query("podmem_usage_bytes")
        XCTAssertEqual(Set(usage.keys.map(\.labels)), expectedCgroups)
        XCTAssertEqual(verdicts.count, expectedCgroups.count, "exactly one class is 1 per pod and container")
        XCTAssertEqual(try prometheus.query("podmem_working_set_no_cache_bytes > podmem_working_set_bytes"), [:])
        let shares = try prometheus.query("podmem_cache_share_ratio")
        XCTAssertTrue(shares.values.allSatisfy { (0...1).contains($0) }, "\(shares)")
        XCTAssertEqual(try prometheus.query("podmem_node_available_bytes").count, 2)

        // deploy/'s rules load and evaluate on podmem's live series; every dashboard query runs (variables filled in).
        let rules = try prometheus.waitFor("deploy/ rules evaluated") { () -> [[String: Any]]? in
            let evaluated = try prometheus.rules()
            return !evaluated.isEmpty
                && evaluated.allSatisfy { $0["lastEvaluation"] as? String != "0001-01-01T00:00:00Z" } ? evaluated : nil
        }
        XCTAssertEqual(rules.count, 3)
        for rule in rules { XCTAssertEqual(rule["health"] as? String, "ok", "\(rule)") }
        for expression in try DeployFiles.dashboardExpressions() {
            let filled = expression.replacingOccurrences(of: "$namespace", with: ".*").replacingOccurrences(
                of: "$pod", with: ".*"
            )
            .replacingOccurrences(of: "$runtime", with: ".*")
            XCTAssertNoThrow(try prometheus.query(filled), expression)
        }
        XCTAssertEqual(serve.stop(), 0, serve.stderr)
    }

    func testHTTPBehaviourAndScrapesNeverReadCgroups() throws {
        let tree = TempTree()
        tree.v1Cgroup("", usage: 1 << 20, stat: ["total_rss": 4096])
        tree.v1Cgroup(
            "kubepods/burstable/pod11111111-2222-3333-4444-555555555555", usage: 40960, stat: ["total_rss": 4096])
        // One poll at start, the next in an hour: every scrape below is served from that first poll.
        let serve = try ServeProcess(["--root", tree.path, "--host-root", tree.path, "-d", "3600"])
        tree.v1Cgroup(
            "kubepods/burstable/pod11111111-2222-3333-4444-555555555555", usage: 81920, stat: ["total_rss": 4096])

        let metrics = try serve.get("/metrics")
        XCTAssertEqual(metrics.status, 200)
        XCTAssertEqual(metrics.contentType, MetricsServer.contentType)
        XCTAssertTrue(
            metrics.text.contains(
                "podmem_usage_bytes{namespace=\"\",pod=\"11111111-2222-3333-4444-555555555555\",container=\"\",qos=\"burstable\",runtime=\"\"} 40960\n"
            ),
            metrics.text)
        XCTAssertEqual(try serve.get("/healthz").text, "ok\n")
        XCTAssertEqual(try serve.get("/metric").status, 404)
        XCTAssertEqual(try serve.get("/").status, 404)

        // Concurrent scrapes: every one complete and identical (the same published bytes) up to the exporter's own
        // metrics, which count the open connections.
        @Sendable func published(_ text: String) -> String {
            text.components(separatedBy: "# HELP podmem_serve_connections ")[0]
        }
        XCTAssertTrue(
            metrics.text.contains("\npodmem_serve_connections_rejected_total{reason=\"limit\"} 0\n"), metrics.text)
        let replies = ConcurrentReplies()
        let address = serve.address
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            replies.add(
                Result { try HTTPFetch.get("http://\(address)/metrics") }.map {
                    "HTTP \($0.status)\n\(published($0.text))"
                })
        }
        XCTAssertEqual(replies.distinct, ["HTTP 200\n" + published(metrics.text)])

        if PrometheusServer.unavailableReason == nil {
            let check = try CommandRun.run(
                URL(fileURLWithPath: PrometheusServer.promtool), ["check", "metrics"], input: metrics.body)
            XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        }

        let inUse = try CommandRun.podmem(["serve", "--demo", "--listen", serve.address])
        XCTAssertEqual(inUse.status, 1)
        XCTAssertEqual(inUse.stderr, "podmem: cannot listen on \(serve.address): Address already in use\n")
        XCTAssertEqual(try CommandRun.podmem(["serve", "--demo", "--listen", "9786"]).status, 2)
        XCTAssertEqual(try CommandRun.podmem(["serve", "--demo", "-d", "0"]).status, 2)

        let started = Date()
        XCTAssertEqual(serve.stop(), 0, "SIGTERM stops cleanly: \(serve.stderr)")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        XCTAssertEqual(serve.stderr, "podmem: serving http://\(serve.address)/metrics, polling every 3600.0 s\n")
    }
}

/// Replies collected from concurrent scrapes, failures as their error text.
private final class ConcurrentReplies: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: Set<String> = []

    func add(_ reply: Result<String, Error>) {
        let text = (try? reply.get()) ?? "error: \(reply)"
        lock.withLock { _ = texts.insert(text) }
    }

    var distinct: Set<String> { lock.withLock { texts } }
}
