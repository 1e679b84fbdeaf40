import Glibc

/// SIGINT, SIGTERM and SIGHUP held pending while the live bench runs, so that Ctrl-C ends it through its cleanup
/// (tmux server stopped, tree removed) instead of killing it with podmem left running. The bench sleeps by waiting
/// for one of them; children start with nothing blocked (`ChildProcess`).
enum StopSignals {
    private static var set: sigset_t {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signal) }
        return signals
    }

    /// Blocks the signals; call before any thread starts, so every thread inherits the mask.
    static func hold() {
        var signals = set
        pthread_sigmask(SIG_BLOCK, &signals, nil)
    }

    /// Sleeps `seconds` (0: only checks), or throws as soon as a held signal is pending.
    static func sleep(_ seconds: Double) throws {
        var signals = set
        let deadline = ResourceClock.wallMicroseconds() + seconds * 1e6
        while true {
            let left = max(0, deadline - ResourceClock.wallMicroseconds())
            var timeout = timespec(
                tv_sec: Int(left / 1e6), tv_nsec: Int(left.truncatingRemainder(dividingBy: 1e6) * 1000))
            let signal = sigtimedwait(&signals, nil, &timeout)
            if signal > 0 { throw BenchError("interrupted by signal \(signal)", exitCode: 128 + signal) }
            if errno != EINTR { return }  // EAGAIN: the time is up
        }
    }
}
