import PodmemCore

/// A line made of separate items (figures, key hints, signals) that narrows by giving up whole items, least important
/// first, never by cutting a word or a number from its unit. An item may have shorter forms: every item takes its
/// shorter forms (least important first) before any item is dropped; then the most important items get their longer
/// forms back where less important ones can make room.
public struct ItemLine: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        /// The item's texts, longest first.
        public var forms: [String]
        /// Higher stays longer; among equals the later item goes first. Below 0 an item is expendable: it goes before
        /// any item is shortened.
        public var priority: Int

        public init(_ forms: [String], priority: Int) {
            self.forms = forms
            self.priority = priority
        }

        public init(_ text: String, priority: Int) {
            self.init([text], priority: priority)
        }
    }

    /// What fits: for each item in order, the index of its form shown, or nil when it was dropped.
    public let chosen: [Int?]
    public let items: [Item]
    public let separator: String

    /// Shortens, then drops, items least important first until the line fits in `width` columns (measured as drawn,
    /// with `glyphs`). The most important item is never dropped: only if its shortest form alone is too wide is it cut.
    public init(_ items: [Item], separator: String, width: Int, glyphs: GlyphSet) {
        self.items = items
        self.separator = separator
        var chosen: [Int?] = items.map { $0.forms.isEmpty ? nil : 0 }
        func columns(_ chosen: [Int?]) -> Int {
            let shown = zip(items, chosen).compactMap { item, form in form.map { item.forms[$0] } }
            return TextFit.ascii(shown.joined(separator: separator), glyphs: glyphs).count
        }
        func fits(_ chosen: [Int?]) -> Bool { columns(chosen) <= width }
        func columns() -> Int { columns(chosen) }
        // Least important first; the later of equals first, so a line gives way from its end.
        let order = items.indices.sorted { a, b in
            items[a].priority != items[b].priority ? items[a].priority < items[b].priority : a > b
        }
        for index in order where columns() > width && items[index].priority < 0 {
            chosen[index] = nil
        }
        for index in order where columns() > width {
            while let form = chosen[index], form + 1 < items[index].forms.count, columns() > width {
                chosen[index] = form + 1
            }
        }
        for index in order where columns() > width && chosen.compactMap({ $0 }).count > 1 {
            chosen[index] = nil
        }
        // Then the most important items get their longer forms back, where dropping less important items makes room.
        for index in order.reversed() {
            while let form = chosen[index], form > 0 {
                var attempt = chosen
                attempt[index] = form - 1
                for other in order where items[other].priority < items[index].priority {
                    if fits(attempt) { break }
                    attempt[other] = nil
                }
                guard fits(attempt) else { break }
                chosen = attempt
            }
        }
        self.chosen = chosen
    }

    /// The items shown, each in its chosen form.
    public var shown: [(index: Int, text: String)] {
        zip(items.indices, chosen).compactMap { index, form in form.map { (index, items[index].forms[$0]) } }
    }

    public var text: String { shown.map(\.text).joined(separator: separator) }

    /// The fitted text of `items` (the caller cuts it with an ellipsis only if the most important item alone is wider).
    public static func fit(_ items: [Item], separator: String, width: Int, glyphs: GlyphSet) -> String {
        ItemLine(items, separator: separator, width: width, glyphs: glyphs).text
    }
}
