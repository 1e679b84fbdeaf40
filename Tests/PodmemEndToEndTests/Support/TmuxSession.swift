import Foundation

/// A real terminal for end-to-end tests: one command in a detached tmux pane of a fixed size.
///
/// Each session runs on a tmux server of its own (`-S` socket in a fresh temp directory, `-f /dev/null`), so a
/// test never touches the user's tmux or another test's, and `kill()` can stop the whole server and remove the
/// socket. The command is wrapped so that the pane, once it ends, shows `PODMEM-EXIT=<status>` and whether the
/// tty modes (`stty -g`) are what they were before, then stays open for reading until killed (ten minutes at
/// most, should a test die before it can kill the session).
final class TmuxSession {
    /// A wait that ran out; the description carries the caller's location and the last screen.
    struct Timeout: Error, CustomStringConvertible {
        let description: String
    }

    /// A tmux command that failed, or a screen without what a test parses from it.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let exitMarker = "PODMEM-EXIT="
    static let ttyRestored = "TTY-RESTORED"
    static let ttyChanged = "TTY-CHANGED"

    /// tmux on `PATH`, or nil when it is not installed.
    static let executable: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        .split(separator: ":").map { "\($0)/tmux" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    let name: String
    private let tmux: String
    private let directory: URL
    private var socket: String { directory.appendingPathComponent("tmux").path }
    private var killed = false

    /// Starts `command` (an argv, quoted for `/bin/sh` here) in a `width`×`height` pane.
    init(_ command: [String], width: Int, height: Int) throws {
        guard let tmux = Self.executable else { throw Failure(description: "tmux is not installed") }
        self.tmux = tmux
        let token = UUID().uuidString.lowercased()
        name = "podmem-e2e-\(token)"
        // Short path: a unix socket path must stay under ~108 bytes.
        directory = URL(fileURLWithPath: "/tmp/podmem-e2e-\(token.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = """
            tty_before=$(stty -g); \(command.map(Self.shellQuote).joined(separator: " ")); \
            echo \(Self.exitMarker)$?; \
            if [ "$(stty -g)" = "$tty_before" ]; then echo \(Self.ttyRestored); else echo \(Self.ttyChanged); fi; \
            sleep 600
            """
        do {
            try run(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "/bin/sh", "-c", script])
        } catch {
            kill()
            throw error
        }
    }

    deinit { kill() }

    /// The visible pane as text (`capture-pane -p`), or with SGR escapes (`-e`) to check styles.
    func capture(escapes: Bool = false) throws -> String {
        try run(["capture-pane", "-p"] + (escapes ? ["-e"] : []) + ["-t", name])
    }

    /// Sends tmux key names: `q`, `C-c`, `Enter`, `Escape`, `/`.
    func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", name] + keys)
    }

    /// Types `text` literally, one key per character.
    func type(_ text: String) throws {
        try run(["send-keys", "-t", name, "-l", text])
    }

    /// A tmux format about the pane, e.g. `#{alternate_on}`.
    func format(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the pane (every 50 ms) until `predicate` holds and returns that screen; on timeout throws with
    /// `expectation`, the caller's location and the last screen, so a failure shows what was really there.
    @discardableResult
    func waitFor(
        _ expectation: String, timeout: TimeInterval = 10, escapes: Bool = false,
        file: StaticString = #filePath, line: UInt = #line,
        until predicate: (String) -> Bool
    ) throws -> String {
        let deadline = Date(timeIntervalSinceNow: timeout)
        var screen = ""
        while true {
            screen = try capture(escapes: escapes)
            if predicate(screen) { return screen }
            if Date() >= deadline { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let shown = escapes ? screen.replacingOccurrences(of: "\u{1B}", with: "\\e") : screen
        throw Timeout(
            description: """
                \(file):\(line): waited \(timeout) s for \(expectation); last screen of \(name):
                ----------------------------------------
                \(shown)
                ----------------------------------------
                """)
    }

    /// Waits for the pane to show the same text twice in a row, so a frame is not read half-drawn.
    func stableCapture(timeout: TimeInterval = 5, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        var previous = try capture()
        return try waitFor("two identical captures", timeout: timeout, file: file, line: line) { screen in
            defer { previous = screen }
            return screen == previous
        }
    }

    /// The command's process: the child of the pane's shell, once it has exec'd into `executableName`.
    func commandProcess(named executableName: String, timeout: TimeInterval = 5) throws -> pid_t {
        guard let shell = pid_t(try format("#{pane_pid}")) else {
            throw Failure(description: "no pane pid for \(name)")
        }
        let deadline = Date(timeIntervalSinceNow: timeout)
        repeat {
            if let pid = Self.children(of: shell).first(where: { Self.commandName(of: $0) == executableName }) {
                return pid
            }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        throw Failure(description: "no \(executableName) process under pane shell \(shell)")
    }

    /// Stops this session's tmux server (and with it the pane's processes) and removes its socket directory.
    /// Safe to call more than once.
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: - Private

    /// Runs one tmux command with `posix_spawn`, output to files, every other descriptor closed. Not `Process`: the
    /// first command forks the tmux server, which would inherit `Process`'s exit-watching socket (and any pipe) and
    /// keep the test waiting until the server ends.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let output = directory.appendingPathComponent("out-\(UUID().uuidString)").path
        let errors = directory.appendingPathComponent("err-\(UUID().uuidString)").path
        defer { for path in [output, errors] { try? FileManager.default.removeItem(atPath: path) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // glibc ignores a close action for a descriptor that is already closed, so a racing close is harmless.
        for descriptor in Self.openDescriptors() where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        let argv = ([tmux, "-S", socket, "-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmux, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw Failure(description: "posix_spawn \(tmux): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = { (path: String) in
            String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        }
        // Exited normally with status 0: low 7 bits (signal) zero and exit code zero.
        guard status == 0 else {
            throw Failure(
                description: "tmux \(arguments.joined(separator: " ")): wait status \(status): \(text(errors))")
        }
        return text(output)
    }

    private static func openDescriptors() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
    }

    private static func shellQuote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Processes whose parent is `parent`, from `/proc/<pid>/stat` (no pgrep needed).
    private static func children(of parent: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(pid_t.init).filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return false }
            // After "pid (comm)": state, then ppid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == parent
        }
    }

    private static func commandName(of pid: pid_t) -> String? {
        (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(
            in: .whitespacesAndNewlines)
    }
}
