import Foundation
import PodmemTestSupport

/// A real Prometheus (`/usr/bin/prometheus`, Debian's package) on a free loopback port, scraping the given targets
/// every second into a temp TSDB. `query` uses its HTTP API; deinit kills it and removes its files.
final class PrometheusServer {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let executable = "/usr/bin/prometheus"
    static let promtool = "/usr/bin/promtool"

    let address: String
    private let process = Process()
    private let scratch: URL

    /// Nil when Prometheus and promtool are installed, else why the tests that need them skip.
    static var unavailableReason: String? {
        [executable, promtool].first { !FileManager.default.isExecutableFile(atPath: $0) }
            .map { "\($0) is missing: install Debian's prometheus package (scripts/deps --test does)" }
    }

    /// `ruleFiles`: plain Prometheus rule files, evaluated every second.
    init(targets: [String], ruleFiles: [String] = []) throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "podmem-prometheus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let config = """
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
              evaluation_interval: 1s
            rule_files: [\(ruleFiles.map { "'\($0)'" }.joined(separator: ", "))]
            scrape_configs:
              - job_name: podmem
                static_configs:
                  - targets: [\(targets.map { "'\($0)'" }.joined(separator: ", "))]

            """
        let configFile = scratch.appendingPathComponent("prometheus.yml")
        try config.write(to: configFile, atomically: true, encoding: .utf8)
        address = "127.0.0.1:\(try Self.freePort())"
        let log = scratch.appendingPathComponent("log")
        try Data().write(to: log)
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = [
            "--config.file=\(configFile.path)", "--storage.tsdb.path=\(scratch.appendingPathComponent("data").path)",
            "--web.listen-address=\(address)", "--log.level=warn",
        ]
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = process.standardOutput
        process.standardInput = FileHandle.nullDevice
        try process.run()
        _ = try waitFor("Prometheus ready", timeout: 60) {
            (try? HTTPFetch.get("http://\(address)/-/ready", timeout: 2))?.status == 200 ? true : nil
        }
    }

    /// The instant vector of `promql`: each series' labels (without `instance`/`job`) and value.
    func query(_ promql: String) throws -> [MetricSeries: Double] {
        var components = URLComponents(string: "http://\(address)/api/v1/query")!
        components.queryItems = [URLQueryItem(name: "query", value: promql)]
        // URLComponents leaves `+` as is, and Go's form decoding reads it as a space.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        let reply = try HTTPFetch.get(components.url!.absoluteString)
        guard reply.status == 200, let json = try JSONSerialization.jsonObject(with: reply.body) as? [String: Any],
            let data = json["data"] as? [String: Any], let results = data["result"] as? [[String: Any]]
        else {
            throw Failure(description: "query \(promql): HTTP \(reply.status): \(reply.text)")
        }
        var vector: [MetricSeries: Double] = [:]
        for result in results {
            var labels = result["metric"] as? [String: String] ?? [:]
            let name = labels.removeValue(forKey: "__name__") ?? ""
            labels["instance"] = nil
            labels["job"] = nil
            // The value is a string in Go's shortest form: Double(_:) reads it back exactly.
            guard let pair = result["value"] as? [Any], let text = pair.last as? String, let value = Double(text) else {
                continue
            }
            vector[MetricSeries(name: name, labels: labels)] = value
        }
        return vector
    }

    /// Every loaded rule as `/api/v1/rules` reports it (name, query, health, lastEvaluation, …).
    func rules() throws -> [[String: Any]] {
        let reply = try HTTPFetch.get("http://\(address)/api/v1/rules")
        guard reply.status == 200, let json = try JSONSerialization.jsonObject(with: reply.body) as? [String: Any],
            let groups = (json["data"] as? [String: Any])?["groups"] as? [[String: Any]]
        else {
            throw Failure(description: "rules: HTTP \(reply.status): \(reply.text)")
        }
        return groups.flatMap { $0["rules"] as? [[String: Any]] ?? [] }
    }

    /// Polls `attempt` every 100 ms until it returns a value; throws with the last Prometheus log lines on timeout.
    @discardableResult
    func waitFor<T>(_ what: String, timeout: TimeInterval = 60, _ attempt: () throws -> T?) throws -> T {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while Date() < deadline {
            if let value = try attempt() { return value }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let log = (try? String(contentsOf: scratch.appendingPathComponent("log"), encoding: .utf8)) ?? ""
        throw Failure(description: "waited \(timeout) s for \(what); prometheus log:\n\(log.suffix(3000))")
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: scratch)
    }

    /// A port the kernel just handed out on 127.0.0.1 (bound to port 0, then closed).
    private static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard bound else { throw Failure(description: "bind 127.0.0.1:0: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
