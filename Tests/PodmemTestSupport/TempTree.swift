import Foundation

/// A directory tree in a temp dir, for building cgroup layouts and log directories in tests.
public final class TempTree {
    public let path: String

    public init(_ label: String = "podmem-test") {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        Self.remove(Array(path.utf8CString))
    }

    /// Removes `path` (NUL-terminated bytes) and everything under it without following links. Byte names, as
    /// FileManager cannot remove a name that is not UTF-8 (HostileTextTests makes one).
    private static func remove(_ path: [CChar]) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFDIR, let directory = opendir(path) else {
            unlink(path)
            return
        }
        let dot = CChar(UInt8(ascii: "."))
        let slash = CChar(UInt8(ascii: "/"))
        var children: [[CChar]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { $0.prefix { $0 != 0 }.map { CChar(bitPattern: $0) } }
            if name != [dot] && name != [dot, dot] { children.append(path.dropLast() + [slash] + name + [0]) }
        }
        closedir(directory)
        for child in children { remove(child) }
        rmdir(path)
    }

    public func write(_ relative: String, _ contents: String) {
        let full = path + "/" + relative
        try! FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! contents.write(toFile: full, atomically: false, encoding: .utf8)
    }

    public func mkdir(_ relative: String) {
        try! FileManager.default.createDirectory(atPath: path + "/" + relative, withIntermediateDirectories: true)
    }

    /// Copies a fixture file's bytes unchanged.
    public func copy(from source: String, to relative: String) {
        write(relative, try! String(contentsOfFile: source, encoding: .utf8))
    }

    /// A v1 cgroup directory with the four files podmem reads.
    public func v1Cgroup(
        _ relative: String, usage: UInt64, stat: [String: UInt64], limit: UInt64 = 9_223_372_036_854_771_712
    ) {
        let prefix = relative.isEmpty ? "" : relative + "/"
        write(prefix + "memory.usage_in_bytes", "\(usage)\n")
        write(prefix + "memory.limit_in_bytes", "\(limit)\n")
        write(prefix + "memory.failcnt", "0\n")
        write(
            prefix + "memory.stat",
            stat.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "\n") + "\n")
    }

    /// A v2 cgroup directory.
    public func v2Cgroup(_ relative: String, current: UInt64, stat: [String: UInt64], max: String = "max") {
        let prefix = relative.isEmpty ? "" : relative + "/"
        write(prefix + "memory.current", "\(current)\n")
        write(prefix + "memory.max", max + "\n")
        write(prefix + "memory.events", "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\n")
        write(
            prefix + "memory.stat",
            stat.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "\n") + "\n")
    }
}
