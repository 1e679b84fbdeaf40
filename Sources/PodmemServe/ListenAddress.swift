/// `--listen HOST:PORT`: where `podmem serve` accepts scrapes.
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    /// In the exporters' range of Prometheus' default port allocations (9100–9999). That list has had no free
    /// numbers since 2023, so this one is podmem's choice, not a registration: pass --listen if it collides.
    public static let defaultPort = 9786
    public static let defaultValue = ":\(defaultPort)"
    public static let syntax = "HOST:PORT, [IPv6]:PORT or :PORT (port 0 to 65535)"

    public let host: String
    public let port: Int

    /// `HOST:PORT`, `[IPv6]:PORT`, or `:PORT` for every IPv4 interface; port 0 picks a free port. nil: not that form.
    public init?(parsing text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65535).contains(port)
        else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        } else if host.contains(":") {
            return nil  // a bare IPv6 address needs brackets
        }
        self.host = host.isEmpty ? "0.0.0.0" : host
        self.port = port
    }

    public var description: String { Self.format(host: host, port: port) }

    /// `host:port`, with brackets around an IPv6 host.
    public static func format(host: String, port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
