/// Shown instead of a layout that cannot fit, rather than garbage.
enum TooSmallScreen {
    static func render(width: Int, height: Int, need: (Int, Int), into frame: inout Frame) {
        let lines = ["terminal too small", "\(width)x\(height), need \(need.0)x\(need.1)", "q quits"]
        for (index, line) in lines.enumerated() {
            let y = max(0, height / 2 - 1) + index
            frame.put(line, x: max(0, (width - line.count) / 2), y: y, style: index == 0 ? Style(bold: true) : .plain)
        }
    }
}
