extension Int {
    /// `Int(value)` that cannot trap: NaN is 0, values beyond the range are `Int.min`/`Int.max`, fractions go towards 0.
    /// For figures derived from input (a hostile file, a broken counter), where the plain conversion would crash.
    public init(saturating value: Double) {
        if value.isNaN {
            self = 0
        } else if value >= 0x1p63 {
            self = .max
        } else if value <= -0x1p63 {
            self = .min
        } else {
            self = Int(value)
        }
    }
}
