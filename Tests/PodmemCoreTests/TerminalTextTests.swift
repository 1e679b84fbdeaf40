import Foundation
import PodmemTestSupport
import XCTest

@testable import PodmemCore

/// What `TerminalText` lets through to a terminal and into JSON; HostileTextTests runs the binary on hostile names.
final class TerminalTextTests: XCTestCase {
    func testSanitizerReplacesEveryTerminalControlAndKeepsOtherText() {
        XCTAssertEqual(
            TerminalText.sanitized("a\u{1B}[31mb\u{9B}2Jc\nd\u{7F}e\u{202E}f\u{FFFD}g\th\u{85}i\u{2028}"),
            "a?[31mb?2Jc?d?e?f?g?h?i?")
        XCTAssertEqual(TerminalText.sanitized("café 日本 ns/web-0 ▁▂█"), "café 日本 ns/web-0 ▁▂█")
        for value in UInt32(0)...0x9F where !(0x20..<0x7F).contains(value) {
            XCTAssertEqual(
                TerminalText.sanitized("x\(Character(Unicode.Scalar(value)!))y"), "x?y", "U+\(String(value, radix: 16))"
            )
        }
    }

    func testJSONEscapesEveryControlCharacterAndDecodesToTheSameText() throws {
        var document = try XCTUnwrap(Monitor.polled(DemoNode(), count: 2).snapshot())
        let controls =
            (UInt32(0)..<0x20).map { Character(Unicode.Scalar($0)!) }
            + (UInt32(0x7F)...0x9F).map { Character(Unicode.Scalar($0)!) }
        document.host = String(controls)
        let bytes = TerminalText.jsonEscapingControls(Array(try SnapshotCodec.encode(document)))
        // Pretty-printed: the only raw control is the line feed between members.
        XCTAssertFalse(
            bytes.contains { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F }, "a raw C0 control or DEL in the JSON")
        XCTAssertFalse(
            zip(bytes, bytes.dropFirst()).contains { $0 == 0xC2 && (0x80...0x9F).contains($1) },
            "a raw C1 control in the JSON")
        XCTAssertEqual(try SnapshotCodec.decode(Data(bytes)).host, document.host)
    }
}
