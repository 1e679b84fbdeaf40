import Glibc

/// `bench/floor.c`, compiled at run time with `cc -O2`, or with the `clang` every Swift toolchain ships
/// (a fresh Debian + Swift machine may have no `cc`), and run as a subprocess on podmem's file list.
struct FloorProgram {
    let executable: String

    static func build(source: String, into directory: String) throws -> FloorProgram {
        let executable = directory + "/floor"
        var failures: [String] = []
        for compiler in ["cc", "clang"] {
            let (status, output) = try run(compiler, ["-O2", "-o", executable, source])
            if status == 0 { return FloorProgram(executable: executable) }
            failures.append("\(compiler): \(output.isEmpty ? "exit status \(status)" : output)")
        }
        throw BenchError("cannot compile \(source) with cc or clang:\n" + failures.joined(separator: "\n"))
    }

    /// CPU microseconds per pass over the listed files, as the floor measured itself after one untimed pass.
    func cpuMicrosecondsPerPass(list: String, iterations: Int) throws -> Double {
        let (status, output) = try Self.run(executable, [list, String(iterations)])
        guard status == 0, let value = Double(output) else {
            throw BenchError("floor failed (exit status \(status)): \(output)")
        }
        return value
    }

    /// Runs a program (searched on PATH) to completion; stdout and stderr share one pipe, so neither can fill up
    /// unread. Plain posix_spawn rather than Foundation's Process, which fails under valgrind (EBADF).
    private static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw BenchError("pipe: \(String(cString: strerror(errno)))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, program, &actions, nil, argv, environ)
        close(fds[1])
        defer { close(fds[0]) }
        guard spawned == 0 else { return (127, "\(program): \(String(cString: strerror(spawned)))") }

        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let got = read(fds[0], &chunk, chunk.count)
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { break }
            output += chunk[..<got]
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS are macros Swift cannot import: low 7 bits are the signal, then the exit code.
        let exitCode = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + status & 0x7f
        let text = String(decoding: output, as: UTF8.self)
        return (exitCode, String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()))
    }
}
