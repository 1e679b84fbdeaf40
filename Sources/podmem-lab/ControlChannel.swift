#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// The caller's side channel: "ready <pid>" and "started" on stdout, one line on stdin to begin,
/// end of file on stdin to stop. Unbuffered `write(2)`, so a caller reading a pipe sees each line at once.
struct ControlChannel {
    /// Prints "ready <pid>" and blocks until a line (or end of file) arrives; false when stdin closed first.
    func waitForGo() -> Bool {
        Self.writeOutput("ready \(getpid())\n")
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1, byte == UInt8(ascii: "\n") { return true }
            if count == 0 || (count < 0 && errno != EINTR) { return false }
        }
    }

    func announceStarted() {
        Self.writeOutput("started\n")
    }

    /// Sleeps until the monotonic `deadline` (seconds), watching stdin; false as soon as stdin reaches end of file.
    /// Input after the go line is read and ignored.
    func sleep(until deadline: Double) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 256)
        while true {
            let remaining = deadline - Self.now()
            if remaining <= 0 { return true }
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let milliseconds = remaining.isFinite ? Int32(min((remaining * 1000).rounded(.up), Double(Int32.max))) : -1
            let ready = poll(&descriptor, 1, milliseconds)
            if ready < 0, errno != EINTR { return false }
            guard ready > 0 else { continue }
            if descriptor.revents & Int16(POLLNVAL) != 0 { return false }
            let count = read(STDIN_FILENO, &buffer, buffer.count)
            if count == 0 || (count < 0 && errno != EINTR && errno != EAGAIN) { return false }
        }
    }

    /// Blocks until stdin reaches end of file.
    func waitForClose() {
        while sleep(until: .infinity) {}
    }

    /// Monotonic seconds.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func writeOutput(_ text: String) { writeAll(STDOUT_FILENO, text) }

    static func writeError(_ text: String) { writeAll(STDERR_FILENO, text) }

    /// Whole-text write; errors are ignored (the caller may have stopped listening).
    private static func writeAll(_ descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
