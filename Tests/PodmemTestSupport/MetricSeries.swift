/// One Prometheus series: a metric name and its labels (without the `instance`/`job` labels a scrape adds).
public struct MetricSeries: Hashable, CustomStringConvertible {
    public let name: String
    public let labels: [String: String]

    public init(name: String, labels: [String: String]) {
        self.name = name
        self.labels = labels
    }

    public var description: String {
        name + "{" + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ",") + "}"
    }

    /// As Prometheus stores it: a label with an empty value is no label at all (`container=""` on pod series).
    public var stored: MetricSeries {
        MetricSeries(name: name, labels: labels.filter { !$0.value.isEmpty })
    }

    /// Parses the sample lines of a text exposition (`name{a="x",b="y"} value`); comments are skipped.
    /// Label values here never contain `",` or escapes, so a plain split is enough.
    public static func parse(exposition: String) -> [MetricSeries: Double] {
        var result: [MetricSeries: Double] = [:]
        for line in exposition.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                continue
            }
            let head = line[..<space]
            guard let brace = head.firstIndex(of: "{") else {
                result[MetricSeries(name: String(head), labels: [:])] = value
                continue
            }
            var labels: [String: String] = [:]
            let body = head[head.index(after: brace)..<head.index(before: head.endIndex)]
            for pair in body.split(separator: "\",") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                labels[String(parts[0])] = String(parts[1].drop { $0 == "\"" }.filter { $0 != "\"" })
            }
            result[MetricSeries(name: String(head[..<brace]), labels: labels)] = value
        }
        return result
    }
}
