/// A heap that climbs in steps and is freed all at once, again and again: what a garbage-collected service or a
/// malloc-heavy worker looks like at 1 s sampling. No net growth, whatever the phase it is sampled at.
struct HeapSawtooth {
    let stepBytes: Int
    let steps: Int
    /// Seconds from one free to the next; the steps are spread evenly over it.
    let periodSeconds: Double

    func run(control: ControlChannel) throws(LabError) {
        guard control.waitForGo() else { return }
        var held: [UnsafeMutableRawPointer] = []
        var deadline = ControlChannel.now()
        var announced = false
        repeat {
            if held.count == steps {
                for memory in held { AnonymousMemory.free(memory, bytes: stepBytes) }
                held.removeAll(keepingCapacity: true)
            } else {
                held.append(try AnonymousMemory.allocateTouched(bytes: stepBytes))
            }
            if !announced {
                control.announceStarted()
                announced = true
            }
            deadline += periodSeconds / Double(steps + 1)
        } while control.sleep(until: deadline)
    }
}
