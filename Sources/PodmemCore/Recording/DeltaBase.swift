/// The values deltas are taken against: one row of `fieldsPerSeries` per series number, in one flat array
/// (no per-series allocation on the hot path). All zero after a keyframe.
struct DeltaBase {
    private var values: [UInt64] = []
    let fieldsPerSeries: Int

    init(fieldsPerSeries: Int) {
        self.fieldsPerSeries = fieldsPerSeries
    }

    func value(series: Int, field: Int) -> UInt64 {
        let index = series * fieldsPerSeries + field
        return index < values.count ? values[index] : 0
    }

    mutating func set(_ value: UInt64, series: Int, field: Int) {
        let index = series * fieldsPerSeries + field
        if index >= values.count { values.append(contentsOf: repeatElement(0, count: index + 1 - values.count)) }
        values[index] = value
    }

    mutating func reset() {
        for index in values.indices { values[index] = 0 }
    }
}
