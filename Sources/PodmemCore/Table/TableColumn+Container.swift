/// The detail screen's table of a pod's containers.
extension TableColumn where Row == ContainerModel {
    /// The container's name, else its ID's first 12 characters; the sandbox is marked as such.
    public static func label(_ container: ContainerModel) -> String {
        container.sandbox
            ? "(sandbox) \(container.id.prefix(12))" : container.name ?? String(container.id.prefix(12))
    }

    public static var name: TableColumn {
        TableColumn(key: .name, title: "CONTAINER", alignment: .left, width: 16...64, priority: 100) {
            .text(label($0))
        }
    }

    /// Left to right: like the pod list, the secondary figures drop before the name is cut.
    public static var containerTable: [TableColumn] { [name] + figures + [cacheShare, verdict, workingSetRate] }
}
