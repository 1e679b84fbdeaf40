/// One anonymous allocation, then nothing: a flat working set.
struct SteadyHolder {
    let bytes: Int

    func run(control: ControlChannel) throws(LabError) {
        guard control.waitForGo() else { return }
        try AnonymousMemory.allocateTouched(bytes: bytes)
        control.announceStarted()
        control.waitForClose()
    }
}
