import Foundation
import XCTest

/// One Kubernetes object in a deploy/ YAML file: a document with `apiVersion` and `kind`.
struct KubernetesManifest {
    /// The Prometheus Operator's API group (PodMonitor, PrometheusRule): CRDs without a schema available offline.
    static let prometheusOperatorGroup = "monitoring.coreos.com"
    /// YAML files in deploy/ that are not Kubernetes objects; any other YAML file must hold at least one manifest.
    static let nonManifestFiles: Set<String> = ["prometheus-rules.test.yaml"]

    let file: String
    let document: [String: Any]
    let apiVersion: String
    let kind: String
    let name: String

    /// `apps/v1` → `apps`; the core group (`v1`) is "".
    var apiGroup: String { apiVersion.contains("/") ? String(apiVersion.split(separator: "/")[0]) : "" }

    /// Every manifest of every `.yaml`/`.yml` file in deploy/, parsed by `validator`'s Python.
    static func all(_ validator: KubernetesValidate) throws -> [KubernetesManifest] {
        let files = try FileManager.default.contentsOfDirectory(atPath: DeployFiles.directory)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var manifests: [KubernetesManifest] = []
        for file in files {
            let found = try validator.documents(DeployFiles.directory + "/" + file).compactMap {
                document -> KubernetesManifest? in
                guard let apiVersion = document["apiVersion"] as? String, let kind = document["kind"] as? String else {
                    return nil
                }
                let name = (document["metadata"] as? [String: Any])?["name"] as? String ?? ""
                return KubernetesManifest(
                    file: file, document: document, apiVersion: apiVersion, kind: kind, name: name)
            }
            if found.isEmpty && !nonManifestFiles.contains(file) {
                XCTFail(
                    "deploy/\(file) holds no document with apiVersion and kind, and is not a known non-manifest file")
            }
            manifests += found
        }
        return manifests
    }
}
