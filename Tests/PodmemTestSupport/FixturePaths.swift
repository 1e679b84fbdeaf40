import Foundation

/// Locates `Tests/Fixtures` (real kernel captures, described in its README) inside this package.
public enum FixturePaths {
    public static var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").path
    }

    public static var v1Lab: String { root + "/cgroup-v1-kubepods-lab" }
    public static var v2Real: String { root + "/cgroup-v2-real-6x" }

    /// Reads `key value` lines the simple way, independent of podmem's byte parser.
    public static func statFile(_ path: String) -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        for line in (try? String(contentsOfFile: path, encoding: .utf8))?.split(separator: "\n") ?? [] {
            let parts = line.split(separator: " ")
            if parts.count == 2, let value = UInt64(parts[1]) { result[String(parts[0])] = value }
        }
        return result
    }

    public static func number(_ path: String) -> UInt64 {
        UInt64((try! String(contentsOfFile: path, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines))!
    }
}
