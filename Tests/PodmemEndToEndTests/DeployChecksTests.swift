import Foundation
import PodmemServe
import PodmemTestSupport
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
        let allowed = Set(ExportedMetric.all.map(\.name) + ["container_memory_working_set_bytes"])
        var used: Set<String> = []
        for expression in expressions + templateQueries {
            let names = Self.metricNames(in: expression)
            XCTAssertFalse(names.isEmpty, "\(expression) queries no metric")
            XCTAssertTrue(
                names.isSubset(of: allowed),
                "\(expression): \(names.subtracting(allowed)) is neither podmem's nor cAdvisor's")
            used.formUnion(names)
        }
        XCTAssertTrue(
            used.isSuperset(of: [
                "container_memory_working_set_bytes", "podmem_working_set_no_cache_bytes",
                "podmem_cache_share_ratio", "podmem_growth_class", "podmem_rss_bytes", "podmem_active_file_bytes",
            ]),
            "both working sets per pod, cache vs anon, the verdict: \(used)")
    }

    /// Two containers of one name under different runtimes are two lines: every podmem per-cgroup query filters on
    /// and keeps the `runtime` label (node figures and cAdvisor's metric have none).
    func testDashboardKeepsRuntimesApart() throws {
        let dashboard = try DeployFiles.dashboard()
        let templates = (dashboard["templating"] as? [String: Any])?["list"] as? [[String: Any]] ?? []
        XCTAssertTrue(templates.contains { $0["name"] as? String == "runtime" }, "a runtime variable")
        for expression in try DeployFiles.dashboardExpressions()
        where !Self.metricNames(in: expression).allSatisfy({
            $0.hasPrefix("podmem_node_") || $0.hasPrefix("container_")
        }) {
            XCTAssertTrue(expression.contains(#"runtime=~"$runtime""#), expression)
            if expression.contains(" by (") { XCTAssertTrue(expression.contains("runtime"), expression) }
        }
    }

    /// Every Kubernetes manifest in deploy/ (any YAML document with apiVersion and kind, in any file, so manifests
    /// added later are checked too) against the real schemas of the oldest and newest Kubernetes versions podmem
    /// supports, strictly: an unknown or misplaced field is an error. The Prometheus Operator's kinds have no schema
    /// here (neither Debian nor PyPI ships its CRDs), so they are the only documents allowed through unvalidated.
    func testManifestsValidateStrictlyAgainstKubernetesSchemas() throws {
        let validator = try KubernetesValidate.locate()
        let manifests = try KubernetesManifest.all(validator)
        XCTAssertTrue(manifests.contains { $0.kind == "DaemonSet" }, "\(manifests.map(\.kind))")
        for version in KubernetesValidate.supportedVersions {
            for file in Set(manifests.map(\.file)).sorted() {
                let run = try validator.validate(DeployFiles.directory + "/" + file, version: version)
                XCTAssertEqual(run.status, 0, "\(file) against Kubernetes \(version):\n\(run.stdout)\(run.stderr)")
                for manifest in manifests where manifest.file == file {
                    let kind = manifest.kind.lowercased()
                    if KubernetesManifest.prometheusOperatorGroup == manifest.apiGroup {
                        XCTAssertTrue(
                            run.stdout.contains(
                                "Couldn't find schema for kind \(manifest.kind) with api version \(manifest.apiVersion)"
                            ),
                            "\(file): \(manifest.kind) should be the Operator's CRD, not a built-in kind\n\(run.stdout)"
                        )
                    } else {
                        XCTAssertTrue(
                            run.stdout.contains("passed for resource \(kind)/\(manifest.name) against version"),
                            "\(file): \(manifest.kind)/\(manifest.name) was not validated against Kubernetes \(version)\n\(run.stdout)"
                        )
                    }
                }
            }
        }
    }

    /// The validation is strict and can fail: the DaemonSet with one unknown field in its container is rejected.
    func testStrictValidationRejectsAnUnknownField() throws {
        let validator = try KubernetesValidate.locate()
        var daemonSet = try XCTUnwrap(KubernetesManifest.all(validator).first { $0.kind == "DaemonSet" }).document
        var spec = daemonSet["spec"] as? [String: Any] ?? [:]
        var template = spec["template"] as? [String: Any] ?? [:]
        var podSpec = template["spec"] as? [String: Any] ?? [:]
        var containers = podSpec["containers"] as? [[String: Any]] ?? []
        // The real field is readOnlyRootFilesystem, under securityContext.
        containers[0]["readOnlyRootFileSystem"] = true
        podSpec["containers"] = containers
        template["spec"] = podSpec
        spec["template"] = template
        daemonSet["spec"] = spec
        let directory = TempTree("podmem-manifest")
        directory.write(
            "daemonset.json", String(decoding: try JSONSerialization.data(withJSONObject: daemonSet), as: UTF8.self))
        let run = try validator.validate(
            directory.path + "/daemonset.json", version: KubernetesValidate.supportedVersions[0])
        XCTAssertNotEqual(run.status, 0, run.stdout)
        XCTAssertTrue(run.stdout.contains("'readOnlyRootFileSystem' was unexpected"), run.stdout)
    }

    /// What the DaemonSet promises, read from the parsed manifest: the host paths mounted read-only under /host,
    /// serve on the default port, nobody with a read-only root and no capabilities, limits, probes, every node.
    func testDaemonSetMountsReadOnlyAndRunsEverywhereAsNobody() throws {
        let manifests = try KubernetesManifest.all(KubernetesValidate.locate())  // skips without the validator
        let daemonSet = try XCTUnwrap(manifests.first { $0.kind == "DaemonSet" }).document
        let podSpec = try XCTUnwrap(
            ((daemonSet["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"] as? [String: Any])
        let container = try XCTUnwrap((podSpec["containers"] as? [[String: Any]])?.first)
        let volumes = Dictionary(
            uniqueKeysWithValues: (podSpec["volumes"] as? [[String: Any]] ?? []).compactMap { volume in
                (volume["name"] as? String).map { ($0, (volume["hostPath"] as? [String: Any])?["path"] as? String) }
            })
        let mounts = container["volumeMounts"] as? [[String: Any]] ?? []
        for path in ["/sys/fs/cgroup", "/var/log", "/proc/meminfo", "/etc/hostname"] {
            let mount = mounts.first { $0["mountPath"] as? String == "/host" + path }
            XCTAssertEqual(mount?["readOnly"] as? Bool, true, "/host\(path) mounted read-only")
            XCTAssertEqual(volumes[mount?["name"] as? String ?? ""] ?? nil, path, "/host\(path) is the host's \(path)")
        }
        XCTAssertEqual(mounts.count, 4, "only the four host paths: \(mounts)")
        let arguments = container["args"] as? [String] ?? []
        XCTAssertEqual(
            Array(arguments.prefix(5)), ["serve", "--listen", ":\(ListenAddress.defaultPort)", "--host-root", "/host"])
        XCTAssertEqual(
            (container["ports"] as? [[String: Any]])?.first?["containerPort"] as? Int, Int(ListenAddress.defaultPort))
        let podSecurity = podSpec["securityContext"] as? [String: Any] ?? [:]
        XCTAssertEqual(podSecurity["runAsNonRoot"] as? Bool, true)
        XCTAssertEqual(podSecurity["runAsUser"] as? Int, 65534)
        let security = container["securityContext"] as? [String: Any] ?? [:]
        XCTAssertEqual(security["readOnlyRootFilesystem"] as? Bool, true)
        XCTAssertEqual(security["allowPrivilegeEscalation"] as? Bool, false)
        XCTAssertEqual((security["capabilities"] as? [String: Any])?["drop"] as? [String], ["ALL"])
        XCTAssertEqual((podSpec["tolerations"] as? [[String: Any]])?.map { $0["operator"] as? String }, ["Exists"])
        let resources = container["resources"] as? [String: Any] ?? [:]
        XCTAssertNotNil((resources["requests"] as? [String: Any])?["memory"])
        XCTAssertNotNil((resources["limits"] as? [String: Any])?["memory"])
        for probe in ["readinessProbe", "livenessProbe"] {
            XCTAssertEqual(
                ((container[probe] as? [String: Any])?["httpGet"] as? [String: Any])?["path"] as? String, "/healthz",
                probe)
        }
    }

    /// The NetworkPolicy selects the DaemonSet's pods in its namespace and opens only their metrics port, to
    /// Prometheus pods that must be in the monitoring namespace (both selectors in one `from` entry, an AND).
    func testNetworkPolicyAdmitsOnlyMonitoringPrometheusToTheMetricsPort() throws {
        let policy = try DeployFiles.text("networkpolicy.yaml")
        let daemonSet = try DeployFiles.text("daemonset.yaml")
        XCTAssertTrue(policy.contains("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"))
        XCTAssertTrue(daemonSet.contains("kind: DaemonSet\nmetadata:\n  name: podmem\n  namespace: monitoring\n"))
        XCTAssertTrue(
            policy.contains("metadata:\n  name: podmem\n  namespace: monitoring\n"), "the DaemonSet's namespace")
        XCTAssertTrue(
            daemonSet.contains("  template:\n    metadata:\n      labels:\n        app.kubernetes.io/name: podmem\n"))
        XCTAssertTrue(
            policy.contains("spec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: podmem\n"),
            "the DaemonSet's pods")
        XCTAssertTrue(policy.contains("  policyTypes:\n    - Ingress\n    - Egress\n"))
        let prometheusInMonitoring = [
            "- namespaceSelector:", "    matchLabels:", "      kubernetes.io/metadata.name: monitoring",
            "  podSelector:", "    matchLabels:", "      app.kubernetes.io/name: prometheus",
        ]
        XCTAssertTrue(
            policy.contains(prometheusInMonitoring.map { "        " + $0 + "\n" }.joined()),
            "one from entry: Prometheus pods in monitoring")
        XCTAssertEqual(policy.components(separatedBy: "- from:").count, 2, "a single ingress rule")
        XCTAssertTrue(
            policy.contains("      ports:\n        - protocol: TCP\n          port: \(ListenAddress.defaultPort)\n"))
        XCTAssertTrue(daemonSet.contains("containerPort: \(ListenAddress.defaultPort)"))
        XCTAssertTrue(policy.hasSuffix("  egress: []\n"), "podmem opens no connections")
    }

    /// Identifiers that name metrics: `podmem_…` and `container_…` words, the only prefixes these queries use
    /// (PromQL functions, keywords and label names never start with them).
    static func metricNames(in expression: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: "\\b(podmem|container)_[a-z_]+\\b")
        let range = NSRange(expression.startIndex..., in: expression)
        return Set(
            pattern.matches(in: expression, range: range).map { String(expression[Range($0.range, in: expression)!]) })
    }
}
