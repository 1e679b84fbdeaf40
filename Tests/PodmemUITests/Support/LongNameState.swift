import PodmemCore
import PodmemUI

/// The demo node with the long names real clusters have: 63-character pod names and a long namespace, and a
/// long container name, so layouts are tested where names do not fit.
enum LongNameState {
    static let webFrontend = "web-frontend-storefront-checkout-experience-cnr-7d9f8b6c5-x2kqp"
    static let apiGateway = "payments-api-gateway-regional-failover-replicas-5c4d7f9b8-m4zrt"
    static let renamed: [String: (namespace: String, name: String)] = [
        "web-frontend-7d9f8b6c5-x2kqp": ("storefront-production", webFrontend),
        "api-gateway-5c4d7f9b8-m4zrt": ("payments-platform", apiGateway),
        "postgres-0": ("kube-system", "ebs-csi-node-windows-x7k2p"),
        "fluent-bit-8kq2w": ("kube-system", "ebs-csi-node-windows-daemonset-long-suffix-hh4zk"),
    ]
    static let longContainer = "storefront-nginx-ingress-controller-with-opentelemetry"

    /// Built once: sixty demo polls take a while in a debug build.
    static let state = make()

    static func make() -> AppState {
        var (state, _) = DemoState.make(polls: 60)
        var document = state.model!
        for index in document.pods.indices {
            guard let name = document.pods[index].name, let new = renamed[name] else { continue }
            document.pods[index].namespace = new.namespace
            document.pods[index].name = new.name
            for container in document.pods[index].containers.indices
            where document.pods[index].containers[container].name == "nginx" {
                document.pods[index].containers[container].name = longContainer
            }
        }
        state.model = document
        return state
    }

    /// The cgroup of the renamed web frontend (cache-driven, with containers and a sandbox).
    static func webFrontendCgroup(_ state: AppState) -> String {
        state.model!.pods.first { $0.name == webFrontend }!.cgroup
    }
}
