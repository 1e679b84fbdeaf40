import Foundation
import XCTest

@testable import PodmemCore

/// The document writes every field, a nil one as `null`, without a hand-written list of keys to forget one in.
final class ExplicitNullEncodableTests: XCTestCase {
    private func object<T: Encodable>(_ value: T) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any])
    }

    private func labels(_ value: Any) -> Set<String> { Set(Mirror(reflecting: value).children.compactMap(\.label)) }

    func testUnknownGrowthWritesEveryFieldWithNulls() throws {
        let growth = SnapshotGrowth(Growth.unknown, summary: nil)
        let json = try object(growth)
        XCTAssertEqual(Set(json.keys), labels(growth))
        XCTAssertTrue(
            json["summary"] is NSNull && json["netBytes"] is NSNull && json["workingSetBytesPerSecond"] is NSNull)
        XCTAssertEqual(json["class"] as? String, "unknown")
        XCTAssertEqual(try JSONDecoder().decode(SnapshotGrowth.self, from: JSONEncoder().encode(growth)), growth)
    }

    func testSignalsAndNodeOfNothingReadAreAllNull() throws {
        let signals = MemorySignals(MemoryCounters())
        let json = try object(signals)
        XCTAssertEqual(Set(json.keys), labels(signals))
        XCTAssertTrue(json.values.allSatisfy { $0 is NSNull })
        let node = NodeFigures(memTotalBytes: nil, workingSetBytes: nil, workingSetNoCacheBytes: nil)
        XCTAssertEqual(
            Set(try object(node).keys),
            ["memTotalBytes", "workingSetBytes", "workingSetNoCacheBytes", "availableBytes", "availableNoCacheBytes"])
    }
}
