import Foundation
import XCTest

/// `podmem --version`: the git description of the tree at build time, from Plugins/GitDescribe/git-describe.sh.
final class VersionTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let script = packageRoot + "/Plugins/GitDescribe/git-describe.sh"

    /// The binary this test runs was built by the same `swift build` from this tree, so it carries today's describe.
    func testVersionIsTheTreesGitDescribe() throws {
        let run = try CommandRun.podmem(["--version"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let described = try Self.git(["-C", Self.packageRoot, "describe", "--always", "--dirty"])
        if described.status == 0 {
            XCTAssertEqual(run.stdout, "podmem \(described.stdout)")
        } else {
            XCTAssertEqual(run.stdout, "podmem unknown (built outside a git checkout)\n")
        }
    }

    func testGeneratorOutsideGitSaysUnknown() throws {
        let tree = TempTree("podmem-version")
        XCTAssertEqual(try generate(in: tree.path), #"let gitDescribe = "unknown""#)
    }

    /// A clone without tags: the abbreviated commit; then a tag, a commit after it, and an edit (dirty).
    func testGeneratorFollowsCommitsTagsAndEdits() throws {
        let tree = TempTree("podmem-version")
        let git = { (arguments: [String]) throws -> String in
            let run = try Self.git(["-C", tree.path, "-c", "user.name=t", "-c", "user.email=t@example.invalid"] + arguments)
            XCTAssertEqual(run.status, 0, run.stderr)
            return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        _ = try git(["init", "-q"])
        tree.write("file", "one\n")
        _ = try git(["add", "file"])
        _ = try git(["commit", "-q", "-m", "one"])
        let commit = try git(["rev-parse", "--short", "HEAD"])
        XCTAssertEqual(try generate(in: tree.path), #"let gitDescribe = "\#(commit)""#)
        _ = try git(["tag", "-a", "v1.0", "-m", "release 1.0"]) // describe names annotated tags only
        XCTAssertEqual(try generate(in: tree.path), #"let gitDescribe = "v1.0""#)
        tree.write("file", "two\n")
        XCTAssertEqual(try generate(in: tree.path), #"let gitDescribe = "v1.0-dirty""#)
        _ = try git(["commit", "-q", "-am", "two"])
        let next = try git(["rev-parse", "--short", "HEAD"])
        XCTAssertEqual(try generate(in: tree.path), #"let gitDescribe = "v1.0-1-g\#(next)""#)
    }

    /// Runs the generator for `directory` into a file outside it and returns the file's `let` line.
    private func generate(in directory: String) throws -> String {
        let output = TempTree("podmem-version-out")
        let file = output.path + "/GitDescribe.swift"
        let run = try CommandRun.run(URL(fileURLWithPath: "/bin/sh"), [Self.script, directory, file])
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        return text.split(separator: "\n").first { $0.hasPrefix("let ") }.map(String.init) ?? text
    }

    private static func git(_ arguments: [String]) throws -> CommandRun {
        try CommandRun.run(URL(fileURLWithPath: "/usr/bin/git"), arguments)
    }
}
