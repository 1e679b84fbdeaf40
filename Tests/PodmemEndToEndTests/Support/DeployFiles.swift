import Foundation

/// The files in `deploy/`, found relative to this package.
enum DeployFiles {
    static var directory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("deploy").path
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
    }

    /// The PrometheusRule's `spec:` as a plain Prometheus rule file: the lines below `spec:`, two spaces less indented.
    static func plainRuleFile() throws -> String {
        let lines = try text("prometheus-rules.yaml").split(separator: "\n", omittingEmptySubsequences: false)
        guard let spec = lines.firstIndex(of: "spec:") else { throw CocoaError(.fileReadCorruptFile) }
        return lines[lines.index(after: spec)...].map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : String($0) }
            .joined(separator: "\n")
    }

    /// The Grafana dashboard, parsed.
    static func dashboard() throws -> [String: Any] {
        guard
            let json = try JSONSerialization.jsonObject(with: Data(text("grafana-dashboard.json").utf8))
                as? [String: Any]
        else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return json
    }

    /// Every panel target's PromQL (`expr`), rows' nested panels included.
    static func dashboardExpressions() throws -> [String] {
        func expressions(_ panels: [[String: Any]]) -> [String] {
            panels.flatMap { panel in
                ((panel["targets"] as? [[String: Any]]) ?? []).compactMap { $0["expr"] as? String }
                    + expressions(panel["panels"] as? [[String: Any]] ?? [])
            }
        }
        return expressions(try dashboard()["panels"] as? [[String: Any]] ?? [])
    }
}
