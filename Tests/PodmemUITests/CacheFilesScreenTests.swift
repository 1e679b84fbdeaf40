import Foundation
import PodmemCore
import XCTest

@testable import PodmemUI

/// The detail screen's "page cache by file" section over the demo node, whose web frontend's files come from a
/// simulated /proc through the real engine: the live log, the rotated log nginx still holds, the mapped index.
final class CacheFilesScreenTests: XCTestCase {
    private func run(
        _ steps: [ScriptedTerminal.Step], width: Int, height: Int, snapshotDirectory: String = "/nonexistent"
    ) -> App {
        let time = ManualTime()
        let terminal = ScriptedTerminal(width: width, height: height, time: time, steps: steps)
        let node = DemoNode()
        let monitor = Monitor(window: 300, intervalSeconds: 1, plan: HistoryPlan(rawCapacity: 301, intervalSeconds: 1))
        monitor.cacheFiles = node.makeCacheFileMonitor(limits: CacheFileLimits())
        let app = App(
            terminal: terminal, source: node, monitor: monitor, time: time, snapshotDirectory: snapshotDirectory)
        app.run()
        return app
    }

    private let openWebFrontend: [ScriptedTerminal.Step] = [
        .wait(3), .key(.character("/")), .key(.character("w")), .key(.character("e")), .key(.character("b")),
        .key(.enter),
        .key(.enter), .wait(1),
    ]

    func testDetailListsTheWebFrontendsFiles() throws {
        let app = run(openWebFrontend, width: 140, height: 40)
        guard case .detail = app.state.screen else { return XCTFail("not in detail") }
        let text = app.lastFrame.text
        XCTAssertTrue(text.contains("page cache by file: these files hold 9"), text)
        XCTAssertTrue(text.contains("CACHED  %LRU     DIRTY FILE"), text)
        let lines = text.split(separator: "\n").map(String.init)
        let log = try XCTUnwrap(
            lines.first { $0.contains("/var/log/nginx/access.log ") && $0.contains("[4242]") }, text)
        XCTAssertTrue(log.contains("nginx/nginx[4242] +1"), log)
        let rotated = try XCTUnwrap(lines.first { $0.contains("access.log.1 (deleted)") }, text)
        XCTAssertTrue(rotated.contains("nginx/nginx[4242]"), rotated)
        XCTAssertTrue(text.contains("/srv/geoip/GeoLite2-City.mmdb"), text)
        XCTAssertTrue(
            text.contains("mostly /var/log/nginx/access.log ("), "the cache-driven verdict names the top file: \(text)")
        // The section takes rows from the charts, never from the containers or the signals.
        XCTAssertTrue(text.contains("CONTAINER") && text.contains("file refaults"), text)
    }

    func testSmallTerminalKeepsTheCoverageLine() {
        let app = run(openWebFrontend, width: 80, height: 24)
        let text = app.lastFrame.text
        XCTAssertTrue(text.contains("page cache by file: these files hold"), text)
        // The verdict names the file and still reaches its conclusion: it takes the rows it needs at 80×24.
        let sentence = text.split(separator: "\n").prefix(5).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        XCTAssertTrue(
            sentence.contains("mostly /var/log/nginx/access.log (") && sentence.contains("reclaimable, not a leak."),
            text)
        XCTAssertTrue(
            text.split(separator: "\n").contains {
                $0.contains("/var/log/nginx/access.log ") && $0.contains("nginx/nginx[4242] +1")
            },
            "the path keeps its end at 80 columns: \(text)")
        XCTAssertTrue(text.contains("CONTAINER"), text)
    }

    func testListScreenScansNothingAndSnapshotCarriesTheDetailPodOnly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "podmem-cachefiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let onList = run([.wait(2)], width: 140, height: 30)
        XCTAssertFalse(
            onList.state.model?.pods.contains { $0.cacheFiles != nil } ?? true, "the list screen scanned files")
        _ = run(openWebFrontend + [.key(.character("s"))], width: 140, height: 40, snapshotDirectory: directory.path)
        let file = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: directory.path).first)
        let document = try SnapshotCodec.decode(Data(contentsOf: directory.appendingPathComponent(file)))
        let scanned = document.pods.filter { $0.cacheFiles != nil }
        XCTAssertEqual(scanned.map(\.name), ["web-frontend-7d9f8b6c5-x2kqp"])
        let files = try XCTUnwrap(scanned.first?.cacheFiles)
        XCTAssertEqual(files.first?.path, "/var/log/nginx/access.log")
        XCTAssertEqual(files.first { $0.deleted }?.path, "/var/log/nginx/access.log.1")
        XCTAssertEqual(files.first?.heldBy.map(\.comm), ["nginx", "fluent-bit"])
        XCTAssertGreaterThan(try XCTUnwrap(scanned.first?.cacheFilesCoverage), 0.9)
    }
}
