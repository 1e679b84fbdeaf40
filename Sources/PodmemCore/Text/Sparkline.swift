/// A one-row chart of a series in eighth blocks (or ASCII levels), newest on the right.
/// Scaled from the visible minimum, over a range of at least `minimumRange` so kernel noise stays flat.
public enum Sparkline {
    /// `values` oldest first; nil is a gap (drawn as a space). Longer series are reduced by taking
    /// the maximum of each bucket, so short peaks stay visible.
    public static func render(_ values: [Double?], width: Int, glyphs: GlyphSet, minimumRange: Double = 1024 * 1024)
        -> String
    {
        guard width > 0 else { return "" }
        let columns = resample(values, width: width)
        let present = columns.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else {
            return String(repeating: " ", count: width)
        }
        let range = max(high - low, minimumRange)
        let top = glyphs.levels.count - 1
        let body = columns.map { value -> Character in
            guard let value else { return " " }
            let level = Int(saturating: ((value - low) / range * Double(top)).rounded())
            return glyphs.levels[min(top, max(0, level))]
        }
        return String(repeating: " ", count: width - body.count) + String(body)
    }

    /// At most `width` columns: the newest values as they are, or bucket maxima when there are more.
    public static func resample(_ values: [Double?], width: Int) -> [Double?] {
        guard values.count > width else { return values }
        return (0..<width).map { column in
            let lower = column * values.count / width
            let upper = max(lower + 1, (column + 1) * values.count / width)
            return values[lower..<upper].compactMap { $0 }.max()
        }
    }

    /// A multi-row chart (`height` rows, eighth-block resolution per row), as strings top row first.
    public static func renderTall(
        _ values: [Double?], width: Int, height: Int, glyphs: GlyphSet,
        minimumRange: Double = 1024 * 1024
    ) -> [String] {
        guard width > 0, height > 0 else { return [] }
        let columns = resample(values, width: width)
        let present = columns.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else {
            return Array(repeating: String(repeating: " ", count: width), count: height)
        }
        let range = max(high - low, minimumRange)
        let steps = glyphs.levels.count
        // Every present value gets at least one step so a flat series still shows as a baseline.
        let heights = columns.map { value in
            value.map { 1 + Int(saturating: ((($0 - low) / range) * Double(height * steps - 1)).rounded()) }
        }
        let padding = width - columns.count
        return (0..<height).map { row in
            let rowFromBottom = height - 1 - row
            let cells = heights.map { steps8 -> Character in
                guard let steps8 else { return " " }
                let filled = steps8 - rowFromBottom * steps
                if filled >= steps { return glyphs.fullBlock }
                if filled <= 0 { return " " }
                return glyphs.levels[filled - 1]
            }
            return String(repeating: " ", count: padding) + String(cells)
        }
    }
}
