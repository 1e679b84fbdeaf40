import Glibc

/// The node's name: `<host-root>/etc/hostname` when looking at a mounted host, else this machine's hostname.
public enum HostName {
    public static func resolve<FS: CgroupFileSystem>(fileSystem: FS, hostRoot: String) -> String {
        if hostRoot != "/", let text = fileSystem.readString(CgroupHierarchy.joinHostRoot(hostRoot, "etc/hostname")) {
            let name = text.trimmingWhitespace()
            if !name.isEmpty { return name }
        }
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
