import Foundation
import PodmemTestSupport
import XCTest

/// The real `podmem` binary in a real terminal (a detached tmux pane): what a user sees and types, from the
/// curses backend's locale, colors and key decoding to the terminal being restored on every way out.
/// Every wait polls the pane until the expected text appears (no fixed sleeps) and prints the screen when it
/// does not; every session is killed in `tearDown`. Skips when tmux is not installed.
final class TmuxEndToEndTests: XCTestCase {
    static let width = 140
    static let height = 40
    /// Eighth blocks from lowest to highest, and the ASCII levels podmem draws without a UTF-8 locale.
    static let unicodeLevels = Set("▁▂▃▄▅▆▇█")
    static let asciiLevels = Set("_.-~=+*#")

    private var sessions: [TmuxSession] = []
    private var podmem: String = ""

    override func setUpWithError() throws {
        guard TmuxSession.executable != nil else { throw XCTSkip("tmux is not installed (apt-get install tmux)") }
        podmem = try XCTUnwrap(BinaryLocator.executable("podmem"), "podmem is not built next to the test bundle").path
    }

    override func tearDown() {
        for session in sessions { session.kill() }
        sessions = []
    }

    // MARK: - Main list

    func testDemoShowsRowsSparklinesHeaderAndLegend() throws {
        let session = try start()
        let screen = try session.waitFor("demo rows with growing sparklines") { screen in
            screen.contains("shop/web-frontend") && screen.contains("~CACHE growth is active page cache")
                && Self.lines(screen).contains { Set($0).intersection(Self.unicodeLevels).count >= 3 }
        }
        let lines = Self.lines(screen)
        XCTAssertTrue(lines[0].hasPrefix("podmem demo-node"), screen)
        XCTAssertTrue(lines[1].hasPrefix("LIVE"), screen)
        let header = try XCTUnwrap(lines.first { $0.hasPrefix("NAME") }, screen)
        for title in ["WS▼", "WS-NC", "RSS", "CACHE", "VERDICT"] {
            XCTAssertTrue(header.contains(title), "\(title) missing: \(header)")
        }
        XCTAssertEqual(try Self.podRows(screen).count, 12, "the demo node has 12 pods\n\(screen)")
        XCTAssertTrue(lines.last?.hasPrefix("q quit") == true, "key hints on the status line\n\(screen)")
        let cells = try Self.trendCells(screen)
        XCTAssertTrue(
            cells.allSatisfy(Self.unicodeLevels.contains),
            "not eighth blocks in a UTF-8 locale: \(Set(cells))\n\(screen)")
    }

    func testCacheKeySortsByCacheShareHighestFirst() throws {
        let session = try start()
        try session.waitFor("pod rows") { $0.contains("infra/postgres-0") }
        try session.sendKeys("c")
        try session.waitFor("CACHE▼ in the column titles") { $0.contains("CACHE▼") && $0.contains("sort CACHE ▼") }
        // Paused, so the rows compared come from one frame rather than from two polls.
        try session.sendKeys("p")
        try session.waitFor("PAUSED") { Self.lines($0).dropFirst().first?.hasPrefix("PAUSED") == true }
        let screen = try session.stableCapture()
        let shares = try Self.column("CACHE▼", of: screen).map { text -> Int in
            try XCTUnwrap(Int(text.dropLast()), "CACHE cell '\(text)' is not a percentage\n\(screen)")
        }
        XCTAssertEqual(shares.count, 12, screen)
        XCTAssertEqual(shares.first, shares.max(), "first row does not have the highest cache share\n\(screen)")
        XCTAssertEqual(shares, shares.sorted(by: >), "not sorted by cache share, highest first\n\(screen)")
    }

    func testFilterNarrowsAsYouTypeEnterKeepsEscapeClears() throws {
        let session = try start()
        try session.waitFor("pod rows") { $0.contains("infra/postgres-0") }
        try session.sendKeys("/")
        try session.waitFor("the filter prompt") { $0.contains("filter: type to narrow") }
        try session.type("shop")
        let narrowed = try session.waitFor("only shop/ rows while typing") { screen in
            !screen.contains("infra/postgres") && screen.contains("filter: shop_")
        }
        let names = try Self.podRows(narrowed).map { $0.split(separator: " ")[0] }
        XCTAssertEqual(names.count, 4, "the demo has four shop pods\n\(narrowed)")
        XCTAssertTrue(names.allSatisfy { $0.hasPrefix("shop/") }, narrowed)

        try session.sendKeys("Enter")
        let kept = try session.waitFor("the kept filter and the key hints back") { screen in
            screen.contains("filter: shop") && !screen.contains("filter: shop_")
                && Self.lines(screen).last?.hasPrefix("q quit") == true
        }
        XCTAssertFalse(kept.contains("infra/postgres"), kept)

        try session.sendKeys("/")
        try session.waitFor("the filter being edited again") { $0.contains("filter: shop_") }
        try session.sendKeys("Escape")
        let cleared = try session.waitFor("all pods back") { $0.contains("infra/postgres-0") }
        XCTAssertFalse(cleared.contains("filter:"), cleared)
        XCTAssertEqual(try Self.podRows(cleared).count, 12, cleared)
    }

    // MARK: - Detail

    func testEnterOpensDetailAndEscapeReturns() throws {
        let session = try start()
        try session.waitFor("pod rows") { $0.contains("shop/web-frontend") }
        try session.sendKeys("/")
        try session.type("web-frontend")
        try session.sendKeys("Enter")
        try session.waitFor("the web-frontend row alone") {
            (try? Self.podRows($0).count) == 1 && $0.contains("filter: web-frontend")
        }
        try session.sendKeys("Enter")
        let detail = try session.waitFor("the detail with a cache-driven verdict sentence") { screen in
            // The sentence names the demo's largest cache file, which the detail scans from its simulated /proc.
            screen.contains("CONTAINER") && screen.contains("active page cache, mostly /var/log/nginx/access.log (")
                && screen.contains("reclaimable, not a leak.")
        }
        let lines = Self.lines(detail)
        XCTAssertTrue(lines[0].hasPrefix("shop/web-frontend"), detail)
        XCTAssertTrue(lines[1].hasPrefix("~CACHE working set +"), detail)
        let table = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("CONTAINER") }, detail)
        XCTAssertTrue(lines[table...].contains { $0.hasPrefix("nginx") }, detail)
        XCTAssertTrue(lines[table...].contains { $0.hasPrefix("(sandbox)") }, detail)
        XCTAssertFalse(detail.contains("VERDICT ws"), "the pod list is still drawn under the detail\n\(detail)")
        XCTAssertTrue(detail.contains("page cache by file: these files hold"), detail)
        XCTAssertTrue(
            lines.contains { $0.contains("/var/log/nginx/access.log.1 (deleted)") && $0.contains("nginx/nginx[4242]") },
            detail)

        try session.sendKeys("Escape")
        let list = try session.waitFor("the pod list back") { $0.contains("NAME") && $0.contains("shop/web-frontend") }
        XCTAssertFalse(list.contains("CONTAINER"), list)
    }

    // MARK: - Snapshots

    func testSnapshotKeyWritesValidDocument() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "podmem-e2e-snapshots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let session = try start(["--demo", "-d", "0.5", "--snapshot-dir", directory.path])
        try session.waitFor("pod rows") { $0.contains("infra/postgres-0") }
        try session.sendKeys("s")
        let screen = try session.waitFor("snapshot written on the status line") { $0.contains("snapshot written: ") }

        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        XCTAssertEqual(files.count, 1, "exactly one file, no temp leftovers: \(files)")
        let name = try XCTUnwrap(files.first)
        XCTAssertNotNil(name.range(of: #"^podmem-demo-node-\d{8}-\d{6}\.json$"#, options: .regularExpression), name)
        XCTAssertTrue(
            Self.lines(screen).last?.contains(directory.appendingPathComponent(name).path) == true,
            "status line should show the path\n\(screen)")
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(json["schema"] as? String, "podmem.snapshot/1")
        XCTAssertEqual(json["host"] as? String, "demo-node")
        XCTAssertEqual((json["pods"] as? [[String: Any]])?.count, 12)
    }

    func testSnapshotIntoMissingDirectoryReportsErrorAndKeepsRunning() throws {
        let session = try start([
            "--demo", "-d", "0.5", "--snapshot-dir", "/nonexistent/podmem-e2e-\(UUID().uuidString)",
        ])
        try session.waitFor("pod rows") { $0.contains("infra/postgres-0") }
        try session.sendKeys("s")
        try session.waitFor("the error on the status line") {
            Self.lines($0).last?.hasPrefix("snapshot not written") == true
        }
        try session.sendKeys("c")
        let screen = try session.waitFor("the UI still reacting to keys") { $0.contains("CACHE▼") }
        XCTAssertFalse(screen.contains(TmuxSession.exitMarker), screen)
    }

    // MARK: - Leaving restores the terminal

    func testQuitKeyExitsZeroAndRestoresTerminal() throws {
        try assertLeavesCleanly(expectedStatuses: [0]) { try $0.sendKeys("q") }
    }

    func testControlCExitsZeroAndRestoresTerminal() throws {
        try assertLeavesCleanly(expectedStatuses: [0]) { try $0.sendKeys("C-c") }
    }

    func testSIGTERMEndsAndRestoresTerminal() throws {
        try assertLeavesCleanly(expectedStatuses: [0, 143]) { session in
            let pid = try session.commandProcess(named: "podmem")
            XCTAssertEqual(kill(pid, SIGTERM), 0, "kill -TERM \(pid)")
        }
    }

    /// Signals that end a process by default and are not requests to quit: the terminal is restored first, then
    /// podmem ends by the same signal (the shell reports 128 + its number), as its sender expects.
    func testSIGUSR1RestoresTerminalThenEndsBySIGUSR1() throws {
        try assertLeavesCleanly(expectedStatuses: [128 + Int(SIGUSR1)]) { session in
            let pid = try session.commandProcess(named: "podmem")
            XCTAssertEqual(kill(pid, SIGUSR1), 0, "kill -USR1 \(pid)")
        }
    }

    func testSIGALRMRestoresTerminalThenEndsBySIGALRM() throws {
        try assertLeavesCleanly(expectedStatuses: [128 + Int(SIGALRM)]) { session in
            let pid = try session.commandProcess(named: "podmem")
            XCTAssertEqual(kill(pid, SIGALRM), 0, "kill -ALRM \(pid)")
        }
    }

    // MARK: - Locale, color, size

    /// Only an unset locale tries C.UTF-8; an explicit non-UTF-8 one (LANG=C) means ASCII. LC_ALL beats LC_CTYPE
    /// beats LANG, as in setlocale.
    func testLocaleChoosesGlyphsByPrecedenceNeverMojibake() throws {
        let cases: [(String, [String], Set<Character>)] = [
            ("LANG, LC_ALL, LC_CTYPE unset", [], Self.unicodeLevels),
            ("LANG=C", ["LANG=C"], Self.asciiLevels),
            ("LC_ALL=POSIX", ["LC_ALL=POSIX"], Self.asciiLevels),
            ("LC_ALL=C over LANG=C.UTF-8", ["LANG=C.UTF-8", "LC_ALL=C"], Self.asciiLevels),
            ("LC_CTYPE=C.UTF-8 over LANG=C", ["LANG=C", "LC_CTYPE=C.UTF-8"], Self.unicodeLevels),
        ]
        let sessions = try cases.map { try start(environment: $0.1) }
        for ((locale, _, expected), session) in zip(cases, sessions) {
            // Three distinct levels: a sparkline that has grown, so more than the lowest glyph is checked.
            let screen = try session.waitFor("sparklines with three levels (\(locale))") { screen in
                Set((try? Self.trendCells(screen)) ?? []).count >= 3
            }
            for bad in ["â", "Ã", "\u{FFFD}", "??"] {
                XCTAssertFalse(screen.contains(bad), "mojibake '\(bad)' with \(locale)\n\(screen)")
            }
            let cells = try Self.trendCells(screen)
            XCTAssertTrue(
                cells.allSatisfy(expected.contains), "wrong glyph set with \(locale): \(Set(cells))\n\(screen)")
            if expected == Self.asciiLevels {
                XCTAssertTrue(
                    screen.unicodeScalars.allSatisfy(\.isASCII), "non-ASCII on screen with \(locale)\n\(screen)")
            }
        }
    }

    func testNoColorDropsForegroundColorsButKeepsBadges() throws {
        let plain = try start(environment: ["NO_COLOR=1"])
        let colored = try start()
        let anonBadge = "!ANON"
        // A badge in a pod row, not the legend's "!ANON growth is …".
        let hasBadge = { (screen: String) in
            Self.lines(screen).contains { $0.contains(anonBadge) && !$0.contains("growth is") }
        }
        let plainScreen = try plain.waitFor("an !ANON badge (NO_COLOR)", escapes: true, until: hasBadge)
        let coloredScreen = try colored.waitFor("an !ANON badge", escapes: true, until: hasBadge)

        XCTAssertEqual(Self.foregroundColors(in: plainScreen), [], "NO_COLOR=1 still sets foreground colors")
        XCTAssertNil(Self.foreground(before: anonBadge, in: plainScreen))
        XCTAssertTrue(
            ["31", "91", "38;5;1", "38;5;9"].contains(Self.foreground(before: anonBadge, in: coloredScreen) ?? ""),
            "!ANON is not red: \(Self.foreground(before: anonBadge, in: coloredScreen) ?? "no color")")
    }

    func testTooSmallPaneSaysSoFollowsResizeAndQuits() throws {
        let session = try start(width: 40, height: 8)
        let small = try session.waitFor("terminal too small") { $0.contains("terminal too small") }
        XCTAssertTrue(small.contains("40x8, need 60x10"), small)
        XCTAssertFalse(small.contains("NAME"), small)
        try session.resize(width: Self.width, height: Self.height)
        try session.waitFor("the pod list after growing the pane") {
            $0.contains("NAME") && $0.contains("infra/postgres-0")
        }
        try session.resize(width: 40, height: 8)
        try session.waitFor("terminal too small again") { $0.contains("terminal too small") }
        try session.sendKeys("q")
        let exited = try session.waitFor("PODMEM-EXIT") { $0.contains(TmuxSession.exitMarker) }
        XCTAssertTrue(exited.contains(TmuxSession.exitMarker + "0"), exited)
    }

    // MARK: - Replay

    func testReplayStepsThroughARecording() throws {
        let tree = TempTree()
        let file = tree.path + "/demo.pmrec"
        let recorded = try CommandRun.podmem(["record", "--demo", "-d", "0.01", "--duration", "0.2", "-o", file])
        XCTAssertEqual(recorded.status, 0, recorded.stderr)
        let count = try XCTUnwrap(Int(recorded.stderr.split(separator: " ")[1]), recorded.stderr)
        let session = try start(["replay", file])
        try session.waitFor("the last sample, read-only") { screen in
            Self.lines(screen).dropFirst().first?.hasPrefix("REPLAY ") == true
                && screen.contains(" · \(count)/\(count) ")
                && screen.contains("infra/postgres-0")
        }
        try session.sendKeys("g")
        try session.waitFor("the first sample") { $0.contains(" · 1/\(count) ") }
        try session.sendKeys("]", "]", "Right")
        try session.waitFor("three samples on") { $0.contains(" · 4/\(count) ") }
        try session.sendKeys("[")
        try session.waitFor("one back") { $0.contains(" · 3/\(count) ") }
        try session.sendKeys("G")
        try session.waitFor("the end again") { $0.contains(" · \(count)/\(count) ") }
        try session.sendKeys("Enter")
        try session.waitFor("a pod's detail in replay") { $0.contains("CONTAINER") && $0.contains("REPLAY") }
        try session.sendKeys("Escape", "?")
        try session.waitFor("replay keys on the help screen") {
            $0.contains("replay: one sample back in time") && $0.contains("jump to the end")
        }
        try session.sendKeys("q")
        let exited = try session.waitFor("PODMEM-EXIT") { $0.contains(TmuxSession.exitMarker) }
        XCTAssertTrue(exited.contains(TmuxSession.exitMarker + "0"), exited)
    }

    // MARK: - Helpers

    /// podmem in a fresh pane with a clean environment (`env -i`): TERM=xterm-256color, plus LANG=C.UTF-8 unless
    /// `environment` is given, so the test machine's LANG, LC_* or NO_COLOR cannot change what is tested.
    private func start(
        _ arguments: [String] = ["--demo", "-d", "0.5"], environment: [String]? = nil,
        width: Int = TmuxEndToEndTests.width, height: Int = TmuxEndToEndTests.height
    ) throws -> TmuxSession {
        let variables = ["PATH=/usr/bin:/bin", "TERM=xterm-256color"] + (environment ?? ["LANG=C.UTF-8"])
        let session = try TmuxSession(["env", "-i"] + variables + [podmem] + arguments, width: width, height: height)
        sessions.append(session)
        return session
    }

    /// Starts the demo, leaves it with `leave`, and checks that it ended with one of `expectedStatuses` and gave
    /// the terminal back: no alternate screen, cursor shown, keypad modes off, tty modes as before, and the pane
    /// showing the shell's output instead of podmem's screen.
    private func assertLeavesCleanly(
        expectedStatuses: Set<Int>, file: StaticString = #filePath, line: UInt = #line,
        leave: (TmuxSession) throws -> Void
    ) throws {
        let session = try start()
        try session.waitFor("pod rows", file: file, line: line) { $0.contains("infra/postgres-0") }
        XCTAssertEqual(
            try session.format("#{alternate_on}"), "1", "podmem should run on the alternate screen", file: file,
            line: line)
        try leave(session)
        let screen = try session.waitFor("the exit status and tty check", file: file, line: line) { screen in
            screen.contains(TmuxSession.ttyRestored) || screen.contains(TmuxSession.ttyChanged)
        }
        let status = screen.split(separator: "\n").first { $0.hasPrefix(TmuxSession.exitMarker) }
            .flatMap { Int($0.dropFirst(TmuxSession.exitMarker.count)) }
        XCTAssertTrue(
            status.map(expectedStatuses.contains) == true,
            "exit status \(status.map(String.init) ?? "missing")\n\(screen)",
            file: file, line: line)
        XCTAssertTrue(
            screen.contains(TmuxSession.ttyRestored), "tty modes differ from before podmem\n\(screen)", file: file,
            line: line)
        XCTAssertFalse(
            screen.contains("podmem demo-node") || screen.contains("NAME"), "podmem's screen is still shown\n\(screen)",
            file: file, line: line)
        let modes = try session.format(
            "alternate=#{alternate_on} cursor=#{cursor_flag} keypad=#{keypad_flag} cursorkeys=#{keypad_cursor_flag}")
        XCTAssertEqual(modes, "alternate=0 cursor=1 keypad=0 cursorkeys=0", file: file, line: line)
    }

    /// The pane's rows (capture-pane ends each one with a newline, including the last).
    static func lines(_ screen: String) -> [String] {
        var lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The pod rows of the main list: the lines between the column titles and the first blank line.
    static func podRows(_ screen: String) throws -> [String] {
        let lines = lines(screen)
        let header = try found(
            lines.firstIndex { $0.hasPrefix("NAME ") }, "no NAME column titles on screen:\n\(screen)")
        return Array(lines[(header + 1)...].prefix { !$0.isEmpty })
    }

    /// The cells of a right-aligned column, found by where its title ends in the titles line.
    static func column(_ title: String, of screen: String) throws -> [String] {
        let header = try titles(screen)
        let end = try found(header.range(of: title), "no \(title) in \(header)").upperBound
        let endColumn = header.distance(from: header.startIndex, to: end)
        return try podRows(screen).map { row in
            String(row.prefix(endColumn).reversed().prefix { $0 != " " }.reversed())
        }
    }

    /// Every character drawn under the first trend column (titled `ws`), in every pod row.
    static func trendCells(_ screen: String) throws -> [Character] {
        let header = try titles(screen)
        let start = try found(header.range(of: "VERDICT ws "), "no ws trend column in \(header)")
        let from = header.distance(from: header.startIndex, to: start.lowerBound) + "VERDICT ".count
        let width =
            "ws".count
            + header[header.index(start.lowerBound, offsetBy: "VERDICT ws".count)...].prefix { $0 == " " }.count
        return try podRows(screen).flatMap { Array($0).dropFirst(from).prefix(width) }.filter { $0 != " " }
    }

    private static func titles(_ screen: String) throws -> String {
        try found(lines(screen).first { $0.hasPrefix("NAME ") }, "no NAME column titles on screen:\n\(screen)")
    }

    /// Unwraps without recording a test failure (unlike XCTUnwrap), so these parsers can run inside `waitFor`
    /// predicates on half-drawn screens.
    private static func found<T>(_ value: T?, _ message: @autoclosure () -> String) throws -> T {
        guard let value else { throw TmuxSession.Failure(description: message()) }
        return value
    }

    /// Foreground colors set by SGR escapes anywhere in `screen` (`31`, `38;5;208`, …); 39 (default) is not a color.
    static func foregroundColors(in screen: String) -> [String] {
        sgrSequences(in: screen).flatMap { foregroundChanges($0.parameters) }.compactMap { $0 }
    }

    /// The foreground color in effect where `text` first appears, or nil for the default color.
    static func foreground(before text: String, in screen: String) -> String? {
        guard let position = screen.range(of: text)?.lowerBound else { return nil }
        var current: String?
        for sequence in sgrSequences(in: screen) where sequence.position < position {
            for change in foregroundChanges(sequence.parameters) { current = change }
        }
        return current
    }

    /// `ESC [ params m` sequences with where they start.
    private static func sgrSequences(in screen: String) -> [(position: String.Index, parameters: [String])] {
        var result: [(String.Index, [String])] = []
        var index = screen.startIndex
        while let escape = screen[index...].range(of: "\u{1B}[") {
            guard let end = screen[escape.upperBound...].firstIndex(where: { !"0123456789;:".contains($0) }) else {
                break
            }
            if screen[end] == "m" {
                result.append(
                    (
                        escape.lowerBound,
                        screen[escape.upperBound..<end].split(separator: ";", omittingEmptySubsequences: false).map(
                            String.init)
                    ))
            }
            index = screen.index(after: end)
        }
        return result
    }

    /// What one SGR parameter list does to the foreground, in order: a color (30–37, 90–97, `38;5;n`, `38;2;r;g;b`)
    /// or nil for a reset (`0`, empty, `39`). Other attributes, and 48's background arguments, are skipped.
    private static func foregroundChanges(_ parameters: [String]) -> [String?] {
        var changes: [String?] = []
        var index = 0
        while index < parameters.count {
            let value = Int(parameters[index]) ?? 0
            if value == 38 || value == 48 {
                let count = parameters.count > index + 1 && parameters[index + 1] == "2" ? 5 : 3
                if value == 38 {
                    changes.append(parameters[index..<min(parameters.count, index + count)].joined(separator: ";"))
                }
                index += count
                continue
            }
            if value == 0 || value == 39 { changes.append(nil) }
            if (30...37).contains(value) || (90...97).contains(value) { changes.append(parameters[index]) }
            index += 1
        }
        return changes
    }
}
