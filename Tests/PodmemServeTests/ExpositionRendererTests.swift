import Foundation
import PodmemCore
import PodmemServe
import PodmemTestSupport
import XCTest

/// The document → exposition mapping, on real fixture captures, the demo node and trees built in temp dirs.
final class ExpositionRendererTests: XCTestCase {
    static let uidA = "11111111-2222-3333-4444-555555555555"
    static let uidB = "22222222-2222-3333-4444-555555555555"
    static let stat: [String: UInt64] = ["total_rss": 4096, "total_active_file": 8192, "total_inactive_file": 4096]

    /// Polls `source` at 1 s steps from t=1000 and returns the document and its exposition, parsed.
    func render(_ source: MemorySource, polls: Int) throws -> (
        document: SnapshotDocument, series: [MetricSeries: Double]
    ) {
        let monitor = Monitor(window: 300, intervalSeconds: 1, historyCapacity: 301)
        for index in 0..<polls { monitor.ingest(source.sample(at: 1000 + Double(index))) }
        let document = try XCTUnwrap(monitor.snapshot())
        let exposition = String(decoding: ExpositionRenderer().render(document), as: UTF8.self)
        return (document, MetricSeries.parse(exposition: exposition))
    }

    func assertSeries(
        _ actual: [MetricSeries: Double], equal expected: [MetricSeries: Double], file: StaticString = #filePath,
        line: UInt = #line
    ) {
        for (series, value) in expected where actual[series] != value {
            XCTFail(
                "\(series): exported \(actual[series].map { "\($0)" } ?? "nothing"), document says \(value)",
                file: file, line: line)
        }
        for series in Set(actual.keys).subtracting(expected.keys) {
            XCTFail("\(series) exported, not in the document", file: file, line: line)
        }
    }

    func testV1FixtureCapturesValueForValue() throws {
        // The six real captures as six polls: growth rates and verdicts are real too.
        let lab = FixturePaths.v1Lab
        let captures = try (0...5).map { try CgroupSource.reading(lab + "/t\($0)", logRoot: lab + "/varlog") }
        let (document, series) = try render(FixtureSeriesSource(sources: captures), polls: 6)
        assertSeries(series, equal: ExpectedSeries.from(document))
        let verdicts = Dictionary(
            uniqueKeysWithValues: series.filter {
                $0.key.name == "podmem_growth_class" && $0.value == 1 && $0.key.labels["container"] == ""
            }
            .map { ($0.key.labels["pod"]!, $0.key.labels["class"]!) })
        XCTAssertEqual(
            verdicts,
            ["web-logger": "cache-driven", "api-leaky": "anon-driven", "db-steady": "stable", "report-cold": "stable"])
        let logger = ["namespace": "shop", "pod": "web-logger", "container": "", "qos": "burstable", "runtime": ""]
        XCTAssertNotNil(series[MetricSeries(name: "podmem_working_set_no_cache_bytes", labels: logger)])
        XCTAssertNil(series[MetricSeries(name: "podmem_limit_bytes", labels: logger)], "unlimited: no limit series")
        let steady = ["namespace": "infra", "pod": "db-steady", "container": "", "qos": "guaranteed", "runtime": ""]
        XCTAssertEqual(series[MetricSeries(name: "podmem_limit_bytes", labels: steady)], 512 * 1024 * 1024)
        XCTAssertTrue(series.keys.contains { $0.labels["container"] == "POD" }, "sandbox containers are labelled POD")
    }

    func testV2FixtureAndNodeMetrics() throws {
        let host = TempTree()
        host.write("proc/meminfo", "MemTotal: 16777216 kB\n")
        let (document, series) = try render(
            try CgroupSource.reading(FixturePaths.v2Real, hostRoot: host.path, logRoot: host.path), polls: 1)
        assertSeries(series, equal: ExpectedSeries.from(document))
        XCTAssertEqual(
            series[MetricSeries(name: "podmem_node_memory_total_bytes", labels: [:])], 16 * 1024 * 1024 * 1024)
        XCTAssertNotNil(series[MetricSeries(name: "podmem_node_available_bytes", labels: ["formula": "no_cache"])])
        XCTAssertEqual(
            series.filter { $0.key.name == "podmem_growth_class" && $0.value == 1 }.map(\.key.labels["class"]),
            ["unknown"],
            "one poll: the verdict is unknown, and it is the only class set to 1")
    }

    func testNullValuesExportNoSeriesNeverZero() throws {
        let tree = TempTree()
        tree.v1Cgroup("", usage: 1 << 20, stat: Self.stat)
        tree.v1Cgroup("kubepods/burstable/pod\(Self.uidA)", usage: 40960, stat: Self.stat)
        tree.write("kubepods/burstable/pod\(Self.uidA)/memory.stat", "\u{0}\u{1}garbage\n")
        let (document, series) = try render(try CgroupSource.reading(tree.path, logRoot: tree.path), polls: 1)
        assertSeries(series, equal: ExpectedSeries.from(document))
        let pod = ["namespace": "", "pod": Self.uidA, "container": "", "qos": "burstable", "runtime": ""]
        XCTAssertEqual(series[MetricSeries(name: "podmem_usage_bytes", labels: pod)], 40960)
        for name in ["podmem_working_set_bytes", "podmem_rss_bytes", "podmem_cache_share_ratio"] {
            XCTAssertNil(series[MetricSeries(name: name, labels: pod)], "\(name): unknown, so absent")
        }
        XCTAssertNil(
            series[MetricSeries(name: "podmem_node_memory_total_bytes", labels: [:])], "no /proc/meminfo: absent")
    }

    func testDemoNodeVerdictsAreOneHot() throws {
        let (document, series) = try render(DemoNode.makeSource(), polls: 20)
        assertSeries(series, equal: ExpectedSeries.from(document))
        var classes: [[String: String]: [String]] = [:]
        for (key, value) in series where key.name == "podmem_growth_class" {
            var labels = key.labels
            let growthClass = labels.removeValue(forKey: "class")!
            if value == 1 { classes[labels, default: []].append(growthClass) }
        }
        XCTAssertTrue(classes.values.allSatisfy { $0.count == 1 }, "\(classes)")
        XCTAssertTrue(
            Set(classes.values.joined()).isSuperset(of: ["cache-driven", "anon-driven", "stable"]), "\(classes)")
        let pods = Set(series.keys.compactMap { $0.labels["pod"] })
        XCTAssertEqual(pods.count, document.pods.count)
    }

    /// A pod removed between polls leaves no series, and churn does not grow the exposition or the history.
    func testDeletedPodsVanishAndChurnStaysBounded() async throws {
        let tree = TempTree()
        tree.v1Cgroup("", usage: 1 << 20, stat: Self.stat)
        tree.v1Cgroup("kubepods/burstable/pod\(Self.uidA)", usage: 40960, stat: Self.stat)
        tree.v1Cgroup("kubepods/burstable/pod\(Self.uidB)", usage: 20480, stat: Self.stat)
        let exposition = LatestExposition()
        let poller = ExpositionPoller(
            source: try CgroupSource.reading(tree.path, logRoot: tree.path), window: 300,
            intervalSeconds: 1, exposition: exposition)
        func exported() -> [MetricSeries: Double] {
            MetricSeries.parse(exposition: String(buffer: exposition.current!.bytes))
        }
        await poller.poll()
        XCTAssertEqual(Set(exported().keys.compactMap { $0.labels["pod"] }), [Self.uidA, Self.uidB])

        try FileManager.default.removeItem(atPath: tree.path + "/kubepods/burstable/pod\(Self.uidB)")
        await poller.poll()
        XCTAssertEqual(Set(exported().keys.compactMap { $0.labels["pod"] }), [Self.uidA])

        var sizes: Set<Int> = []
        for round in 0..<50 {
            let uid = String(format: "%08d-0000-0000-0000-000000000000", round)
            tree.v1Cgroup("kubepods/besteffort/pod\(uid)", usage: 4096, stat: Self.stat)
            await poller.poll()
            XCTAssertEqual(Set(exported().keys.compactMap { $0.labels["pod"] }), [Self.uidA, uid])
            sizes.insert(exported().count)
            try FileManager.default.removeItem(atPath: tree.path + "/kubepods/besteffort/pod\(uid)")
        }
        XCTAssertEqual(sizes.count, 1, "every round exports the same number of series: \(sizes)")

        // A value that becomes unknown takes its series with it; the others get the new values.
        tree.write("kubepods/burstable/pod\(Self.uidA)/memory.stat", "\u{0}garbage\n")
        tree.write("kubepods/burstable/pod\(Self.uidA)/memory.usage_in_bytes", "81920\n")
        await poller.poll()
        let podA = ["namespace": "", "pod": Self.uidA, "container": "", "qos": "burstable", "runtime": ""]
        XCTAssertNil(exported()[MetricSeries(name: "podmem_working_set_bytes", labels: podA)])
        XCTAssertEqual(exported()[MetricSeries(name: "podmem_usage_bytes", labels: podA)], 81920)
    }

    func testTwoCgroupsWithTheSameNamesExportTheLargerOnce() throws {
        let tree = TempTree()
        tree.v1Cgroup("", usage: 1 << 20, stat: Self.stat)
        tree.v1Cgroup("kubepods/burstable/pod\(Self.uidA)", usage: 40960, stat: Self.stat)
        tree.v1Cgroup("kubepods/burstable/pod\(Self.uidB)", usage: 81920, stat: Self.stat)
        tree.mkdir("log/pods/shop_web-0_\(Self.uidA)")
        tree.mkdir("log/pods/shop_web-0_\(Self.uidB)")
        let (_, series) = try render(try CgroupSource.reading(tree.path, logRoot: tree.path + "/log"), polls: 1)
        let web = ["namespace": "shop", "pod": "web-0", "container": "", "qos": "burstable", "runtime": ""]
        XCTAssertEqual(series[MetricSeries(name: "podmem_usage_bytes", labels: web)], 81920)
        XCTAssertEqual(series.keys.filter { $0.name == "podmem_usage_bytes" }.count, 1)
    }

    /// A docker and a podman container both named `web`, a systemd service and a containerd pod on one host:
    /// the `runtime` label keeps the two `web` apart (before it, one of them was dropped as a duplicate).
    func testRuntimeLabelKeepsContainersOfTheSameNameApart() throws {
        let dockerID = String(repeating: "d", count: 64)
        let podmanID = String(repeating: "e", count: 64)
        let containerdID = String(repeating: "c", count: 64)
        let tree = TempTree()
        tree.v1Cgroup("", usage: 1 << 20, stat: Self.stat)
        tree.v1Cgroup("docker/\(dockerID)", usage: 40960, stat: Self.stat)
        tree.v1Cgroup("machine.slice/libpod-\(podmanID).scope", usage: 81920, stat: Self.stat)
        tree.v1Cgroup("system.slice/cron.service", usage: 12288, stat: Self.stat)
        tree.v1Cgroup("kubepods/burstable/pod\(Self.uidA)", usage: 20480, stat: Self.stat)
        tree.v1Cgroup(
            "kubepods/burstable/pod\(Self.uidA)/cri-containerd-\(containerdID).scope", usage: 16384, stat: Self.stat)
        let host = TempTree()
        host.write("var/lib/docker/containers/\(dockerID)/config.v2.json", #"{"Name":"/web"}"#)
        host.write(
            "var/lib/containers/storage/overlay-containers/containers.json", #"[{"id":"\#(podmanID)","names":["web"]}]"#
        )
        let (document, series) = try render(
            try CgroupSource.reading(tree.path, hostRoot: host.path, logRoot: host.path), polls: 1)
        assertSeries(series, equal: ExpectedSeries.from(document))
        func usage(_ pod: String, container: String = "", qos: String = "", _ runtime: String) -> Double? {
            series[
                MetricSeries(
                    name: "podmem_usage_bytes",
                    labels: ["namespace": "", "pod": pod, "container": container, "qos": qos, "runtime": runtime])]
        }
        XCTAssertEqual(usage("web", "docker"), 40960)
        XCTAssertEqual(usage("web", "podman"), 81920)
        XCTAssertEqual(usage("cron.service", "systemd"), 12288)
        XCTAssertEqual(usage(Self.uidA, qos: "burstable", "containerd"), 20480, "a pod takes its containers' runtime")
        XCTAssertEqual(usage(Self.uidA, container: containerdID, qos: "burstable", "containerd"), 16384)
        XCTAssertEqual(series.keys.filter { $0.name == "podmem_usage_bytes" }.count, 5)
        XCTAssertTrue(
            series.keys.allSatisfy { $0.name.hasPrefix("podmem_node_") || $0.labels["runtime"] != nil },
            "every per-cgroup series has a runtime label")
    }

    func testListenAddressForms() {
        XCTAssertEqual(ListenAddress(parsing: ":9786"), ListenAddress(parsing: "0.0.0.0:9786"))
        XCTAssertEqual(ListenAddress(parsing: "127.0.0.1:0")?.description, "127.0.0.1:0")
        XCTAssertEqual(ListenAddress(parsing: "[::1]:9786")?.host, "::1")
        XCTAssertEqual(ListenAddress(parsing: "[::1]:9786")?.description, "[::1]:9786")
        XCTAssertEqual(ListenAddress(parsing: "localhost:80")?.port, 80)
        for bad in ["9786", "::1:9786", "host:", "host:65536", "host:-1", "host:http"] {
            XCTAssertNil(ListenAddress(parsing: bad), bad)
        }
        XCTAssertEqual(ListenAddress(parsing: ListenAddress.defaultValue)?.port, ListenAddress.defaultPort)
    }

    /// The text format's escapes in label values, one HELP and TYPE line per family, integers exact.
    func testLabelValuesAreEscapedAndFamiliesAreWholeOnce() throws {
        var (document, _) = try render(DemoNode.makeSource(), polls: 3)
        document.pods[0].namespace = "odd"
        document.pods[0].name = "a\"b\\c\nd"
        document.pods[0].memory[.limit] = 9_223_372_036_854_771_712
        let exposition = String(decoding: ExpositionRenderer().render(document), as: UTF8.self)
        let lines = exposition.split(separator: "\n")
        XCTAssertTrue(
            lines.contains {
                $0.hasPrefix(#"podmem_limit_bytes{namespace="odd",pod="a\"b\\c\nd",container="""#)
                    && $0.hasSuffix(" 9223372036854771712")
            },
            "label value escaped, a limit near 2^63 exact")
        for metric in ExportedMetric.all {
            XCTAssertEqual(lines.filter { $0 == "# TYPE \(metric.name) gauge" }.count, 1, metric.name)
            XCTAssertEqual(lines.filter { $0.hasPrefix("# HELP \(metric.name) ") }.count, 1, metric.name)
            // A family's samples follow its TYPE line without another family in between.
            let start = try XCTUnwrap(lines.firstIndex(of: "# TYPE \(metric.name) gauge"))
            let samples = lines.indices.filter {
                lines[$0].hasPrefix(metric.name + "{") || lines[$0].hasPrefix(metric.name + " ")
            }
            XCTAssertEqual(samples, Array(start + 1..<start + 1 + samples.count), metric.name)
        }
    }

    func testHelpTextsStateFormulas() {
        XCTAssertEqual(ExportedMetric.figure(.workingSet)?.help.contains("max(0, usage - inactive_file)"), true)
        XCTAssertEqual(
            ExportedMetric.figure(.workingSetNoCache)?.help.contains("max(0, usage - inactive_file - active_file)"),
            true)
        XCTAssertEqual(ExportedMetric.figure(.usage)?.help.contains("memory.usage_in_bytes"), true)
        XCTAssertEqual(ExportedMetric.figure(.usage)?.help.contains("memory.current"), true)
        XCTAssertTrue(ExportedMetric.all.allSatisfy { !$0.help.contains("\n") && $0.name.hasPrefix("podmem_") })
    }
}
