import Foundation

/// Read-only bind mounts that let a dynamically linked host binary run in a busybox container: the directories of
/// the libraries `ldd` resolves (glibc, libstdc++, a debug build's Swift runtime) and the loader itself, each at
/// its host path.
enum LibraryMounts {
    /// `-v host:container:ro` options for `binary`, mounted at `/podmem-bin/<name>`, and its libraries.
    static func options(for binary: URL) throws -> [String] {
        let ldd = try CommandRun.run(URL(fileURLWithPath: "/usr/bin/ldd"), [binary.path])
        guard ldd.status == 0 else { throw ContainerRuntime.Failure(description: "ldd \(binary.path): \(ldd.stderr)") }
        var sources: [String] = []
        for line in ldd.stdout.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if let arrow = fields.firstIndex(of: "=>"), arrow + 1 < fields.count, fields[arrow + 1].hasPrefix("/") {
                sources.append((String(fields[arrow + 1]) as NSString).deletingLastPathComponent)
            } else if let first = fields.first, first.hasPrefix("/") {
                sources.append(String(first))  // the loader: mounted as a file
            }
        }
        var seen = Set<String>()
        var options = ["-v", "\(binary.path):/podmem-bin/\(binary.lastPathComponent):ro"]
        for source in sources where seen.insert(source).inserted {
            options += ["-v", "\(source):\(source):ro"]
        }
        return options
    }
}
