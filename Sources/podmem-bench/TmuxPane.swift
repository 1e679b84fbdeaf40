import Glibc

/// A program in a detached tmux pane of a fixed size, the realistic terminal for podmem's live screen.
/// The pane runs on a tmux server of its own (socket and config in the scratch directory), so the bench never
/// touches the user's tmux or a test's, and `stop()` ends the whole server. The pane stays after its program
/// exits (`remain-on-exit`), so a failed start can be read.
struct TmuxPane {
    let socket: String
    private static let session = "podmem-bench"

    /// Starts `command` (an argv, run without a shell, so the pane's process is the program itself) with TERM=`term`.
    static func start(_ command: [String], width: Int, height: Int, term: String, directory: String) throws -> TmuxPane
    {
        let config = directory + "/tmux.conf"
        try """
        set -g default-terminal \(term)
        set -g remain-on-exit on
        set -g status off

        """.write(toFile: config, atomically: false, encoding: .utf8)
        let pane = TmuxPane(socket: directory + "/tmux.socket")
        do {
            try pane.tmux(
                ["-f", config, "new-session", "-d", "-s", session, "-x", String(width), "-y", String(height)] + command)
        } catch {
            pane.stop()
            throw error
        }
        return pane
    }

    /// The visible screen as text.
    func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", Self.session])
    }

    /// Types keys into the pane, named as `tmux send-keys` names them ("Enter", "q").
    func sendKeys(_ keys: [String]) throws {
        try tmux(["send-keys", "-t", Self.session] + keys)
    }

    /// The pid of the pane's program.
    func programPID() throws -> pid_t {
        let text = try tmux(["list-panes", "-t", Self.session, "-F", "#{pane_pid}"])
        guard let pid = pid_t(text) else { throw BenchError("tmux list-panes gave no pane pid: \(text)") }
        return pid
    }

    /// The tmux server's pid: it turns the program's output into the screen, the terminal emulator's share of the cost.
    func serverPID() throws -> pid_t {
        let text = try tmux(["display-message", "-p", "-t", Self.session, "#{pid}"])
        guard let pid = pid_t(text) else { throw BenchError("tmux display-message gave no server pid: \(text)") }
        return pid
    }

    /// Whether the pane's program has exited.
    func programExited() throws -> Bool {
        try tmux(["list-panes", "-t", Self.session, "-F", "#{pane_dead}"]) == "1"
    }

    /// Ends the server, which hangs up the pane's program. Safe to call when the server never started.
    func stop() {
        _ = ChildProcess.run("tmux", ["-S", socket, "kill-server"])
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let (status, output) = ChildProcess.run("tmux", ["-S", socket] + arguments)
        guard status == 0 else {
            throw BenchError(
                "tmux \(arguments.joined(separator: " ")): \(output.isEmpty ? "exit status \(status)" : output)")
        }
        return output
    }
}
