/// Running sums of one series' raw samples, enough to give the spread of the samples around any straight line
/// after a single pass: `Var(x − m·t) = Var(x) − 2m·Cov(t, x) + m²·Var(t)`. Times and values are taken relative
/// to the first ones, so the sums of squares of multi-gigabyte values keep their precision.
struct LineMoments {
    private let originTime: Double
    private var originValue: Double?
    private var count = 0.0
    private var timeSum = 0.0
    private var valueSum = 0.0
    private var timeSquares = 0.0
    private var valueSquares = 0.0
    private var products = 0.0

    init(originTime: Double) {
        self.originTime = originTime
    }

    mutating func add(time: Double, value: Double) {
        let origin = originValue ?? value
        originValue = origin
        let t = time - originTime
        let x = value - origin
        count += 1
        timeSum += t
        valueSum += x
        timeSquares += t * t
        valueSquares += x * x
        products += t * x
    }

    /// Standard deviation (population) of the samples around the line of `slope` that fits them best; 0 with
    /// fewer than two samples or no slope.
    func residualDeviation(slope: Double?) -> Double {
        guard let slope, count >= 2 else { return 0 }
        let meanTime = timeSum / count
        let meanValue = valueSum / count
        let timeVariance = timeSquares / count - meanTime * meanTime
        let valueVariance = valueSquares / count - meanValue * meanValue
        let covariance = products / count - meanTime * meanValue
        return (max(0, valueVariance - 2 * slope * covariance + slope * slope * timeVariance)).squareRoot()
    }
}
