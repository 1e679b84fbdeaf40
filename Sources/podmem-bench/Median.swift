extension Array where Element == Double {
    /// The middle value (the mean of the two middle ones for an even count); the bench reports medians of rounds.
    var median: Double {
        precondition(!isEmpty, "median of no values")
        let sorted = self.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
