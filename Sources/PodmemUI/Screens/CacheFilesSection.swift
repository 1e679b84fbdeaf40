import PodmemCore

/// "page cache by file" on the detail screen: the coverage line, then the pod's largest cached files (cached, share
/// of the pod's file LRU, dirty, path with its deleted mark, holder), then the first problem, if any.
enum CacheFilesSection {
    /// Files shown at most, whatever the height: the charts above keep at least half the space.
    static let maximumFiles = 8
    static let cachedWidth = 9
    static let shareWidth = 5
    static let dirtyWidth = 9
    /// The holder column's widest; a quarter of the width on narrow terminals, so the path keeps its room.
    static let maximumHolderWidth = 28

    /// Rows the section wants for `pod` out of `available`; 0 without cache files.
    static func rows(_ pod: PodModel, available: Int) -> Int {
        guard let files = pod.cacheFiles else { return 0 }
        let wanted = 2 + min(files.count, maximumFiles) + ((pod.cacheFilesProblems ?? []).isEmpty ? 0 : 1)
        return min(wanted, available / 2)
    }

    /// The coverage line as the screen lays it out: each file's share is the %LRU column (the text output puts it in
    /// parentheses), and the explanations give way before the figure at narrow widths.
    static func coverageItems(_ coverage: Double?, fileCount: Int) -> [ItemLine.Item] {
        guard fileCount > 0, let coverage else {
            return [.init(CacheFileText.coverageLine(coverage, fileCount: fileCount), priority: 1)]
        }
        let held = "these files hold \(ByteFormat.percent(coverage)) of this pod's page cache"
        var items: [ItemLine.Item] = [.init(["page cache by file: " + held, held], priority: 3)]
        if coverage > 1.005 {
            items.append(
                .init(
                    [
                        "some of their pages were read first by another cgroup and are charged there",
                        "some pages are charged to another cgroup",
                    ], priority: 2))
        }
        items.append(
            .init(["%LRU: each file's share of it (active + inactive file)", "%LRU: each file's share"], priority: 1))
        return items
    }

    /// A holder's container as the container table names it (`CacheFileHolder.container` is its name or short ID).
    static func containerLabel(_ holderContainer: String, in pod: PodModel) -> String {
        pod.containers.first { ($0.name ?? String($0.id.prefix(12))) == holderContainer }.map(
            TableColumn<ContainerModel>.label)
            ?? holderContainer
    }

    static func render(_ pod: PodModel, rows: Int, context: ScreenContext, y: inout Int, into frame: inout Frame) {
        guard rows > 0, let files = pod.cacheFiles else { return }
        let glyphs = context.glyphs
        let problems = pod.cacheFilesProblems ?? []
        context.put(
            ItemLine.fit(
                coverageItems(pod.cacheFilesCoverage, fileCount: files.count), separator: glyphs.separator,
                width: frame.width, glyphs: glyphs), x: 0, y: y, style: .header, limit: frame.width, into: &frame)
        y += 1
        guard rows > 1 else { return }
        let holderWidth = min(maximumHolderWidth, frame.width / 4)
        let pathWidth = max(8, frame.width - cachedWidth - shareWidth - dirtyWidth - holderWidth - 4)
        func row(_ cells: [String]) -> String {
            TextFit.padLeft(cells[0], cachedWidth, glyphs: glyphs) + " "
                + TextFit.padLeft(cells[1], shareWidth, glyphs: glyphs) + " "
                + TextFit.padLeft(cells[2], dirtyWidth, glyphs: glyphs) + " "
                + TextFit.padRight(cells[3], pathWidth, glyphs: glyphs)
                + " " + TextFit.truncate(cells[4], holderWidth, glyphs: glyphs)
        }
        frame.put(
            row(["CACHED", "%LRU", "DIRTY", "FILE", "HELD BY"]), x: 0, y: y, style: Style(bold: true),
            limit: frame.width)
        y += 1
        let fileLRU = pod.memory[.activeFile].flatMap { active in pod.memory[.inactiveFile].map { active + $0 } }
        let fileRows = rows - 2 - (problems.isEmpty || rows - 2 < 2 ? 0 : 1)
        for file in files.prefix(max(0, fileRows)) {
            let share = fileLRU.flatMap { $0 > 0 ? Double(file.cachedBytes) / Double($0) : nil }
            // The end of a path names the file: elide its middle.
            let path = TextFit.elideMiddle(
                TerminalText.sanitized(file.path) + (file.deleted ? " (deleted)" : ""), pathWidth, glyphs: glyphs)
            // A long container or command name is cut, never the pid or how many more processes hold the file.
            let holder =
                file.heldBy.first.map { first in
                    let suffix = "[\(first.pid)]" + (file.heldBy.count > 1 ? " +\(file.heldBy.count - 1)" : "")
                    let name = TerminalText.sanitized(
                        (first.container.map { containerLabel($0, in: pod) + "/" } ?? "") + first.comm)
                    return TextFit.truncate(name, max(1, holderWidth - suffix.count), glyphs: glyphs) + suffix
                } ?? "(not open)"
            let style: Style = file.deleted ? Style(bold: true) : .plain
            frame.put(
                row([
                    ByteFormat.human(file.cachedBytes), ByteFormat.percent(share),
                    file.dirtyBytes.map { ByteFormat.human($0) } ?? "?",
                    path, holder,
                ]), x: 0, y: y, style: style, limit: frame.width)
            y += 1
        }
        if let problem = problems.first, fileRows < rows - 2 {
            context.put(
                TerminalText.sanitized(problem) + (problems.count > 1 ? " (+\(problems.count - 1) more)" : ""), x: 0,
                y: y,
                style: .muted, limit: frame.width, into: &frame)
            y += 1
        }
    }
}
