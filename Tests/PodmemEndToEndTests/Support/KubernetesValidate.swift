import Foundation
import XCTest

/// `kubernetes-validate` (PyPI) in `.build/test-venv`, where `scripts/deps --test` installs it: the Kubernetes
/// OpenAPI schemas of each version it ships, checked with `--strict` (unknown fields are errors). Its Python also
/// parses YAML (PyYAML, a dependency) for the tests that read a manifest's structure.
struct KubernetesValidate {
    /// The oldest and newest versions kubernetes-validate 1.37.0 ships schemas for; the README claims these.
    static let supportedVersions = ["1.25.0", "1.37.0"]

    let executable: URL
    let python: URL

    static func locate() throws -> KubernetesValidate {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let bin = packageRoot.appendingPathComponent(".build/test-venv/bin")
        let validator = KubernetesValidate(
            executable: bin.appendingPathComponent("kubernetes-validate"),
            python: bin.appendingPathComponent("python3"))
        guard FileManager.default.isExecutableFile(atPath: validator.executable.path) else {
            throw XCTSkip("kubernetes-validate is not installed in .build/test-venv (scripts/deps --test installs it)")
        }
        return validator
    }

    func validate(_ file: String, version: String) throws -> CommandRun {
        try CommandRun.run(executable, ["--strict", "--kubernetes-version", version, file])
    }

    /// Every YAML document of `file`, as JSON objects (an empty document is skipped).
    func documents(_ file: String) throws -> [[String: Any]] {
        let script =
            "import json, sys, yaml; print(json.dumps([d for d in yaml.safe_load_all(open(sys.argv[1])) if d is not None]))"
        let run = try CommandRun.run(python, ["-c", script, file])
        guard run.status == 0, let documents = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [Any]
        else {
            throw CocoaError(
                .fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(file) is not YAML: \(run.stderr)"])
        }
        return documents.map { $0 as? [String: Any] ?? [:] }
    }
}
