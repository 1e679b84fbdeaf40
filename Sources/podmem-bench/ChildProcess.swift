import Glibc

/// A program run as a subprocess through plain posix_spawn rather than Foundation's Process, which fails
/// under valgrind (EBADF). Stdout and stderr share one pipe, read to the end by `wait()`, so a program that
/// prints little can run while the bench does other work. The child starts with no signal blocked, whatever
/// `StopSignals` holds in the bench.
struct ChildProcess {
    let pid: pid_t
    private let output: Int32

    /// Starts `program` (searched on PATH).
    static func spawn(_ program: String, _ arguments: [String]) throws -> ChildProcess {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw BenchError("pipe: \(String(cString: strerror(errno)))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO)
        // The child keeps only its stdout and stderr: a daemon it starts (tmux's server) redirects those to
        // /dev/null, and must hold no other copy of the pipe, or `wait()` would never see the end of output.
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
        close(fds[1])
        guard spawned == 0 else {
            close(fds[0])
            throw BenchError("\(program): \(String(cString: strerror(spawned)))")
        }
        return ChildProcess(pid: pid, output: fds[0])
    }

    /// Runs a program to completion; a program that cannot be started counts as exit status 127.
    static func run(_ program: String, _ arguments: [String]) -> (status: Int32, output: String) {
        do {
            return try spawn(program, arguments).wait()
        } catch {
            return (127, (error as? BenchError)?.message ?? "\(error)")
        }
    }

    /// Reads the output to its end, reaps the child and returns its exit status (128 + signal when killed)
    /// and its output without surrounding whitespace. Call once.
    func wait() -> (status: Int32, output: String) {
        defer { close(output) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let got = read(output, &chunk, chunk.count)
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { break }
            bytes += chunk[..<got]
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS are macros Swift cannot import: low 7 bits are the signal, then the exit code.
        let exitCode = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + status & 0x7f
        let text = String(decoding: bytes, as: UTF8.self)
        return (exitCode, String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()))
    }
}
