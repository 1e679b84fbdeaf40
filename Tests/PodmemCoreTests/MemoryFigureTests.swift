import Foundation
import XCTest

@testable import PodmemCore

/// The figure catalogue and the `memory.stat` slot table: each entry reaches every output it names.
final class MemoryFigureTests: XCTestCase {
    func testEveryStatSlotSurvivesTheRecordingFields() {
        var stat = MemoryStat()
        for (index, slot) in MemoryStat.slots.enumerated() { stat[keyPath: slot.field] = UInt64(1000 + index) }
        let decoded = CounterFields.counters(CounterFields.fields(MemoryCounters(usageBytes: 1, stat: stat)))
        XCTAssertEqual(decoded.stat, stat, "a slot the recording does not hold needs a new recording version")
        XCTAssertEqual(MemoryStat(slots: stat.slotValues), stat)
    }

    func testStatKeysFillTheirOwnSlots() {
        for (version, parser, keys) in [
            ("v1", MemoryStat.v1Parser, MemoryStat.slots.map(\.v1)),
            ("v2", MemoryStat.v2Parser, MemoryStat.slots.map(\.v2)),
        ] {
            let text = keys.enumerated().compactMap { index, spellings in
                spellings.first.map { "\($0) \(100 + index)\n" }
            }.joined()
            var values: [UInt64?] = []
            XCTAssertNil(parser.parse(Array(text.utf8), count: text.utf8.count, into: &values), version)
            let stat = MemoryStat(slots: values)
            for (index, slot) in MemoryStat.slots.enumerated() {
                XCTAssertEqual(
                    stat[keyPath: slot.field], keys[index].isEmpty ? nil : UInt64(100 + index),
                    "\(version) slot \(index)")
            }
        }
    }

    func testCatalogueNamesAreUnique() {
        let all = MemoryFigure.all
        for names in [
            all.map(\.jsonKey), all.compactMap(\.metricName), all.compactMap(\.column?.title),
            all.compactMap(\.trend?.shortTitle), all.compactMap(\.growthRate?.metricComponent),
        ] {
            XCTAssertEqual(Set(names).count, names.count, "\(names)")
        }
        XCTAssertTrue(all.allSatisfy { $0.unit == "bytes" && !$0.source.contains("\n") && !$0.longTitle.isEmpty })
        XCTAssertTrue(MemoryFigure.trends.allSatisfy { $0.history != nil }, "a chart needs a history series")
    }

    /// Each figure's value lands in the document under its own key, as a number, and a missing one as explicit null.
    func testDocumentMemoryHoldsEveryFigureUnderItsKey() throws {
        // Every stat slot read, each a different number of MiB (1…13) below a usage of 100 MiB.
        let stat = MemoryStat(slots: MemoryStat.slots.indices.map { UInt64($0 + 1) << 20 })
        let figures = MemoryFigures(MemoryCounters(usageBytes: 100 << 20, stat: stat, limit: .bytes(512 << 20)))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(figures)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), Set(MemoryFigure.all.map(\.jsonKey)))
        for figure in MemoryFigure.all {
            let expected = try XCTUnwrap(figures[figure], "\(figure)")
            XCTAssertEqual((object[figure.jsonKey] as? NSNumber)?.uint64Value, expected, "\(figure)")
        }
        XCTAssertEqual(try JSONDecoder().decode(MemoryFigures.self, from: JSONEncoder().encode(figures)), figures)

        let unknown = MemoryFigures(MemoryCounters())
        let nulls = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(unknown)) as? [String: Any])
        XCTAssertEqual(Set(nulls.keys), Set(MemoryFigure.all.map(\.jsonKey)), "unknown figures are explicit nulls")
        XCTAssertTrue(nulls.values.allSatisfy { $0 is NSNull })
    }

    /// %LIM is one computation for the list, the sort and the batch table: a zero limit gives no percentage.
    func testLimitFractionNeedsALimitAboveZero() {
        func fraction(_ limit: MemoryLimit?) -> Double? {
            var stat = MemoryStat()
            stat.inactiveFileBytes = 0
            return MemoryFigures(MemoryCounters(usageBytes: 256 << 20, stat: stat, limit: limit)).limitFraction
        }
        XCTAssertEqual(fraction(.bytes(512 << 20)), 0.5)
        XCTAssertNil(fraction(.bytes(0)))
        XCTAssertNil(fraction(.unlimited))
        XCTAssertNil(fraction(nil))
    }
}
