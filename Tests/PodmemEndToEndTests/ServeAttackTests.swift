import Foundation
import PodmemServe
import PodmemTestSupport
import XCTest

/// `podmem serve` under hostile clients, at its real limits (no shortened timeouts): one client pipelines
/// `GET /metrics` without ever reading, 2000 connections send half a request head and sit, for 60 s. The
/// exporter's memory stays bounded, Prometheus-like scrapes keep getting the whole exposition within a second,
/// and the exporter closes every hostile connection itself. On the code before the limits this test measured
/// 26 → 110 MiB (still growing), the first scrape after 1 s, and 1911 half-open connections left open.
final class ServeAttackTests: XCTestCase {
    static let halfOpenConnections = 2000
    static let attackSeconds = 60.0
    static let maxRSSBytes = 96 * 1024 * 1024

    /// 300 pods with a container each: a 0.7 MB exposition, as on a busy node.
    func busyNode() -> TempTree {
        let tree = TempTree("podmem-attack")
        let stat: [String: UInt64] = [
            "total_rss": 1 << 20, "total_active_file": 1 << 19, "total_inactive_file": 1 << 18,
        ]
        tree.v1Cgroup("", usage: 1 << 30, stat: stat)
        for index in 0..<300 {
            let pod = "kubepods/burstable/pod\(String(format: "%08d", index))-2222-3333-4444-555555555555"
            tree.v1Cgroup(pod, usage: 4 << 20, stat: stat)
            tree.v1Cgroup(
                pod + "/" + String(repeating: String(format: "%08x", index), count: 8), usage: 2 << 20, stat: stat)
        }
        tree.write("proc/meminfo", "MemTotal: 16777216 kB\n")
        return tree
    }

    struct Scrape {
        let seconds: Double
        let status: String
        /// The body up to the exporter's own metrics, which count connections and so differ between scrapes.
        let exposition: String
        let complete: Bool
        let text: String
    }

    /// A scrape as Prometheus makes it: a fresh connection, one GET, read to the end; nil after 5 s.
    static func scrape(port: Int) -> Scrape? {
        let started = Date()
        guard let socket = LoopbackSocket.open(port: port, blocking: true) else { return nil }
        defer { socket.close() }
        _ = socket.send("GET /metrics HTTP/1.1\r\nHost: podmem\r\nConnection: close\r\n\r\n")
        guard let bytes = socket.readToEnd(deadline: started.addingTimeInterval(5)) else { return nil }
        let seconds = Date().timeIntervalSince(started)
        let text = String(decoding: bytes, as: UTF8.self)
        guard let headEnd = text.range(of: "\r\n\r\n") else {
            return Scrape(seconds: seconds, status: text, exposition: "", complete: false, text: text)
        }
        let head = text[..<headEnd.lowerBound]
        let body = text[headEnd.upperBound...]
        let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
        let ownMetrics = body.range(of: "# HELP podmem_serve_connections ")
        return Scrape(
            seconds: seconds, status: head.components(separatedBy: "\r\n")[0],
            exposition: String(body[..<(ownMetrics?.lowerBound ?? body.endIndex)]),
            complete: length == body.utf8.count && body.hasSuffix("\n"), text: String(body))
    }

    static func residentBytes(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kibibytes = Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])
        else { return nil }
        return kibibytes * 1024
    }

    func testPipeliningAndHalfOpenConnectionsCannotExhaustTheExporter() throws {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        let needed = rlim_t(Self.halfOpenConnections + 200)
        if limit.rlim_cur < needed {
            guard limit.rlim_max >= needed else {
                throw XCTSkip("needs \(needed) file descriptors, the hard limit is \(limit.rlim_max)")
            }
            limit.rlim_cur = limit.rlim_max
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        let node = busyNode()
        // One poll at start and none during the attack: every scrape must return that poll's exposition whole.
        let serve = try ServeProcess([
            "--root", node.path, "--host-root", node.path, "--log-root", node.path, "-d", "3600",
        ])
        let port = try XCTUnwrap(Int(serve.address.split(separator: ":").last!))
        let reference = try XCTUnwrap(Self.scrape(port: port))
        XCTAssertTrue(reference.complete && reference.status == "HTTP/1.1 200 OK", reference.status)
        XCTAssertGreaterThan(reference.exposition.utf8.count, 500_000)
        let baselineRSS = try XCTUnwrap(Self.residentBytes(of: serve.pid))

        let stop = Flag()
        let attackStart = Date()
        // A slow reader: a few pipelined requests (well under the byte limit), then never a byte read. The kernel's
        // socket buffers fill within a few responses; the one then unwritten must not hold the connection forever.
        let slowReader = try XCTUnwrap(LoopbackSocket.open(port: port, blocking: true))
        _ = slowReader.send(String(repeating: "GET /metrics HTTP/1.1\r\nHost: podmem\r\n\r\n", count: 40))
        // The pipeliner: requests as fast as the socket takes them, never a byte read; reconnects when closed.
        let pipelinerReconnects = Counter()
        let pipeliner = Thread {
            let requests = String(repeating: "GET /metrics HTTP/1.1\r\nHost: podmem\r\n\r\n", count: 100)
            var socket = LoopbackSocket.open(port: port, blocking: false)
            while !stop.isSet {
                guard let open = socket else {
                    socket = LoopbackSocket.open(port: port, blocking: false)
                    Thread.sleep(forTimeInterval: 0.01)
                    continue
                }
                if open.send(requests) < 0 {
                    if errno == EAGAIN || errno == ENOTCONN || errno == EINPROGRESS {
                        Thread.sleep(forTimeInterval: 0.005)
                    } else {
                        open.close()
                        socket = nil
                        pipelinerReconnects.add()
                    }
                }
            }
            socket?.close()
        }
        pipeliner.start()

        // 2000 connections, each sends half a request head once connected, then nothing.
        var halfOpen = (0..<Self.halfOpenConnections).compactMap { _ in LoopbackSocket.open(port: port, blocking: false)
        }
        XCTAssertEqual(halfOpen.count, Self.halfOpenConnections)
        var pending = Set(halfOpen.indices)
        let connectDeadline = Date(timeIntervalSinceNow: 20)
        while !pending.isEmpty && Date() < connectDeadline {
            for index in pending {
                var descriptorPoll = pollfd(fd: halfOpen[index].descriptor, events: Int16(POLLOUT), revents: 0)
                if poll(&descriptorPoll, 1, 0) > 0 {
                    _ = halfOpen[index].send("GET /metrics HTTP/1.1\r\nHost: podmem\r\nUser-Agent: slow")
                    pending.remove(index)
                }
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        XCTAssertTrue(pending.isEmpty, "\(pending.count) connections never connected")

        // Meanwhile: scrapes once a second, and the exporter's RSS ten times a second.
        var scrapes: [Scrape?] = []
        var peakRSS = baselineRSS
        var nextScrape = Date()
        while Date().timeIntervalSince(attackStart) < Self.attackSeconds {
            if let rss = Self.residentBytes(of: serve.pid) { peakRSS = max(peakRSS, rss) }
            if Date() >= nextScrape {
                scrapes.append(Self.scrape(port: port))
                nextScrape = Date(timeIntervalSinceNow: 1)
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let stillOpen = halfOpen.filter { !$0.closedByPeer }.count
        // The exporter's side of the slow reader is closed after the response timeout (its FIN waits behind the
        // unread bytes, so the client cannot see it): then only this scrape and the pipeliner's connection are open.
        let slowReaderDeadline = attackStart.addingTimeInterval(
            ConnectionLimits.standard.responseTimeout / .seconds(1) + 5)
        var openConnections = Double.infinity
        while openConnections > 2 && Date() < slowReaderDeadline {
            openConnections =
                Self.scrape(port: port).flatMap {
                    MetricSeries.parse(exposition: $0.text)[MetricSeries(name: "podmem_serve_connections", labels: [:])]
                } ?? .infinity
            if openConnections > 2 { Thread.sleep(forTimeInterval: 0.2) }
        }
        slowReader.close()
        stop.set()
        while pipeliner.isExecuting { Thread.sleep(forTimeInterval: 0.01) }
        for socket in halfOpen { socket.close() }
        halfOpen = []

        let slowest = scrapes.map { $0?.seconds ?? .infinity }.max() ?? .infinity
        let after = try XCTUnwrap(Self.scrape(port: port))
        print(
            "attack: RSS \(baselineRSS >> 20) MiB before, peak \(peakRSS >> 20) MiB; \(scrapes.count) scrapes, slowest \(Int(slowest * 1000)) ms; "
                + "pipeliner closed \(pipelinerReconnects.value) times; half-open left open after \(Int(Self.attackSeconds)) s: \(stillOpen)"
        )
        print(after.text.split(separator: "\n").filter { $0.hasPrefix("podmem_serve_") }.joined(separator: "\n"))

        XCTAssertLessThan(peakRSS, Self.maxRSSBytes, "peak RSS \(peakRSS >> 20) MiB")
        XCTAssertGreaterThanOrEqual(scrapes.count, Int(Self.attackSeconds) - 5)
        for (index, scrape) in scrapes.enumerated() {
            guard let scrape else {
                XCTFail("scrape \(index): no answer within 5 s")
                continue
            }
            XCTAssertLessThan(scrape.seconds, 1, "scrape \(index)")
            XCTAssertEqual(scrape.status, "HTTP/1.1 200 OK", "scrape \(index)")
            XCTAssertTrue(
                scrape.complete && scrape.exposition == reference.exposition, "scrape \(index): the whole exposition")
        }
        // Each half-open connection was replaced by a newer one at the cap or timed out after 30 s without a head.
        XCTAssertEqual(stillOpen, 0, "half-open connections the exporter left open")
        XCTAssertLessThanOrEqual(
            openConnections, 2, "a client that does not take its response is closed after the response timeout")
        XCTAssertGreaterThan(pipelinerReconnects.value, 0, "the pipeliner was closed for piling up unanswered requests")
        let own = MetricSeries.parse(exposition: after.text)
        func rejected(_ reason: String) -> Double {
            own[MetricSeries(name: "podmem_serve_connections_rejected_total", labels: ["reason": reason])] ?? -1
        }
        XCTAssertGreaterThanOrEqual(
            rejected("limit"), Double(Self.halfOpenConnections - ConnectionLimits.standard.maxConnections))
        XCTAssertGreaterThanOrEqual(rejected("timeout"), 1)
        XCTAssertGreaterThanOrEqual(rejected("too_large"), 1)
        XCTAssertLessThanOrEqual(
            own[MetricSeries(name: "podmem_serve_connections", labels: [:])] ?? .infinity,
            Double(ConnectionLimits.standard.maxConnections))
        XCTAssertEqual(try serve.get("/healthz").text, "ok\n")
        XCTAssertEqual(serve.stop(), 0, serve.stderr)
    }

    /// Oversized heads and request bodies refused, pipelined requests answered in order.
    func testOversizedHeadsAndBodiesAreRefused() throws {
        let node = TempTree("podmem-node")
        node.v1Cgroup("", usage: 1 << 20, stat: ["total_rss": 4096])
        let serve = try ServeProcess([
            "--root", node.path, "--host-root", node.path, "--log-root", node.path, "-d", "3600",
        ])
        let port = try XCTUnwrap(Int(serve.address.split(separator: ":").last!))

        let oversized = try XCTUnwrap(LoopbackSocket.open(port: port, blocking: true))
        _ = oversized.send(
            "GET /metrics HTTP/1.1\r\nHost: podmem\r\nX-Padding: " + String(repeating: "a", count: 9000) + "\r\n\r\n")
        let refused = String(
            decoding: try XCTUnwrap(oversized.readToEnd(deadline: Date(timeIntervalSinceNow: 5))), as: UTF8.self)
        XCTAssertTrue(refused.hasPrefix("HTTP/1.1 431 "), refused)
        oversized.close()

        let withBody = try XCTUnwrap(LoopbackSocket.open(port: port, blocking: true))
        _ = withBody.send("POST /metrics HTTP/1.1\r\nHost: podmem\r\nContent-Length: 5\r\n\r\nhello")
        let body = String(
            decoding: try XCTUnwrap(withBody.readToEnd(deadline: Date(timeIntervalSinceNow: 5))), as: UTF8.self)
        XCTAssertTrue(body.hasPrefix("HTTP/1.1 413 ") && body.contains("Connection: close"), body)
        withBody.close()

        // Two pipelined requests on one connection: both answered, in order.
        let pipelined = try XCTUnwrap(LoopbackSocket.open(port: port, blocking: true))
        _ = pipelined.send(
            "GET /healthz HTTP/1.1\r\nHost: podmem\r\n\r\nGET /nowhere HTTP/1.1\r\nHost: podmem\r\nConnection: close\r\n\r\n"
        )
        let both = String(
            decoding: try XCTUnwrap(pipelined.readToEnd(deadline: Date(timeIntervalSinceNow: 5))), as: UTF8.self)
        XCTAssertTrue(both.hasPrefix("HTTP/1.1 200 OK") && both.contains("ok\nHTTP/1.1 404 Not Found"), both)
        pipelined.close()

        let scrape = try XCTUnwrap(ServeAttackTests.scrape(port: port))
        XCTAssertTrue(scrape.complete)
        XCTAssertTrue(
            scrape.text.contains("podmem_serve_connections_rejected_total{reason=\"too_large\"} 2\n"), scrape.text)
        XCTAssertEqual(serve.stop(), 0, serve.stderr)
    }
}

/// A flag one thread sets and another polls.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
