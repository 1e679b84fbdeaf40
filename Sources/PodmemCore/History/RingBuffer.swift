/// A fixed-capacity FIFO: appending beyond capacity drops the oldest element, so memory never grows with run time.
public struct RingBuffer<Element>: Sequence {
    public let capacity: Int
    private var storage: [Element] = []
    private var head = 0

    public init(capacity: Int) {
        precondition(capacity > 0, "ring buffer capacity must be positive")
        self.capacity = capacity
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }
    public var last: Element? { storage.isEmpty ? nil : storage[(head + storage.count - 1) % storage.count] }

    public mutating func append(_ element: Element) {
        if storage.count < capacity {
            storage.append(element)
        } else {
            storage[head] = element
            head = (head + 1) % capacity
        }
    }

    /// Oldest first.
    public subscript(position: Int) -> Element {
        storage[(head + position) % storage.count]
    }

    public func makeIterator() -> AnyIterator<Element> {
        var index = 0
        return AnyIterator {
            guard index < self.storage.count else { return nil }
            defer { index += 1 }
            return self[index]
        }
    }

    public var elements: [Element] { Array(storage[head...] + storage[..<head]) }
}
