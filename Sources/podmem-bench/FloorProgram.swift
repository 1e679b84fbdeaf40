import Glibc

/// `bench/floor.c`, compiled at run time with `cc -O2`, or with the `clang` every Swift toolchain ships
/// (a fresh Debian + Swift machine may have no `cc`), and run as a subprocess on podmem's file list.
struct FloorProgram {
    let executable: String

    /// A paced floor run in progress (`startPaced`).
    struct PacedRun {
        let process: ChildProcess

        /// Waits for the run to end; its CPU microseconds over the whole paced duration.
        func cpuMicroseconds() throws -> Double {
            try FloorProgram.value(process.wait())
        }

        /// Ends the run early (the bench was interrupted).
        func cancel() {
            kill(process.pid, SIGKILL)
            _ = process.wait()
        }
    }

    static func build(source: String, into directory: String) throws -> FloorProgram {
        let executable = directory + "/floor"
        var failures: [String] = []
        for compiler in ["cc", "clang"] {
            let (status, output) = ChildProcess.run(compiler, ["-O2", "-o", executable, source])
            if status == 0 { return FloorProgram(executable: executable) }
            failures.append("\(compiler): \(output.isEmpty ? "exit status \(status)" : output)")
        }
        throw BenchError("cannot compile \(source) with cc or clang:\n" + failures.joined(separator: "\n"))
    }

    /// CPU microseconds per pass over the listed files, as the floor measured itself after one untimed pass.
    /// `inHeldDirectories`: files opened with `openat` in directories opened once beforehand (`floor --at`).
    func cpuMicrosecondsPerPass(list: String, iterations: Int, inHeldDirectories: Bool = false) throws -> Double {
        try Self.value(ChildProcess.run(executable, (inHeldDirectories ? ["--at"] : []) + [list, String(iterations)]))
    }

    /// Starts the floor reading the listed files once per interval for `seconds`, as a live podmem polls;
    /// it runs while the caller measures podmem over the same time.
    func startPaced(list: String, intervalSeconds: Double, seconds: Double) throws -> PacedRun {
        PacedRun(
            process: try ChildProcess.spawn(
                executable, [list, "--interval", String(intervalSeconds), "--seconds", String(seconds)]))
    }

    /// The one number the floor prints, or its failure.
    private static func value(_ result: (status: Int32, output: String)) throws -> Double {
        guard result.status == 0, let value = Double(result.output) else {
            throw BenchError("floor failed (exit status \(result.status)): \(result.output)")
        }
        return value
    }
}
