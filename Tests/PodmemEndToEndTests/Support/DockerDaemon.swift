import Foundation

/// A `dockerd` this test started, with networking off (no iptables, no masquerading, no bridge), stopped by its PID.
/// When a daemon already answers, it is used and left running: only what the test started is stopped.
final class DockerDaemon {
    private let process: SpawnedProcess?
    let logPath: String

    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `dockerd` and waits until the CLI reaches it; throws `Unavailable` (with the log's tail) when it cannot start.
    init(docker: ContainerRuntime, scratch: String) throws {
        logPath = scratch + "/dockerd.log"
        if (try? docker.run(["version"], timeout: 10)) != nil {
            process = nil
            return
        }
        let dockerd = ["/usr/sbin/dockerd", "/usr/bin/dockerd"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let dockerd else {
            throw Unavailable(description: "dockerd is not installed (Debian's docker.io provides it)")
        }
        let daemon = try SpawnedProcess(
            dockerd, ["--iptables=false", "--ip-masq=false", "--bridge=none"], stdout: logPath, stderr: logPath)
        process = daemon
        let deadline = Date(timeIntervalSinceNow: 60)
        while Date() < deadline, daemon.isRunning {
            if (try? docker.run(["version"], timeout: 10)) != nil { return }
            usleep(250_000)
        }
        let tail = ((try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "").split(separator: "\n").suffix(5)
            .joined(separator: " | ")
        stop()
        throw Unavailable(description: "dockerd did not start within 60 s: \(tail)")
    }

    /// SIGTERM to our daemon's PID (it stops the containerd it started), SIGKILL after 30 s.
    func stop() {
        guard let process, process.isRunning else { return }
        kill(process.pid, SIGTERM)
        if !process.wait(timeout: 30) {
            kill(process.pid, SIGKILL)
            _ = process.wait(timeout: 10)
        }
    }

    deinit { stop() }
}
