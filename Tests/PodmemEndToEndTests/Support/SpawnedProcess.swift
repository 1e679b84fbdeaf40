import Foundation

/// A child started with `posix_spawn` and reaped with `waitpid`. Foundation's `Process` on Linux learns of a child's
/// exit from a socket the child inherits; a runtime CLI that leaves a daemon behind (`podman run -d` starts conmon)
/// hands that socket on, and `Process` waits forever. Output goes to files, so no pipe can fill up either.
final class SpawnedProcess {
    let pid: pid_t
    private(set) var exitStatus: Int32?

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `executable` with stdin from /dev/null and stdout, stderr appended to the given files.
    init(_ executable: String, _ arguments: [String], stdout: String, stderr: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, nil, argv, environ)
        guard result == 0 else { throw Failure(description: "\(executable): \(String(cString: strerror(result)))") }
        pid = child
    }

    /// Runs to completion (SIGKILL after `timeout` seconds) and returns status and output.
    static func run(_ executable: String, _ arguments: [String], timeout: Double) throws -> CommandRun {
        let scratch = NSTemporaryDirectory() + "podmem-spawn-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let child = try SpawnedProcess(executable, arguments, stdout: scratch + "/out", stderr: scratch + "/err")
        if !child.wait(timeout: timeout) {
            kill(child.pid, SIGKILL)
            _ = child.wait(timeout: 10)
        }
        return CommandRun(
            status: child.exitStatus ?? -1,
            stdout: (try? String(contentsOfFile: scratch + "/out", encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: scratch + "/err", encoding: .utf8)) ?? "")
    }

    var isRunning: Bool {
        if exitStatus != nil { return false }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return true }
        // WIFEXITED: the low 7 bits are 0; the exit code is the next byte. Killed by a signal: 128 + signal.
        exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return false
    }

    /// True when the child exited within `timeout` seconds.
    func wait(timeout: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while isRunning, Date() < deadline { usleep(20_000) }
        return !isRunning
    }
}
