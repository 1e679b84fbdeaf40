import Foundation

/// For `--live --detail`: a real process with real files for the detail pod's page-cache-by-file scan. `podmem-lab
/// hold-files` (a log kept open, a mapped index, a deleted file still held: 64 + 32 + 16 MiB) is listed in the
/// `cgroup.procs` of every leaf cgroup of the generated tree, so whichever pod the screen opens has it.
final class DetailPodFiles {
    private let process: Process
    private let input: Pipe

    init(lab: String, tree: KubepodsTree, scratch: String) throws {
        let directory = scratch + "/detail-files"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: lab)
        process.arguments = ["hold-files", "--dir", directory]
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let reader = output.fileHandleForReading
        guard Self.line(reader).hasPrefix("ready ") else { throw BenchError("podmem-lab hold-files did not start") }
        try input.fileHandleForWriting.write(contentsOf: Data("go\n".utf8))
        guard Self.line(reader) == "started" else {
            throw BenchError("podmem-lab hold-files failed to write its files")
        }
        var listed = 0
        for leaf in try Self.leafDirectories(tree.cgroupRoot) {
            try "\(process.processIdentifier)\n".write(
                toFile: leaf + "/cgroup.procs", atomically: false, encoding: .utf8)
            listed += 1
        }
        FileHandle.standardError.write(
            Data(
                "podmem-bench: podmem-lab hold-files (pid \(process.processIdentifier)) listed in \(listed) container cgroups\n"
                    .utf8))
    }

    /// Closes the lab's stdin, which ends it.
    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    private static func line(_ handle: FileHandle) -> String {
        var bytes: [UInt8] = []
        while let byte = try? handle.read(upToCount: 1), let first = byte.first, first != 0x0A { bytes.append(first) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func leafDirectories(_ root: String) throws -> [String] {
        var leaves: [String] = []
        var queue = [root]
        while let directory = queue.popLast() {
            let children = try FileManager.default.contentsOfDirectory(atPath: directory).map { directory + "/" + $0 }
                .filter { path in
                    var isDirectory: ObjCBool = false
                    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                        && isDirectory.boolValue
                }
            if children.isEmpty && directory != root { leaves.append(directory) } else { queue += children }
        }
        return leaves
    }
}
