#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Empty files created in batches and kept: each costs an inode and a dentry in the kernel's slab caches, charged
/// to the cgroup as kernel memory (v1 `memory.kmem.usage_in_bytes`, v2 `kernel`), with almost no page cache and
/// no anonymous memory. What a service that leaks files, sockets or directory entries looks like.
struct KernelObjects {
    let directory: String
    let filesPerPeriod: Int
    let periodSeconds: Double
    let maximumFiles: Int

    func run(control: ControlChannel) throws(LabError) {
        guard mkdir(directory, 0o755) == 0 || errno == EEXIST else { throw .system("mkdir \(directory)") }
        guard control.waitForGo() else { return }
        var created = 0
        var deadline = ControlChannel.now()
        var announced = false
        repeat {
            for _ in 0..<min(filesPerPeriod, maximumFiles - created) {
                let descriptor = open(directory + "/f\(created)", O_CREAT | O_WRONLY | O_CLOEXEC, 0o644)
                guard descriptor >= 0 else { throw .system("create \(directory)/f\(created)") }
                close(descriptor)
                created += 1
            }
            if !announced {
                control.announceStarted()
                announced = true
            }
            deadline += periodSeconds
        } while control.sleep(until: deadline)
    }
}
