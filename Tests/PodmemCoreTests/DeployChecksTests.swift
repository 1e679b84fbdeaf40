import Foundation
import PodmemServe
import XCTest

/// deploy/: the alert rules pass promtool's checks and unit tests, the dashboard queries only metrics that exist,
/// and the DaemonSet keeps its promises (read-only host mounts, non-root, limits, runs on every node).
final class DeployChecksTests: XCTestCase {
    func promtool(_ arguments: [String]) throws -> CommandRun {
        if let reason = PrometheusServer.unavailableReason { throw XCTSkip(reason) }
        return try CommandRun.run(URL(fileURLWithPath: PrometheusServer.promtool), arguments)
    }

    func testRulesPassPromtoolCheckAndUnitTests() throws {
        let directory = TempTree("podmem-rules")
        directory.write("podmem-rules.yml", try DeployFiles.plainRuleFile())
        directory.write("prometheus-rules.test.yaml", try DeployFiles.text("prometheus-rules.test.yaml"))
        let check = try promtool(["check", "rules", directory.path + "/podmem-rules.yml"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("SUCCESS: 3 rules found"), check.stdout)
        // The test file's rule_files entry (podmem-rules.yml) is relative to the test file's directory.
        let unitTests = try promtool(["test", "rules", directory.path + "/prometheus-rules.test.yaml"])
        XCTAssertEqual(unitTests.status, 0, unitTests.stdout + unitTests.stderr)
    }

    func testDashboardQueriesOnlyExportedMetricsAndCAdvisorsWorkingSet() throws {
        let dashboard = try DeployFiles.dashboard()
        XCTAssertNotNil(dashboard["title"] as? String)
        let expressions = try DeployFiles.dashboardExpressions()
        XCTAssertGreaterThanOrEqual(expressions.count, 10)
        let templates = (dashboard["templating"] as? [String: Any])?["list"] as? [[String: Any]] ?? []
        let templateQueries = templates.compactMap { ($0["query"] as? [String: Any])?["query"] as? String }
        let allowed = Set(ExportedMetric.allCases.map(\.name) + ["container_memory_working_set_bytes"])
        var used: Set<String> = []
        for expression in expressions + templateQueries {
            let names = Self.metricNames(in: expression)
            XCTAssertFalse(names.isEmpty, "\(expression) queries no metric")
            XCTAssertTrue(names.isSubset(of: allowed), "\(expression): \(names.subtracting(allowed)) is neither podmem's nor cAdvisor's")
            used.formUnion(names)
        }
        XCTAssertTrue(used.isSuperset(of: ["container_memory_working_set_bytes", "podmem_working_set_no_cache_bytes",
                                           "podmem_cache_share_ratio", "podmem_growth_class", "podmem_rss_bytes", "podmem_active_file_bytes"]),
                      "both working sets per pod, cache vs anon, the verdict: \(used)")
    }

    /// Two containers of one name under different runtimes are two lines: every podmem per-cgroup query filters on
    /// and keeps the `runtime` label (node figures and cAdvisor's metric have none).
    func testDashboardKeepsRuntimesApart() throws {
        let dashboard = try DeployFiles.dashboard()
        let templates = (dashboard["templating"] as? [String: Any])?["list"] as? [[String: Any]] ?? []
        XCTAssertTrue(templates.contains { $0["name"] as? String == "runtime" }, "a runtime variable")
        for expression in try DeployFiles.dashboardExpressions() where !Self.metricNames(in: expression).allSatisfy({
            $0.hasPrefix("podmem_node_") || $0.hasPrefix("container_") }) {
            XCTAssertTrue(expression.contains(#"runtime=~"$runtime""#), expression)
            if expression.contains(" by (") { XCTAssertTrue(expression.contains("runtime"), expression) }
        }
    }

    func testDaemonSetMountsReadOnlyAndRunsEverywhereAsNobody() throws {
        let manifest = try DeployFiles.text("daemonset.yaml")
        for mount in ["/host/sys/fs/cgroup", "/host/var/log", "/host/proc/meminfo", "/host/etc/hostname"] {
            XCTAssertTrue(manifest.contains("mountPath: \(mount)\n              readOnly: true"), "\(mount) mounted read-only")
        }
        for path in ["/sys/fs/cgroup", "/var/log"] { XCTAssertTrue(manifest.contains("hostPath:\n            path: \(path)\n"), path) }
        XCTAssertTrue(manifest.contains(#"args: ["serve", "--listen", ":\#(ListenAddress.defaultPort)", "--host-root", "/host""#))
        XCTAssertTrue(manifest.contains("containerPort: \(ListenAddress.defaultPort)"))
        XCTAssertTrue(manifest.contains("runAsNonRoot: true"))
        XCTAssertTrue(manifest.contains("tolerations:\n        - operator: Exists"))
        XCTAssertTrue(manifest.contains("readOnlyRootFilesystem: true"))
        XCTAssertTrue(manifest.contains("requests:") && manifest.contains("limits:"))
        XCTAssertTrue(manifest.contains("path: /healthz"))
    }

    /// The NetworkPolicy selects the DaemonSet's pods in its namespace and opens only their metrics port, to
    /// Prometheus pods that must be in the monitoring namespace (both selectors in one `from` entry, an AND).
    func testNetworkPolicyAdmitsOnlyMonitoringPrometheusToTheMetricsPort() throws {
        let policy = try DeployFiles.text("networkpolicy.yaml")
        let daemonSet = try DeployFiles.text("daemonset.yaml")
        XCTAssertTrue(policy.contains("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"))
        XCTAssertTrue(daemonSet.contains("kind: DaemonSet\nmetadata:\n  name: podmem\n  namespace: monitoring\n"))
        XCTAssertTrue(policy.contains("metadata:\n  name: podmem\n  namespace: monitoring\n"), "the DaemonSet's namespace")
        XCTAssertTrue(daemonSet.contains("  template:\n    metadata:\n      labels:\n        app.kubernetes.io/name: podmem\n"))
        XCTAssertTrue(policy.contains("spec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: podmem\n"), "the DaemonSet's pods")
        XCTAssertTrue(policy.contains("  policyTypes:\n    - Ingress\n    - Egress\n"))
        let prometheusInMonitoring = ["- namespaceSelector:", "    matchLabels:", "      kubernetes.io/metadata.name: monitoring",
                                      "  podSelector:", "    matchLabels:", "      app.kubernetes.io/name: prometheus"]
        XCTAssertTrue(policy.contains(prometheusInMonitoring.map { "        " + $0 + "\n" }.joined()), "one from entry: Prometheus pods in monitoring")
        XCTAssertEqual(policy.components(separatedBy: "- from:").count, 2, "a single ingress rule")
        XCTAssertTrue(policy.contains("      ports:\n        - protocol: TCP\n          port: \(ListenAddress.defaultPort)\n"))
        XCTAssertTrue(daemonSet.contains("containerPort: \(ListenAddress.defaultPort)"))
        XCTAssertTrue(policy.hasSuffix("  egress: []\n"), "podmem opens no connections")
    }

    /// Identifiers that name metrics: `podmem_…` and `container_…` words, the only prefixes these queries use
    /// (PromQL functions, keywords and label names never start with them).
    static func metricNames(in expression: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: "\\b(podmem|container)_[a-z_]+\\b")
        let range = NSRange(expression.startIndex..., in: expression)
        return Set(pattern.matches(in: expression, range: range).map { String(expression[Range($0.range, in: expression)!]) })
    }
}
