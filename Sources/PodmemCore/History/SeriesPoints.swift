/// One series' held points, oldest first: compact `PagePoint`s while every value is whole pages,
/// full `HistoryPoint`s once one is not. Reading always yields `HistoryPoint`s.
public struct SeriesPoints: RandomAccessCollection {
    /// Exactly one of the two is set. (Optionals rather than an enum: `compact!.append` mutates in place,
    /// where switching over an enum payload would copy the whole buffer on every append.)
    private var compact: RingBuffer<PagePoint>?
    private var full: RingBuffer<HistoryPoint>?
    let epoch: Double

    init(capacity: Int, epoch: Double) {
        compact = RingBuffer(capacity: capacity)
        self.epoch = epoch
    }

    var capacity: Int { compact?.capacity ?? full!.capacity }

    /// Whether the points are stored as pages (always, for values read from a kernel).
    public var isCompact: Bool { compact != nil }

    public var startIndex: Int { 0 }
    public var endIndex: Int { compact?.count ?? full?.count ?? 0 }

    public subscript(position: Int) -> HistoryPoint {
        if let compact { return compact[position].point(epoch: epoch) }
        return full![position]
    }

    mutating func append(_ point: HistoryPoint) {
        guard compact != nil else {
            full!.append(point)
            return
        }
        if let page = PagePoint(point, epoch: epoch) {
            compact!.append(page)
            return
        }
        var converted = RingBuffer<HistoryPoint>(capacity: compact!.capacity)
        for page in compact! { converted.append(page.point(epoch: epoch)) }
        converted.append(point)
        compact = nil
        full = converted
    }
}
