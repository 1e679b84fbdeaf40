import PodmemCore

/// Maps each `podmem.snapshot/1` document to the Prometheus text exposition (format 0.0.4), value for value: every
/// number is a field of the document (what `--batch --json` prints), never re-derived, and a `null` field exports no
/// series, so the exposition holds exactly the latest document's series.
///
/// Written in one pass over the document into one byte buffer, with no metrics registry in between: a registry that
/// copies a label family on each insertion is quadratic in series, and a node of 2000 pods × 2 containers has 84 000
/// of them, rendered within the DaemonSet's 128 Mi memory limit.
public final class ExpositionRenderer {
    /// The sandbox (pause) container's `container` label, as cAdvisor names it.
    public static let sandboxContainerLabel = "POD"

    /// One pod's or container's figures with its labels.
    private struct Cgroup {
        let labels: [(String, String)]
        let memory: MemoryFigures
        let cacheShare: Double?
        let growth: SnapshotGrowth
    }

    /// The previous exposition's size: the next is reserved at once instead of grown by doubling.
    private var lastSize = 0

    public init() {}

    public func render(_ document: SnapshotDocument) -> [UInt8] {
        // The first cgroup with a label set wins (pods come largest first), so two cgroups that share names for a
        // moment (a pod recreated under its name) never mix their figures.
        var cgroups: [Cgroup] = []
        var labelSets: Set<[String]> = []
        func add(
            _ labels: [(String, String)], _ memory: MemoryFigures, _ cacheShare: Double?, _ growth: SnapshotGrowth
        ) {
            if labelSets.insert(labels.map(\.1)).inserted {
                cgroups.append(Cgroup(labels: labels, memory: memory, cacheShare: cacheShare, growth: growth))
            }
        }
        for pod in document.pods {
            let namespace = pod.namespace ?? ""
            let name = pod.name ?? pod.uid ?? pod.cgroup
            let qos = pod.qos?.rawValue ?? ""
            add(
                [
                    ("namespace", namespace), ("pod", name), ("container", ""), ("qos", qos),
                    ("runtime", Self.runtimeLabel(pod)),
                ],
                pod.memory, pod.cacheShare, pod.growth)
            for container in pod.containers {
                let containerName = container.sandbox ? Self.sandboxContainerLabel : container.name ?? container.id
                add(
                    [
                        ("namespace", namespace), ("pod", name), ("container", containerName), ("qos", qos),
                        ("runtime", container.runtime ?? ""),
                    ],
                    container.memory, container.cacheShare, container.growth)
            }
        }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(lastSize + 4096)
        for metric in ExportedMetric.all {
            let familyStart = bytes.count
            Self.header(metric, into: &bytes)
            let samplesStart = bytes.count
            switch metric.value {
            case .nodeAvailableBytes:
                Self.sample(
                    metric, [("formula", "kubelet")], document.node.availableBytes.map { String($0) }, into: &bytes)
                Self.sample(
                    metric, [("formula", "no_cache")], document.node.availableNoCacheBytes.map { String($0) },
                    into: &bytes)
            case .nodeMemoryTotalBytes:
                Self.sample(metric, [], document.node.memTotalBytes.map { String($0) }, into: &bytes)
            default:
                for cgroup in cgroups { Self.samples(metric, of: cgroup, into: &bytes) }
            }
            if bytes.count == samplesStart { bytes.removeSubrange(familyStart...) }  // no series: no family
        }
        lastSize = bytes.count
        return bytes
    }

    /// The `runtime` label of a pod-level series, from the document's `runtime` and `kind`: a docker or podman
    /// container's runtime; `systemd` for a service; for a Kubernetes pod, the runtime its containers' cgroups name
    /// (`containerd`, `crio`, `docker`) when they agree; empty when nothing says (kubelet's cgroupfs driver names
    /// containers by id alone). A container's series carry that container's `runtime`.
    static func runtimeLabel(_ pod: SnapshotPod) -> String {
        if let runtime = pod.runtime { return runtime }
        if pod.kind == .service { return "systemd" }
        let named = Set(pod.containers.compactMap(\.runtime))
        return named.count == 1 ? named.first! : ""
    }

    /// A cgroup's samples of one per-cgroup metric; a `null` figure gives none.
    private static func samples(_ metric: ExportedMetric, of cgroup: Cgroup, into bytes: inout [UInt8]) {
        let labels = cgroup.labels
        let growth = cgroup.growth
        switch metric.value {
        case .figure(let figure):
            // Byte counts go out as exact integers (a Double would round limits such as 2^63 - 4096).
            sample(metric, labels, cgroup.memory[figure].map { String($0) }, into: &bytes)
        case .cacheShareRatio:
            sample(metric, labels, cgroup.cacheShare.map(format), into: &bytes)
        case .growthBytesPerSecond:
            for figure in MemoryFigure.rates {
                guard let rate = figure.growthRate else { continue }
                sample(
                    metric, labels + [("component", rate.metricComponent)],
                    growth[keyPath: rate.documentField].map(format),
                    into: &bytes)
            }
        case .growthClass:
            for growthClass in GrowthClass.allCases {
                sample(
                    metric, labels + [("class", growthClass.rawValue)], growth.class == growthClass ? "1" : "0",
                    into: &bytes)
            }
        case .nodeAvailableBytes, .nodeMemoryTotalBytes:
            break
        }
    }

    /// `# HELP` (escaped as the text format requires) and `# TYPE` lines.
    private static func header(_ metric: ExportedMetric, into bytes: inout [UInt8]) {
        bytes.append(contentsOf: "# HELP \(metric.name) ".utf8)
        appendEscaped(metric.help, quotes: false, into: &bytes)
        bytes.append(contentsOf: "\n# TYPE \(metric.name) gauge\n".utf8)
    }

    /// One sample line: `name{label="value",…} value`, label values escaped as the text format requires.
    private static func sample(
        _ metric: ExportedMetric, _ labels: [(String, String)], _ value: String?, into bytes: inout [UInt8]
    ) {
        guard let value else { return }
        bytes.append(contentsOf: metric.name.utf8)
        if !labels.isEmpty {
            bytes.append(UInt8(ascii: "{"))
            for (position, (label, labelValue)) in labels.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: label.utf8)
                bytes.append(contentsOf: #"=""#.utf8)
                appendEscaped(labelValue, quotes: true, into: &bytes)
                bytes.append(UInt8(ascii: "\""))
            }
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: value.utf8)
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Backslash and newline escaped (HELP text), and double quotes too (label values).
    private static func appendEscaped(_ text: String, quotes: Bool, into bytes: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): bytes.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\"") where quotes: bytes.append(contentsOf: #"\""#.utf8)
            default: bytes.append(byte)
            }
        }
    }

    /// Shortest round-tripping decimal; the text format's spellings for the non-finite values.
    private static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        return String(value)
    }
}
