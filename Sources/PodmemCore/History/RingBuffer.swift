/// A fixed-capacity FIFO: appending beyond capacity drops the oldest element, so memory never grows with run time.
/// Storage is reserved at exactly `capacity` when the buffer is made (Array's doubling would waste up to half), so
/// a history's memory is what its plan says from the first poll on, not after the slowest tier's first bucket.
public struct RingBuffer<Element>: RandomAccessCollection {
    public let capacity: Int
    private var storage: [Element] = []
    private var head = 0

    public init(capacity: Int) {
        precondition(capacity > 0, "ring buffer capacity must be positive")
        self.capacity = capacity
        storage.reserveCapacity(capacity)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }

    /// Oldest first.
    public subscript(position: Int) -> Element {
        let index = head + position
        return storage[index < storage.count ? index : index - storage.count]
    }

    public mutating func append(_ element: Element) {
        if storage.count < capacity {
            storage.append(element)
        } else {
            storage[head] = element
            head = head + 1 == capacity ? 0 : head + 1
        }
    }

    public var elements: [Element] { Array(self) }
}
