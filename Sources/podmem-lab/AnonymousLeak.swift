/// Anonymous memory allocated at a steady rate and never freed: what a leak looks like.
struct AnonymousLeak {
    let chunkBytes: Int
    let periodSeconds: Double
    /// Total at which allocation stops (the memory is still held); nil grows until stopped.
    let maximumBytes: Int?

    func run(control: ControlChannel) throws(LabError) {
        guard control.waitForGo() else { return }
        var total = 0
        var deadline = ControlChannel.now()
        var announced = false
        repeat {
            if total + chunkBytes <= maximumBytes ?? .max {
                try AnonymousMemory.allocateTouched(bytes: chunkBytes)
                total += chunkBytes
            }
            if !announced {
                control.announceStarted()
                announced = true
            }
            deadline += periodSeconds
        } while control.sleep(until: deadline)
    }
}
