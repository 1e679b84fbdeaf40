import Foundation

/// Runs a built executable to completion and captures its exit status and output.
struct CommandRun {
    let status: Int32
    let stdout: String
    let stderr: String

    static func podmem(_ arguments: [String], timeout: Double = 60) throws -> CommandRun {
        guard let binary = BinaryLocator.executable("podmem") else { throw CocoaError(.fileNoSuchFile) }
        return try run(binary, arguments, timeout: timeout)
    }

    /// Runs `executable`; `input` becomes its stdin (else /dev/null).
    static func run(_ executable: URL, _ arguments: [String], input: Data? = nil, timeout: Double = 60) throws
        -> CommandRun
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("podmem-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        let err = scratch.appendingPathComponent("err")
        try Data().write(to: out)
        try Data().write(to: err)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        if let input {
            let stdin = scratch.appendingPathComponent("in")
            try input.write(to: stdin)
            process.standardInput = try FileHandle(forReadingFrom: stdin)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return CommandRun(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    var json: [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any]
    }
}
