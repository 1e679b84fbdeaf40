/// File-backed mappings of `/proc/<pid>/maps`: one entry per distinct device + inode, with the path as the process
/// sees it and the `map_files` name of its first mapping.
struct ProcMapsParser {
    struct Mapping: Equatable {
        /// `<start>-<end>` without leading zeros: the entry's name in `/proc/<pid>/map_files/`.
        var mapFilesName: String
        /// The path field: raw bytes (the kernel escapes only newlines), may end in " (deleted)".
        var path: [UInt8]
        var device: String
        var inode: UInt64
    }

    /// Lines looked at per process: `vm.max_map_count` defaults to 65 530, and a scan must stay bounded.
    static let maximumLines = 65_536

    /// Entries whose path is absolute and whose inode is not 0 (anonymous, `[heap]`, `[vdso]` and the like are skipped).
    static func fileMappings(_ bytes: ArraySlice<UInt8>) -> [Mapping] {
        var result: [Mapping] = []
        var seen: Set<String> = []
        var lines = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
            lines += 1
            if lines > maximumLines { break }
            guard let mapping = parse(line), seen.insert(mapping.device + ":" + String(mapping.inode)).inserted else {
                continue
            }
            result.append(mapping)
        }
        return result
    }

    /// `start-end perms offset major:minor inode   path`
    static func parse(_ line: ArraySlice<UInt8>) -> Mapping? {
        var fields: [ArraySlice<UInt8>] = []
        var index = line.startIndex
        while fields.count < 5 {
            while index < line.endIndex, line[index] == 0x20 { index += 1 }
            let start = index
            while index < line.endIndex, line[index] != 0x20 { index += 1 }
            guard start < index else { return nil }
            fields.append(line[start..<index])
        }
        while index < line.endIndex, line[index] == 0x20 { index += 1 }
        let path = line[index...]
        guard path.first == 0x2F, let inode = UInt64(String(decoding: fields[4], as: UTF8.self)), inode != 0 else {
            return nil
        }
        let range = fields[0].split(separator: 0x2D, maxSplits: 1)
        guard range.count == 2 else { return nil }
        func trimmed(_ hex: ArraySlice<UInt8>) -> String {
            let digits = hex.drop { $0 == 0x30 }
            return digits.isEmpty ? "0" : String(decoding: digits, as: UTF8.self)
        }
        return Mapping(
            mapFilesName: trimmed(range[0]) + "-" + trimmed(range[1]), path: Array(path),
            device: String(decoding: fields[3], as: UTF8.self), inode: inode)
    }
}
