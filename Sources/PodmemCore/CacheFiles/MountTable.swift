/// One mount namespace's `/proc/<pid>/mountinfo`, for turning a path a container's process sees into the host's
/// path of the same file: the container mount holding the path gives its device and the path within that file
/// system; a host mount of the same device whose root contains it gives the host's path.
struct MountTable {
    struct Mount: Equatable {
        /// `major:minor` as mountinfo writes it.
        var device: String
        /// The mount's root within its file system, and where it is mounted: unescaped bytes.
        var root: [UInt8]
        var mountPoint: [UInt8]
    }

    /// Lines read at most: a node's mountinfo has hundreds to a few thousand.
    static let maximumLines = 65_536

    var mounts: [Mount]

    /// `id parent major:minor root mountpoint options… - type source superoptions`; malformed lines are skipped.
    static func parse(_ bytes: ArraySlice<UInt8>) -> MountTable {
        var mounts: [Mount] = []
        for line in bytes.split(separator: 0x0A).prefix(maximumLines) {
            let fields = line.split(separator: 0x20, maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count >= 5, fields[3].first == 0x2F, fields[4].first == 0x2F else { continue }
            mounts.append(
                Mount(
                    device: String(decoding: fields[2], as: UTF8.self), root: unescaped(fields[3]),
                    mountPoint: unescaped(fields[4])))
        }
        return MountTable(mounts: mounts)
    }

    /// The device of the mount that holds `path` (the last of the deepest matches: a later mount hides an earlier
    /// one on the same point) and the path within that file system.
    func locate(_ path: [UInt8]) -> (device: String, fileSystemPath: [UInt8])? {
        var best: Mount?
        for mount in mounts where Self.relative(path, under: mount.mountPoint) != nil {
            if best == nil || mount.mountPoint.count >= best!.mountPoint.count { best = mount }
        }
        guard let best, let rest = Self.relative(path, under: best.mountPoint) else { return nil }
        return (best.device, Self.join(best.root, rest))
    }

    /// Where this namespace sees the file at `fileSystemPath` of `device`: through the mount of that device whose
    /// root contains it most closely (the first such mount); nil when none does.
    func path(device: String, fileSystemPath: [UInt8]) -> [UInt8]? {
        var best: (mount: Mount, rest: [UInt8])?
        for mount in mounts where mount.device == device {
            guard let rest = Self.relative(fileSystemPath, under: mount.root) else { continue }
            if best == nil || mount.root.count > best!.mount.root.count { best = (mount, rest) }
        }
        return best.map { Self.join($0.mount.mountPoint, $0.rest) }
    }

    /// `path` below `directory`, component-wise ("" when equal; "/a" is not under "/ab"); nil when outside.
    static func relative(_ path: [UInt8], under directory: [UInt8]) -> [UInt8]? {
        if directory == [0x2F] { return path.first == 0x2F ? Array(path.dropFirst()) : nil }
        guard path.starts(with: directory) else { return nil }
        if path.count == directory.count { return [] }
        return path[directory.count] == 0x2F ? Array(path[(directory.count + 1)...]) : nil
    }

    static func join(_ directory: [UInt8], _ rest: [UInt8]) -> [UInt8] {
        if rest.isEmpty { return directory }
        return directory.last == 0x2F ? directory + rest : directory + [0x2F] + rest
    }

    /// mountinfo writes space, tab, newline and backslash as `\ooo`.
    static func unescaped(_ field: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(field.count)
        var index = field.startIndex
        while index < field.endIndex {
            let byte = field[index]
            if byte == 0x5C, field.endIndex - index >= 4 {
                let digits = field[(index + 1)...(index + 3)]
                if digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }) {
                    let value = digits.reduce(0) { $0 * 8 + Int($1 - 0x30) }
                    if value <= 0xFF {
                        result.append(UInt8(value))
                        index += 4
                        continue
                    }
                }
            }
            result.append(byte)
            index += 1
        }
        return result
    }
}
