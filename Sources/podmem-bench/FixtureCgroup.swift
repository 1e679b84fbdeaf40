import Foundation

/// The files of one captured cgroup directory (and its child cgroups), held in memory until staged as a
/// `CgroupTemplate`: podmem then parses real kernel output and `readdir` sees the capture's entries.
struct FixtureCgroup {
    let name: String
    let files: [(name: String, contents: Data)]
    /// Child cgroup directories, sorted by name.
    let children: [FixtureCgroup]

    init(_ path: String) throws {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: path) else {
            throw BenchError("\(path): cannot list the fixture (pass --fixtures DIR)")
        }
        var files: [(String, Data)] = []
        var children: [FixtureCgroup] = []
        for entry in names.sorted() {
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: path + "/" + entry, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                children.append(try FixtureCgroup(path + "/" + entry))
            } else {
                files.append((entry, try Data(contentsOf: URL(fileURLWithPath: path + "/" + entry))))
            }
        }
        name = String(path.split(separator: "/").last ?? "")
        self.files = files
        self.children = children
    }

    init(name: String, files: [(name: String, contents: Data)], children: [FixtureCgroup] = []) {
        self.name = name
        self.files = files
        self.children = children
    }

    func child(_ childName: String) throws -> FixtureCgroup {
        guard let found = children.first(where: { $0.name == childName }) else {
            throw BenchError("fixture \(name) lacks \(childName)/")
        }
        return found
    }

    /// The first pod cgroup (`pod<uid>`) directly below this one.
    func firstPod() throws -> FixtureCgroup {
        guard let found = children.first(where: { $0.name.hasPrefix("pod") }) else {
            throw BenchError("fixture \(name) has no pod")
        }
        return found
    }

    func contents(of fileName: String) throws -> Data {
        guard let file = files.first(where: { $0.name == fileName }) else {
            throw BenchError("fixture \(name) lacks \(fileName)")
        }
        return file.contents
    }

    /// Writes the files once into `directory`, from where every generated cgroup of this kind hard-links them.
    func stage(at directory: String) throws -> CgroupTemplate {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for file in files
        where !FileManager.default.createFile(atPath: directory + "/" + file.name, contents: file.contents) {
            throw BenchError("\(directory)/\(file.name): cannot create")
        }
        let usage = files.lazy.compactMap { file -> (name: String, bytes: UInt64)? in
            guard ["memory.usage_in_bytes", "memory.current"].contains(file.name),
                let bytes = UInt64(
                    String(decoding: file.contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            else { return nil }
            return (file.name, bytes)
        }.first
        return CgroupTemplate(directory: directory, fileNames: files.map(\.name), usage: usage)
    }
}
