import Foundation

/// A fresh `podmem-bench.XXXXXX` directory (mkdtemp) holding the tree, the file list and the floor binary.
struct ScratchDirectory {
    let path: String

    init(under parent: String) throws {
        var template =
            Array((parent.hasSuffix("/") ? parent : parent + "/").utf8CString.dropLast())
            + Array("podmem-bench.XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else {
            throw BenchError("\(parent): cannot create a temporary directory (\(String(cString: strerror(errno))))")
        }
        path = String(cString: created)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
