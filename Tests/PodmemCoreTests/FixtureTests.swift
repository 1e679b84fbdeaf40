import Foundation
import PodmemTestSupport
import XCTest

@testable import PodmemCore

/// Parsers and formulas against real kernel captures; expected values are computed here from the files
/// with a deliberately simple, independent reader.
final class FixtureTests: XCTestCase {
    private var hostRoot: TempTree!

    override func setUp() {
        hostRoot = TempTree("podmem-host")
        hostRoot.write("proc/meminfo", "MemTotal:       24589440 kB\nMemFree:         1000 kB\n")
    }

    /// XCTest keeps every test case instance until the process exits, so the tree goes here, not in deinit.
    override func tearDown() {
        hostRoot = nil
    }

    func source(_ capture: String) throws -> CgroupSource {
        try CgroupSource.reading(
            FixturePaths.v1Lab + "/" + capture, hostRoot: hostRoot.path,
            logRoot: FixturePaths.v1Lab + "/varlog", host: "lab")
    }

    func testV1CaptureNumbersEqualHandComputedOnes() throws {
        let fixture = try source("t0")
        let monitor = Monitor(window: nil, intervalSeconds: 1, historyCapacity: 10)
        monitor.ingest(fixture.sample(at: 1000))
        let document = try XCTUnwrap(monitor.snapshot())
        XCTAssertEqual(document.cgroupVersion, 1)
        XCTAssertEqual(document.pods.count, 4)
        XCTAssertEqual(document.warnings, [])
        for pod in document.pods {
            let dir = FixturePaths.v1Lab + "/t0/" + pod.cgroup
            let stat = FixturePaths.statFile(dir + "/memory.stat")
            let usage = FixturePaths.number(dir + "/memory.usage_in_bytes")
            let inactive = stat["total_inactive_file"]!
            let active = stat["total_active_file"]!
            XCTAssertEqual(pod.memory[.usage], usage)
            XCTAssertEqual(pod.memory[.rss], stat["total_rss"])
            XCTAssertEqual(pod.memory[.activeFile], active)
            XCTAssertEqual(pod.memory[.inactiveFile], inactive)
            XCTAssertEqual(pod.memory[.shmem], stat["total_shmem"])
            XCTAssertEqual(pod.memory[.mappedFile], stat["total_mapped_file"])
            XCTAssertNil(pod.memory[.kernel], "v1 has no kernel figure in memory.stat")
            XCTAssertEqual(pod.memory[.workingSet], usage > inactive ? usage - inactive : 0)
            XCTAssertEqual(pod.memory[.workingSetNoCache], usage > inactive + active ? usage - inactive - active : 0)
            for container in pod.containers {
                let containerDir = FixturePaths.v1Lab + "/t0/" + container.cgroup
                let containerStat = FixturePaths.statFile(containerDir + "/memory.stat")
                let containerUsage = FixturePaths.number(containerDir + "/memory.usage_in_bytes")
                XCTAssertEqual(
                    container.memory[.workingSet],
                    containerUsage - min(containerUsage, containerStat["total_inactive_file"]!))
            }
        }
        let root = FixturePaths.statFile(FixturePaths.v1Lab + "/t0/memory.stat")
        let rootUsage = FixturePaths.number(FixturePaths.v1Lab + "/t0/memory.usage_in_bytes")
        XCTAssertEqual(document.node.memTotalBytes, 24_589_440 * 1024)
        XCTAssertEqual(document.node.workingSetBytes, rootUsage - root["total_inactive_file"]!)
        XCTAssertEqual(document.node.availableBytes, 24_589_440 * 1024 - (rootUsage - root["total_inactive_file"]!))
        XCTAssertEqual(
            document.node.availableNoCacheBytes,
            24_589_440 * 1024 - (rootUsage - root["total_inactive_file"]! - root["total_active_file"]!))
    }

    func testV1CaptureNamesQoSLimitsAndSandboxes() throws {
        let fixture = try source("t0")
        let monitor = Monitor(window: nil, intervalSeconds: 1, historyCapacity: 10)
        monitor.ingest(fixture.sample(at: 1000))
        let pods = Dictionary(
            uniqueKeysWithValues: try XCTUnwrap(monitor.snapshot()).pods.map { ("\($0.namespace!)/\($0.name!)", $0) })
        XCTAssertEqual(Set(pods.keys), ["shop/web-logger", "shop/api-leaky", "infra/db-steady", "batch/report-cold"])
        XCTAssertEqual(pods["infra/db-steady"]?.qos, .guaranteed)
        XCTAssertEqual(pods["batch/report-cold"]?.qos, .besteffort)
        XCTAssertEqual(pods["shop/web-logger"]?.qos, .burstable)
        XCTAssertEqual(pods["infra/db-steady"]?.memory[.limit], 536_870_912)
        XCTAssertNil(pods["shop/web-logger"]?.memory[.limit], "9223372036854771712 means unlimited")
        XCTAssertEqual(pods["shop/web-logger"]?.uid, "4c9f7a27-dcaf-5261-a79a-767d6cf188b5")
        let logger = try XCTUnwrap(pods["shop/web-logger"])
        XCTAssertEqual(logger.containers.count, 2)
        let app = try XCTUnwrap(logger.containers.first { !$0.sandbox })
        XCTAssertEqual(app.name, "app")
        XCTAssertEqual(app.id, "98099fe80a5dee4db6b34c3cbffd4c44618766b750477cba444ca1ffbdd08605")
        let sandbox = try XCTUnwrap(logger.containers.first { $0.sandbox })
        XCTAssertNil(sandbox.name)
        XCTAssertNotNil(sandbox.memory[.usage], "the sandbox keeps its memory")
    }

    /// t0…t5, about a second apart, replayed as one run: the verdicts the fixture README lists.
    func testV1SeriesVerdicts() throws {
        let series = FixtureSeriesSource(sources: try (0...5).map { try source("t\($0)") })
        let monitor = Monitor(window: nil, intervalSeconds: 1, historyCapacity: 10)
        for step in 0...5 { monitor.ingest(series.sample(at: 1000 + Double(step))) }
        let document = try XCTUnwrap(monitor.snapshot())
        let verdicts = Dictionary(uniqueKeysWithValues: document.pods.map { ($0.name!, $0.growth.class.rawValue) })
        XCTAssertEqual(
            verdicts,
            ["web-logger": "cache-driven", "api-leaky": "anon-driven", "db-steady": "stable", "report-cold": "stable"])
        let logger = try XCTUnwrap(document.pods.first { $0.name == "web-logger" })
        XCTAssertGreaterThan(logger.growth.activeFileBytesPerSecond!, 4 * 1024 * 1024)
        XCTAssertLessThan(abs(logger.growth.rssBytesPerSecond!), 1024 * 1024)
        XCTAssertEqual(logger.history.t.count, 6)
        let leaky = try XCTUnwrap(document.pods.first { $0.name == "api-leaky" })
        XCTAssertGreaterThan(leaky.growth.rssBytesPerSecond!, 4 * 1024 * 1024)
        XCTAssertGreaterThan(
            document.pods.first { $0.name == "report-cold" }!.memory[.inactiveFile]!, 90 * 1024 * 1024)
    }

    func testV2RealCaptureAsRootWorkload() throws {
        let source = try CgroupSource.reading(
            FixturePaths.v2Real, hostRoot: hostRoot.path, logRoot: hostRoot.path, host: "pod-x")
        XCTAssertEqual(source.hierarchy.version, .v2)
        let monitor = Monitor(window: nil, intervalSeconds: 1, historyCapacity: 10)
        monitor.ingest(source.sample(at: 1))
        let document = try XCTUnwrap(monitor.snapshot())
        XCTAssertEqual(document.pods.count, 1)
        let pod = document.pods[0]
        XCTAssertEqual(pod.kind, .cgroup)
        XCTAssertEqual(pod.cgroup, ".")
        let stat = FixturePaths.statFile(FixturePaths.v2Real + "/memory.stat")
        let current = FixturePaths.number(FixturePaths.v2Real + "/memory.current")
        XCTAssertEqual(pod.memory[.usage], current)
        XCTAssertEqual(pod.memory[.rss], stat["anon"])
        XCTAssertEqual(pod.memory[.kernel], stat["kernel"])
        XCTAssertEqual(pod.memory[.mappedFile], stat["file_mapped"])
        XCTAssertEqual(pod.memory[.workingSet], current - stat["inactive_file"]!)
        XCTAssertEqual(pod.memory[.workingSetNoCache], current - stat["inactive_file"]! - stat["active_file"]!)
        XCTAssertNil(pod.memory[.limit], "memory.max is max")
        XCTAssertEqual(pod.signals.workingsetRefaultFile, 450515)
        XCTAssertEqual(pod.signals.oomKillEvents, 0)
        XCTAssertEqual(pod.signals.pressureSomeAvg10, 0)
        XCTAssertEqual(
            pod.cacheShare!, Double(stat["active_file"]!) / Double(current - stat["inactive_file"]!), accuracy: 1e-9)
    }
}
