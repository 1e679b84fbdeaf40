import PodmemCore

/// How a verdict looks: a textual marker that works without color, plus a color where allowed.
public enum VerdictBadge {
    public static func text(_ growthClass: GrowthClass) -> String {
        switch growthClass {
        case .cacheDriven: "~CACHE"
        case .anonDriven: "!ANON"
        case .mixed: "+MIXED"
        case .stable: "stable"
        case .shrinking: "shrink"
        case .unknown: "?"
        }
    }

    public static func style(_ growthClass: GrowthClass, color: Bool) -> Style {
        switch growthClass {
        case .cacheDriven: Style(foreground: color ? .cyan : nil, bold: !color)
        case .anonDriven: Style(foreground: color ? .red : nil, bold: true, underline: !color)
        case .mixed: Style(foreground: color ? .yellow : nil, bold: true)
        case .shrinking: Style(foreground: color ? .green : nil)
        case .stable: .plain
        case .unknown: .muted
        }
    }

    /// The legend line: what each marker means, `?` included.
    public static let legend =
        "~CACHE growth is active page cache (reclaimable) · !ANON growth is anon/shmem/kernel (leak?) · +MIXED both · ? not enough samples yet"

    /// Shorter legends for narrower screens, longest first; every one still explains each marker.
    static let legends = [
        legend,
        "~CACHE grows by page cache (reclaimable) · !ANON by anon/shmem/kernel (leak?) · +MIXED both · ? not enough samples yet",
        "~CACHE page cache, reclaimable · !ANON anon/shmem/kernel · +MIXED both · ? not enough samples yet",
        "~CACHE cache grows · !ANON anon grows · +MIXED both · ? not enough samples yet",
        "~CACHE cache · !ANON anon · +MIXED both · ? too few samples",
    ]

    /// The longest legend that fits in `width` columns (the shortest, cut, below 59).
    public static func legend(width: Int) -> String {
        legends.first { $0.count <= width } ?? legends[legends.count - 1]
    }
}
