import Foundation

/// `podmem serve` as a subprocess on a free loopback port (`--listen 127.0.0.1:0`): the port is read from its
/// "serving http://…/metrics" line. `stop()` sends SIGTERM and returns the exit status; deinit makes sure it is gone.
final class ServeProcess {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let address: String
    private let process = Process()
    private let scratch: URL

    init(_ arguments: [String], timeout: TimeInterval = 30) throws {
        guard let binary = BinaryLocator.executable("podmem") else {
            throw Failure(description: "podmem binary not built")
        }
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("podmem-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let errors = scratch.appendingPathComponent("stderr")
        try Data().write(to: errors)
        process.executableURL = binary
        process.arguments = ["serve", "--listen", "127.0.0.1:0"] + arguments
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date(timeIntervalSinceNow: timeout)
        var found: String?
        while found == nil && process.isRunning && Date() < deadline {
            let text = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            found = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression).map {
                String(text[$0].dropFirst(7))
            }
            if found == nil { Thread.sleep(forTimeInterval: 0.02) }
        }
        guard let found else {
            let text = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: scratch)
            throw Failure(description: "podmem serve did not report its address: \(text)")
        }
        address = found
    }

    var pid: pid_t { process.processIdentifier }

    /// What the process wrote on stderr so far.
    var stderr: String { (try? String(contentsOf: scratch.appendingPathComponent("stderr"), encoding: .utf8)) ?? "" }

    func get(_ path: String) throws -> HTTPFetch.Reply { try HTTPFetch.get("http://\(address)\(path)") }

    /// SIGTERM, then waits up to `timeout`; returns the exit status, or nil when it had to be killed.
    @discardableResult
    func stop(timeout: TimeInterval = 10) -> Int32? {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : nil
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: scratch)
    }
}
