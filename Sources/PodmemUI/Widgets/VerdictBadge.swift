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

    /// The legend line: what each marker means.
    public static let legend = "~CACHE growth is active page cache (reclaimable) · !ANON growth is anon/shmem/kernel (leak?) · +MIXED both"
}
