import XCTest

@testable import PodmemCore

final class ParserTests: XCTestCase {
    func bytes(_ text: String) -> ([UInt8], Int) { (Array(text.utf8), text.utf8.count) }

    func testSingleValue() {
        let (b, n) = bytes("371036160\n")
        XCTAssertEqual(try ByteParsing.singleValue(b, count: n).get(), 371_036_160)
        XCTAssertEqual(ByteParsing.singleValue(Array("".utf8), count: 0), .failure(.empty))
        XCTAssertEqual(ByteParsing.singleValue(Array("12ab".utf8), count: 4), .failure(.notANumber))
        XCTAssertEqual(ByteParsing.singleValue(Array("-1".utf8), count: 2), .failure(.negative))
        XCTAssertEqual(ByteParsing.singleValue(Array("18446744073709551616".utf8), count: 20), .failure(.implausible))
    }

    func testLimits() {
        XCTAssertEqual(ByteParsing.limit(Array("max\n".utf8), count: 4), .success(.unlimited))
        XCTAssertEqual(ByteParsing.limit(Array("9223372036854771712\n".utf8), count: 20), .success(.unlimited))
        XCTAssertEqual(ByteParsing.limit(Array("536870912\n".utf8), count: 10), .success(.bytes(536_870_912)))
        XCTAssertEqual(ByteParsing.limit(Array("4611686018427387904".utf8), count: 19), .success(.bytes(1 << 62)))
        XCTAssertEqual(ByteParsing.limit(Array("4611686018427387905".utf8), count: 19), .success(.unlimited))
    }

    func testKeyValuesPreferNewerSpelling() {
        let parser = KeyValueParser(keys: [["workingset_refault_file", "workingset_refault"], ["anon"]])
        var slots: [UInt64?] = []
        let (b, n) = bytes("workingset_refault 7\nanon 12\nworkingset_refault_file 9\n")
        XCTAssertNil(parser.parse(b, count: n, into: &slots))
        XCTAssertEqual(slots, [7, 12], "first spelling met wins; a kernel has only one of them")
    }

    func testMeminfoKilobytes() {
        let parser = KeyValueParser(keys: [["MemTotal"], ["MemFree"]])
        var slots: [UInt64?] = []
        let (b, n) = bytes("MemTotal:       24589440 kB\nMemFree:         1000 kB\nHugePages_Total:       0\n")
        XCTAssertNil(parser.parse(b, count: n, into: &slots))
        XCTAssertEqual(slots, [24_589_440 * 1024, 1000 * 1024])
    }

    func testGarbageLineReportsLineAndKeepsOthers() {
        var slots: [UInt64?] = []
        let (b, n) = bytes("anon 4096\nactive_file x12\ninactive_file 8192\n")
        let problem = MemoryStat.v2Parser.parse(b, count: n, into: &slots)
        XCTAssertEqual(problem?.line, 2)
        XCTAssertEqual(problem?.problem, .notANumber)
        let stat = MemoryStat(slots: slots)
        XCTAssertEqual(stat.rssBytes, 4096)
        XCTAssertNil(stat.activeFileBytes)
        XCTAssertEqual(stat.inactiveFileBytes, 8192)
    }

    func testV1UsesHierarchicalTotals() {
        var slots: [UInt64?] = []
        let (b, n) = bytes(
            "rss 1\nactive_file 2\ninactive_file 3\ntotal_rss 10\ntotal_active_file 20\ntotal_inactive_file 30\ntotal_shmem 40\n"
        )
        XCTAssertNil(MemoryStat.v1Parser.parse(b, count: n, into: &slots))
        let stat = MemoryStat(slots: slots)
        XCTAssertEqual(
            [stat.rssBytes, stat.activeFileBytes, stat.inactiveFileBytes, stat.shmemBytes], [10, 20, 30, 40])
    }

    func testPressure() {
        let (b, n) = bytes(
            "some avg10=1.50 avg60=0.25 avg300=0.00 total=1736583\nfull avg10=0.75 avg60=0.10 avg300=0.00 total=1677369\n"
        )
        XCTAssertEqual(
            PressureParser.parse(b, count: n),
            MemoryPressure(someAvg10: 1.5, someAvg60: 0.25, fullAvg10: 0.75, fullAvg60: 0.1))
        XCTAssertNil(PressureParser.parse(Array("nonsense".utf8), count: 8))
    }
}
