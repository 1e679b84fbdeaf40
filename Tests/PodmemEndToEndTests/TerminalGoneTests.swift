import Foundation
import XCTest

/// The real binary's live screen when its terminal goes away: a closed ssh session, tmux pane or terminal window
/// hangs the pty up, and reads return end-of-file at once. podmem must end promptly and quietly, not spin in its
/// key loop. A small python3 harness (`pty.fork`) owns the pty's master side, so the test can close it.
final class TerminalGoneTests: XCTestCase {
    static let python = "/usr/bin/python3"
    private var scratch = ""
    private var podmem = ""

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.python) else {
            throw XCTSkip("\(Self.python) is not installed (scripts/deps --test installs it)")
        }
        podmem = try XCTUnwrap(BinaryLocator.executable("podmem"), "podmem is not built next to the test bundle").path
        scratch = NSTemporaryDirectory() + "podmem-terminal-gone-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        try Self.harness.write(toFile: scratch + "/harness.py", atomically: true, encoding: .utf8)
    }

    override func tearDown() {
        if !scratch.isEmpty { try? FileManager.default.removeItem(atPath: scratch) }
    }

    /// What the harness saw: whether podmem exited within the wait, how long after the event, the CPU it used after
    /// the event, its exit code, and its stderr.
    struct Outcome: Decodable {
        let exited: Bool
        let seconds: Double
        let cpuSeconds: Double
        let exitCode: Int?
        let signal: Int?
        let screen: Bool
        var stderr = ""

        enum CodingKeys: String, CodingKey { case exited, seconds, cpuSeconds, exitCode, signal, screen }
    }

    /// Starts `podmem --demo` on a fresh pty (stderr to a file), waits for its screen, then does `event`.
    private func run(_ event: String) throws -> Outcome {
        let run = try SpawnedProcess.run(
            Self.python, [scratch + "/harness.py", podmem, event, scratch + "/stderr", "5"], timeout: 60)
        XCTAssertEqual(run.status, 0, "harness failed: \(run.stderr)")
        var outcome = try JSONDecoder().decode(Outcome.self, from: Data(run.stdout.utf8))
        outcome.stderr = (try? String(contentsOfFile: scratch + "/stderr", encoding: .utf8)) ?? ""
        if event != "devnull" { XCTAssertTrue(outcome.screen, "podmem never drew its screen: \(outcome.stderr)") }
        return outcome
    }

    /// The hangup's SIGHUP goes to the session leader only; here that is the harness's own process (ignoring it),
    /// as when a shell or supervisor between the terminal and podmem does not pass it on. podmem sees only the
    /// end-of-file, and before the fix spun at 100% of a core until killed.
    func testClosedTerminalEndsPodmemWithoutSpinning() throws {
        let outcome = try run("hangup")
        XCTAssertTrue(
            outcome.exited, "podmem still runs 5 s after its terminal closed (\(outcome.cpuSeconds) s of CPU)")
        XCTAssertLessThan(outcome.seconds, 3, "podmem took \(outcome.seconds) s to notice its terminal closed")
        XCTAssertLessThan(outcome.cpuSeconds, 0.5, "podmem spun after its terminal closed")
        XCTAssertEqual(outcome.exitCode, 1, "a lost terminal is a failure, not a quit")
        XCTAssertEqual(outcome.stderr, "podmem: terminal closed\n")
    }

    /// podmem as the session leader (`exec podmem` in a pane or ssh session) gets the hangup's SIGHUP as well.
    func testClosedTerminalWithSIGHUPEndsPodmem() throws {
        let outcome = try run("hangup-leader")
        XCTAssertTrue(
            outcome.exited, "podmem still runs 5 s after its terminal closed (\(outcome.cpuSeconds) s of CPU)")
        XCTAssertLessThan(outcome.cpuSeconds, 0.5)
        XCTAssertNil(outcome.signal, "podmem was killed by signal \(outcome.signal ?? 0) instead of exiting")
    }

    /// SIGHUP on a terminal still open (`kill -HUP`) is a request to quit: exit 0, nothing on stderr.
    func testSIGHUPQuits() throws {
        let outcome = try run("sighup")
        XCTAssertTrue(outcome.exited, "podmem ignored SIGHUP")
        XCTAssertEqual(outcome.exitCode, 0)
        XCTAssertEqual(outcome.stderr, "")
    }

    /// Keys come from stdin: from /dev/null every read returns at once, so the live screen refuses to start.
    func testInputThatIsNoTerminalIsRefused() throws {
        let outcome = try run("devnull")
        XCTAssertTrue(outcome.exited)
        XCTAssertEqual(outcome.exitCode, 1)
        XCTAssertEqual(
            outcome.stderr,
            "podmem: the live screen reads keys from stdin, which is not a terminal; run podmem in a terminal,"
                + " or use --batch\n")
    }

    /// argv: podmem, event, stderr file, seconds to wait for the exit. Prints one JSON object.
    /// Events: "hangup" closes the pty's master while a session leader that ignores SIGHUP holds the pty and podmem
    /// runs as its child; "hangup-leader" closes it with podmem as the session leader; "sighup" sends SIGHUP with the
    /// pty open; "devnull" starts podmem with stdin from /dev/null (stdout still the pty).
    static let harness = #"""
        import json, os, pty, select, signal, sys, time

        podmem, event, stderr_path, wait_seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
        environment = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"}
        report_r, report_w = os.pipe()

        def report(values):
            os.write(report_w, json.dumps(values).encode() + b"\n")

        def exec_podmem():
            os.close(report_w)
            signal.signal(signal.SIGHUP, signal.SIG_DFL)
            os.dup2(os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 2)
            if event == "devnull":
                os.dup2(os.open("/dev/null", os.O_RDONLY), 0)
            os.execve(podmem, [podmem, "--demo"], environment)

        leader, master = pty.fork()
        if leader == 0:
            os.close(report_r)
            if event == "hangup-leader":
                report({"pid": os.getpid()})
                exec_podmem()
            signal.signal(signal.SIGHUP, signal.SIG_IGN)
            child = os.fork()
            if child == 0:
                exec_podmem()
            report({"pid": child})
            _, status, usage = os.wait4(child, 0)
            report({"status": status, "cpu": usage.ru_utime + usage.ru_stime})
            os._exit(0)
        os.close(report_w)
        reports = os.fdopen(report_r)
        pid = json.loads(reports.readline())["pid"]

        def stat():
            try:
                return open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                return None

        def finished():
            # A zombie has exited; its /proc entry stays until its parent reaps it.
            fields = stat()
            return fields is None or fields[0] in ("Z", "X")

        def cpu_seconds():
            fields = stat()
            return None if fields is None else (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

        screen = b""
        deadline = time.monotonic() + 30
        while b"demo-node" not in screen and time.monotonic() < deadline and not finished():
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    screen += os.read(master, 65536)
                except OSError:
                    break
        started = cpu_seconds() or 0
        event_at = time.monotonic()
        if event == "sighup":
            os.kill(pid, signal.SIGHUP)
        elif event != "devnull":
            os.close(master)
        last = started
        while not finished() and time.monotonic() - event_at < wait_seconds:
            last = cpu_seconds() or last
            time.sleep(0.05)
        exited = finished()
        seconds = time.monotonic() - event_at
        if not exited:
            last = cpu_seconds() or last
            os.kill(pid, signal.SIGKILL)
        # Whoever reaps podmem has its status and its total CPU time: this process when podmem is the leader.
        if event == "hangup-leader":
            _, status, usage = os.wait4(leader, 0)
            total = usage.ru_utime + usage.ru_stime
        else:
            reaped = json.loads(reports.readline())
            status, total = reaped["status"], reaped["cpu"]
            os.waitpid(leader, 0)
        print(json.dumps({
            "exited": exited, "seconds": seconds, "cpuSeconds": max(last, total) - started,
            "screen": b"demo-node" in screen,
            "exitCode": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
        }))
        """#
}
