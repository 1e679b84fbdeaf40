import XCTest

@testable import PodmemCore

final class WorkingSetTests: XCTestCase {
    func testCadvisorWorkingSetFloorsAtZero() {
        XCTAssertEqual(WorkingSet.cadvisor(usage: 100, inactiveFile: 30), 70)
        XCTAssertEqual(WorkingSet.cadvisor(usage: 10, inactiveFile: 30), 0)
        XCTAssertNil(WorkingSet.cadvisor(usage: nil, inactiveFile: 30))
    }

    func testWorkingSetWithoutCacheSubtractsBothFileLists() {
        XCTAssertEqual(WorkingSet.withoutCache(usage: 100, inactiveFile: 30, activeFile: 50), 20)
        XCTAssertEqual(WorkingSet.withoutCache(usage: 70, inactiveFile: 30, activeFile: 50), 0)
        XCTAssertNil(WorkingSet.withoutCache(usage: 100, inactiveFile: 30, activeFile: nil))
    }

    func testCacheShareIsZeroForEmptyWorkingSet() {
        XCTAssertEqual(WorkingSet.cacheShare(workingSet: 0, workingSetNoCache: 0), 0)
        XCTAssertEqual(WorkingSet.cacheShare(workingSet: 100, workingSetNoCache: 25)!, 0.75, accuracy: 1e-12)
    }
}
