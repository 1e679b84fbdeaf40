import Foundation
import XCTest

/// The release binary as shipped (`scripts/build-release`, which `make release` runs): it needs only glibc ≥ 2.34's
/// files and libgcc_s, and it works in a root that holds nothing else but ncurses-base's `/lib/terminfo` — no
/// libncursesw, no libtinfo, no Swift. scripts/test builds that binary (`.build/release/podmem`; PODMEM_RELEASE_BINARY
/// names another); without it these tests skip.
final class StaticBinaryTests: XCTestCase {
    /// The sonames a minimal node must provide: glibc's loader, libc and libm, and libgcc_s (static libgcc would need
    /// `_dl_find_object@GLIBC_2.35`). The kernel's vDSO is listed by ldd but is no file.
    static let allowedLibraries: Set<String> = [
        "linux-vdso.so.1", "libc.so.6", "libm.so.6", "libgcc_s.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1",
    ]
    static let glibcFloor = [2, 34]

    private var scratch: URL?

    override func tearDown() {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
        scratch = nil
        super.tearDown()
    }

    func testLinksOnlyGlibcAndLibgccAndNeedsNoGlibcNewerThan234() throws {
        let binary = try Self.releaseBinary()
        let libraries = try Self.linkedLibraries(binary)
        XCTAssertTrue(libraries.keys.contains("libc.so.6"), "\(libraries)")
        XCTAssertTrue(
            Set(libraries.keys).isSubset(of: Self.allowedLibraries),
            "needs more than glibc and libgcc_s: \(Set(libraries.keys).subtracting(Self.allowedLibraries))")

        let symbols = try Self.output(["/usr/bin/objdump", "-T", binary])
        let versions = Self.glibcVersions(in: symbols)
        XCTAssertFalse(versions.isEmpty, "objdump -T shows no GLIBC_ versions:\n\(symbols.prefix(2000))")
        let tooNew = symbols.split(separator: "\n").filter { line in
            Self.glibcVersions(in: String(line)).contains { Self.glibcFloor.lexicographicallyPrecedes($0) }
        }
        XCTAssertTrue(tooNew.isEmpty, "symbols newer than glibc 2.34:\n" + tooNew.joined(separator: "\n"))
        // The definitions that pin hypotf and replace arc4random are hidden: an exported hypotf would satisfy its own
        // versioned import and call itself forever.
        let lines = symbols.split(separator: "\n")
        XCTAssertFalse(
            lines.contains { !$0.contains("*UND*") && ($0.hasSuffix(" hypotf") || $0.hasSuffix(" arc4random")) },
            "hypotf or arc4random exported by the executable")
    }

    func testRunsInAMinimalRootWithOnlyGlibcAndTerminfo() throws {
        let binary = try Self.releaseBinary()
        guard getuid() == 0 else { throw XCTSkip("needs root for chroot and a private /proc mount") }
        for tool in ["/usr/sbin/chroot", "/usr/bin/unshare", "/usr/bin/strace", "/usr/bin/timeout"]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            throw XCTSkip("\(tool) is not installed (scripts/deps --test installs it)")
        }
        guard TmuxSession.executable != nil else {
            throw XCTSkip("tmux is not installed (scripts/deps --test installs it)")
        }
        guard FileManager.default.fileExists(atPath: "/lib/terminfo/x/xterm-256color") else {
            throw XCTSkip("no /lib/terminfo from ncurses-base")
        }
        let root = try makeRoot(binary: binary)

        let everything = try FileManager.default.subpathsOfDirectory(atPath: root).filter {
            !$0.hasPrefix("lib/terminfo")
        }
        XCTAssertFalse(
            everything.contains { $0.contains("ncurses") || $0.contains("tinfo") || $0.contains("swift") },
            "\(everything)")

        // Batch JSON, traced: not one path containing "terminfo" is touched although TERM is set.
        let batch = try traced(root, ["--demo", "--batch", "--json", "-n", "3", "-d", "0.2"])
        XCTAssertEqual(batch.run.status, 0, batch.run.stderr)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(batch.run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(document["schema"] as? String, "podmem.snapshot/1")
        let pods = try XCTUnwrap(document["pods"] as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(pods.count, 10)
        XCTAssertTrue(
            pods.allSatisfy { (($0["memory"] as? [String: Any])?["workingSetBytes"] as? Int ?? -1) > 0 },
            "\(pods.first ?? [:])")
        XCTAssertTrue(
            batch.trace.contains(#"execve("/podmem""#),
            "the trace must cover podmem itself:\n\(batch.trace.suffix(2000))")
        XCTAssertFalse(batch.trace.contains("terminfo"), batch.trace)

        let version = try traced(root, ["--version"])
        XCTAssertEqual(version.run.status, 0, version.run.stderr)
        XCTAssertTrue(version.run.stdout.hasPrefix("podmem "), version.run.stdout)

        // record, then report on that recording (the file is inside the root's /tmp).
        let record = try traced(
            root, ["record", "-o", "/tmp/demo.recording", "--demo", "-d", "0.2", "--duration", "1"])
        XCTAssertEqual(record.run.status, 0, record.run.stderr)
        XCTAssertFalse(record.trace.contains("terminfo"), record.trace)
        let report = try traced(root, ["report", "/tmp/demo.recording"])
        XCTAssertEqual(report.run.status, 0, report.run.stderr)
        XCTAssertTrue(report.run.stdout.contains("infra/postgres-0"), report.run.stdout)
        XCTAssertFalse(report.trace.contains("terminfo"), report.trace)

        try checkServe(root)
        try checkScreen(root)
        try checkTerminfoLocations(root)
    }

    // MARK: - Steps

    /// `serve --demo` in the root answers /metrics and /healthz on loopback, stops on SIGTERM with 0, and never
    /// touches terminfo.
    private func checkServe(_ root: String) throws {
        let directory = try scratchDirectory()
        let log = directory.appendingPathComponent("serve.trace").path
        let errors = directory.appendingPathComponent("serve.stderr")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        // timeout bounds the run should the test die, and passes our SIGTERM on to podmem.
        process.arguments =
            ["-f", "-qq", "-e", "trace=%file", "-o", log, "/usr/bin/timeout", "-s", "TERM", "60"]
            + Self.inRoot(root, ["serve", "--demo", "--listen", "127.0.0.1:0", "-d", "1"])
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }

        var address: String?
        var metrics = ""
        let deadline = Date(timeIntervalSinceNow: 30)
        while Date() < deadline && process.isRunning {
            let text = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            if address == nil {
                address = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression).map {
                    String(text[$0])
                }
            }
            if let address, let reply = try? HTTPFetch.get(address + "/metrics", timeout: 2), reply.status == 200,
                reply.text.contains("podmem_working_set_bytes{")
            {
                metrics = reply.text
                break
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        let served = try XCTUnwrap(address, "serve reported no address: \(stderr)")
        XCTAssertTrue(
            metrics.contains(#"podmem_working_set_bytes{namespace="infra",pod="postgres-0""#),
            "\(served): \(metrics.prefix(3000))\n\(stderr)")
        XCTAssertEqual(try HTTPFetch.get(served + "/healthz").status, 200)

        // strace → timeout → (unshare, sh, env, chroot exec in place) podmem: timeout forwards the TERM.
        let timeoutProcess = try XCTUnwrap(
            Self.children(of: process.processIdentifier).first, "no timeout process under strace")
        kill(timeoutProcess, SIGTERM)
        let stopDeadline = Date(timeIntervalSinceNow: 15)
        while process.isRunning && Date() < stopDeadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertFalse(process.isRunning, "serve did not stop on SIGTERM")
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "serve's exit status (through timeout and strace)")
        let trace = try String(contentsOfFile: log, encoding: .utf8)
        XCTAssertTrue(trace.contains(#"execve("/podmem""#), String(trace.suffix(2000)))
        XCTAssertFalse(trace.contains("terminfo"), trace)
    }

    /// The live screen in tmux with ncurses-base's /lib/terminfo: rows, keys (detail and back), q, terminal restored.
    /// Traced, so the trace also shows the terminfo entry was read from there (and that a trace would see it).
    private func checkScreen(_ root: String) throws {
        let log = try scratchDirectory().appendingPathComponent("screen.trace").path
        let session = try TmuxSession(
            ["/usr/bin/strace", "-f", "-qq", "-e", "trace=%file", "-o", log]
                + Self.inRoot(root, ["--demo", "-d", "0.5"], environment: ["TERM=xterm-256color", "LANG=C.UTF-8"]),
            width: 160, height: 40)
        defer { session.kill() }
        try session.waitFor("pod rows") { $0.contains("infra/postgres-0") && $0.contains("NAME") }
        XCTAssertEqual(try session.format("#{alternate_on}"), "1")
        try session.sendKeys("Enter")
        try session.waitFor("a pod's detail") { $0.contains("CONTAINER") }
        try session.sendKeys("Escape")
        try session.waitFor("the list again") { $0.contains("infra/postgres-0") && !$0.contains("CONTAINER") }
        try session.sendKeys("q")
        let screen = try session.waitFor("exit and tty check") {
            $0.contains(TmuxSession.ttyRestored) || $0.contains(TmuxSession.ttyChanged)
        }
        XCTAssertTrue(screen.contains(TmuxSession.exitMarker + "0"), screen)
        XCTAssertTrue(screen.contains(TmuxSession.ttyRestored), screen)
        XCTAssertEqual(try session.format("alternate=#{alternate_on} cursor=#{cursor_flag}"), "alternate=0 cursor=1")
        let trace = try String(contentsOfFile: log, encoding: .utf8)
        XCTAssertTrue(trace.contains(#""/lib/terminfo/x/xterm-256color", O_RDONLY"#), String(trace.suffix(3000)))
    }

    /// The database where other distributions keep it, or named by TERMINFO / TERMINFO_DIRS; with none, one line
    /// that says what to set, exit 1, and the terminal as it was.
    private func checkTerminfoLocations(_ root: String) throws {
        var current = root + "/lib/terminfo"
        let places: [(directory: String, environment: [String])] = [
            ("/usr/share/terminfo", []), ("/etc/terminfo", []),
            ("/opt/terminfo", ["TERMINFO_DIRS=/opt/terminfo"]),
            ("/opt/podmem-terminfo", ["TERMINFO=/opt/podmem-terminfo"]),
        ]
        for place in places {
            let target = root + place.directory
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.moveItem(atPath: current, toPath: target)
            current = target
            let status = try screenExitStatus(
                root, environment: ["TERM=xterm-256color"] + place.environment, expecting: "infra/postgres-0")
            XCTAssertEqual(status.code, 0, "terminfo at \(place.directory) \(place.environment):\n\(status.screen)")
            XCTAssertTrue(status.screen.contains(TmuxSession.ttyRestored), status.screen)
        }
        try FileManager.default.removeItem(atPath: current)
        let missing = try screenExitStatus(root, environment: ["TERM=xterm-256color"], expecting: nil)
        XCTAssertEqual(missing.code, 1, missing.screen)
        XCTAssertTrue(
            missing.screen.contains("podmem: no terminfo entry for TERM=xterm-256color (searched $TERMINFO"),
            missing.screen)
        XCTAssertTrue(missing.screen.contains("point TERMINFO_DIRS at a terminfo directory"), missing.screen)
        XCTAssertTrue(missing.screen.contains(TmuxSession.ttyRestored), missing.screen)
        XCTAssertEqual(try missing.session.format("#{alternate_on}"), "0")
    }

    /// Runs the screen in a wide pane (the one-line error fits unwrapped); with `expecting`, quits with q once that
    /// text shows. Returns podmem's exit status and the final pane.
    private func screenExitStatus(_ root: String, environment: [String], expecting: String?) throws
        -> (code: Int?, screen: String, session: TmuxSession)
    {
        let session = try TmuxSession(
            Self.inRoot(root, ["--demo", "-d", "0.5"], environment: environment), width: 500, height: 30)
        addTeardownBlock { session.kill() }
        if let expecting {
            try session.waitFor(expecting) { $0.contains(expecting) }
            try session.sendKeys("q")
        }
        let screen = try session.waitFor("exit and tty check") {
            $0.contains(TmuxSession.ttyRestored) || $0.contains(TmuxSession.ttyChanged)
        }
        let code = screen.split(separator: "\n").first { $0.hasPrefix(TmuxSession.exitMarker) }
            .flatMap { Int($0.dropFirst(TmuxSession.exitMarker.count)) }
        return (code, screen, session)
    }

    // MARK: - Helpers

    /// PODMEM_RELEASE_BINARY if set, else `.build/release/podmem`; a skip when it is not there.
    static func releaseBinary() throws -> String {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let path =
            ProcessInfo.processInfo.environment["PODMEM_RELEASE_BINARY"] ?? packageRoot + "/.build/release/podmem"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw XCTSkip("no release binary at \(path): scripts/build-release builds it (scripts/test does)")
        }
        return path
    }

    /// ldd's list as soname → resolved file (nil for the vDSO).
    static func linkedLibraries(_ binary: String) throws -> [String: String?] {
        var libraries: [String: String?] = [:]
        for line in try output(["/usr/bin/ldd", binary]).split(separator: "\n") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let first = words.first else { continue }
            let name = (first as NSString).lastPathComponent
            if words.count >= 3, words[1] == "=>" {
                libraries[name] = words[2].hasPrefix("/") ? words[2] : nil
            } else {
                libraries[name] = first.hasPrefix("/") ? first : nil
            }
        }
        return libraries
    }

    /// Every `GLIBC_x.y[.z]` in objdump's output.
    static func glibcVersions(in symbols: String) -> [[Int]] {
        let pattern = try! NSRegularExpression(pattern: #"GLIBC_([0-9]+(?:\.[0-9]+)+)"#)
        let range = NSRange(symbols.startIndex..., in: symbols)
        return pattern.matches(in: symbols, range: range).map { match in
            symbols[Range(match.range(at: 1), in: symbols)!].split(separator: ".").map { Int($0)! }
        }
    }

    /// argv that runs podmem in `root` with a clean environment: a private mount namespace mounts the root's /proc
    /// (without it the static Swift runtime sees no arguments; every node and container has one) and goes
    /// away with the command, so nothing stays mounted.
    static func inRoot(_ root: String, _ arguments: [String], environment: [String] = ["TERM=xterm-256color"])
        -> [String]
    {
        [
            "/usr/bin/unshare", "-m", "--propagation", "private", "/bin/sh", "-c",
            #"mount -t proc proc "$0/proc" && exec /usr/bin/env -i "$@""#, root,
        ]
            + environment + ["/usr/sbin/chroot", root, "/podmem"] + arguments
    }

    /// A root holding the binary as /podmem, each file ldd resolves at its own path, ncurses-base's /lib/terminfo,
    /// an empty /proc (mounted per run) and /tmp.
    private func makeRoot(binary: String) throws -> String {
        let root = try scratchDirectory().appendingPathComponent("root").path
        let files = FileManager.default
        for directory in ["proc", "tmp", "lib"] {
            try files.createDirectory(atPath: root + "/" + directory, withIntermediateDirectories: true)
        }
        try Self.copyFile(binary, to: root + "/podmem")
        for case let path? in try Self.linkedLibraries(binary).values {
            try files.createDirectory(
                atPath: root + (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Self.copyFile(path, to: root + path)
        }
        try files.copyItem(atPath: "/lib/terminfo", toPath: root + "/lib/terminfo")
        return root
    }

    /// Copies the file a path resolves to (libraries are symlinks), executable.
    private static func copyFile(_ source: String, to destination: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: source).resolvingSymlinksInPath())
        try data.write(to: URL(fileURLWithPath: destination))
        chmod(destination, 0o755)
    }

    private func scratchDirectory() throws -> URL {
        if let scratch { return scratch }
        let directory = URL(fileURLWithPath: "/tmp/podmem-static-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        scratch = directory
        return directory
    }

    /// podmem in `root` under `strace -e trace=%file`: its run and the trace.
    private func traced(_ root: String, _ arguments: [String]) throws -> (run: CommandRun, trace: String) {
        let log = try scratchDirectory().appendingPathComponent("trace-\(UUID().uuidString.prefix(8))").path
        let run = try CommandRun.run(
            URL(fileURLWithPath: "/usr/bin/strace"),
            ["-f", "-qq", "-e", "trace=%file", "-o", log] + Self.inRoot(root, arguments))
        return (run, try String(contentsOfFile: log, encoding: .utf8))
    }

    static func output(_ argv: [String]) throws -> String {
        let run = try CommandRun.run(URL(fileURLWithPath: argv[0]), Array(argv.dropFirst()))
        guard run.status == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(argv): \(run.stderr)"])
        }
        return run.stdout
    }

    /// Processes whose parent is `parent`, from /proc/<pid>/stat.
    static func children(of parent: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(pid_t.init).filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == parent
        }
    }
}
