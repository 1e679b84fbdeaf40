/// A failure the bench reports as one line on stderr and exits with: 1 for a failed run, 2 for a usage error.
struct BenchError: Error {
    let message: String
    let exitCode: Int32

    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }
}
