import XCTest

@testable import PodmemUI

/// Only an unset locale tries C.UTF-8; LC_ALL beats LC_CTYPE beats LANG, and an empty variable is unset.
final class LocaleRequestTests: XCTestCase {
    func testPrecedenceAndWhenToTryUTF8() {
        let cases: [([String: String], String?, Bool)] = [
            ([:], nil, true),
            (["LANG": ""], nil, true),
            (["LANG": "C"], "C", false),
            (["LC_ALL": "POSIX"], "POSIX", false),
            (["LANG": "C.UTF-8", "LC_ALL": "C"], "C", false),
            (["LANG": "C", "LC_CTYPE": "C.UTF-8"], "C.UTF-8", false),
            (["LC_ALL": "", "LC_CTYPE": "", "LANG": "en_US.UTF-8"], "en_US.UTF-8", false),
        ]
        for (environment, setting, tries) in cases {
            XCTAssertEqual(LocaleRequest.characterTypeSetting(environment), setting, "\(environment)")
            XCTAssertEqual(LocaleRequest.shouldTryUTF8(environment), tries, "\(environment)")
        }
    }
}
