import Foundation
import PodmemTestSupport
import XCTest

/// `podmem --version`: the git description of the tree at build time, from Plugins/GitDescribe/git-describe.sh.
final class VersionTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let script = packageRoot + "/Plugins/GitDescribe/git-describe.sh"

    /// The binary this test runs was built by `swift build` from this tree: its describe names a commit of this
    /// repository's history (HEAD itself unless something was committed since the build), in describe's form.
    func testVersionNamesACommitOfThisTree() throws {
        let run = try CommandRun.podmem(["--version"])
        XCTAssertEqual(run.status, 0, run.stderr)
        guard try Self.git(["-C", Self.packageRoot, "rev-parse", "HEAD"]).status == 0 else {
            XCTAssertEqual(run.stdout, "podmem unknown (built outside a git checkout)\n")
            return
        }
        let line = run.stdout.trimmingCharacters(in: .newlines)
        XCTAssertTrue(line.hasPrefix("podmem "), line)
        var described = String(line.dropFirst("podmem ".count))
        if described.hasSuffix("-dirty") { described.removeLast("-dirty".count) }
        // <tag>-<n>-g<hash>, <hash> (no tags), or <tag> (at a tag).
        let commit =
            described.range(of: #"-g[0-9a-f]+$"#, options: .regularExpression).map {
                String(described[$0].dropFirst(2))
            }
            ?? described
        let resolved = try Self.git(["-C", Self.packageRoot, "rev-parse", "--verify", "--quiet", commit + "^{commit}"])
        XCTAssertEqual(resolved.status, 0, "\(line): \(commit) is no commit here")
        let ancestor = try Self.git([
            "-C", Self.packageRoot, "merge-base", "--is-ancestor",
            resolved.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "HEAD",
        ])
        XCTAssertEqual(ancestor.status, 0, "\(line): \(commit) is not in HEAD's history")
    }

    func testGeneratorOutsideGitSaysUnknown() throws {
        let tree = TempTree("podmem-version")
        XCTAssertEqual(try generate(in: tree.path), #"let gitDescribe = "unknown""#)
    }

    /// A clone without tags: the abbreviated commit; then a tag, a commit after it, and an edit (dirty).
    func testGeneratorFollowsCommitsTagsAndEdits() throws {
        let tree = TempTree("podmem-version")
        let git = { (arguments: [String]) throws -> String in
            let run = try Self.git(
                ["-C", tree.path, "-c", "user.name=t", "-c", "user.email=t@example.invalid"] + arguments)
            XCTAssertEqual(run.status, 0, run.stderr)
            return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        _ = try git(["init", "-q"])
        tree.write("file", "one\n")
        _ = try git(["add", "file"])
        _ = try git(["commit", "-q", "-m", "one"])
        let commit = try git(["rev-parse", "--short", "HEAD"])
        XCTAssertEqual(try generate(in: tree.path), #"let gitDescribe = "\#(commit)""#)
        _ = try git(["tag", "-a", "v1.0", "-m", "release 1.0"])  // describe names annotated tags only
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
