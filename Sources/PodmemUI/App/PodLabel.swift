import PodmemCore

/// Names and small derived figures of a pod row, shared by every screen.
public enum PodLabel {
    /// `pod.displayName` in at most `width` columns: whole when it fits; else the namespace stays whole when that leaves
    /// the pod's name `nameMinimum` columns, and the pod's name is cut in the middle, keeping its start (the
    /// workload) and its end (the replica suffix), e.g. `kube-system/ebs-csi-no…ows-7x9kq`.
    public static func name(_ pod: PodModel, fitting width: Int, glyphs: GlyphSet) -> String {
        let full = pod.displayName
        guard full.count > width else { return full }
        if let namespace = pod.namespace, !namespace.isEmpty, let name = pod.name,
            namespace.count + 1 + nameMinimum <= width
        {
            return namespace + "/" + TextFit.elideMiddle(name, width - namespace.count - 1, glyphs: glyphs)
        }
        return TextFit.elideMiddle(full, width, glyphs: glyphs)
    }

    /// Columns left for the pod's own name before its namespace is cut too.
    static let nameMinimum = 16

}
