#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// A one-line failure; usage errors also print the usage text.
struct LabError: Error {
    let message: String
    let isUsage: Bool

    static func usage(_ message: String) -> LabError { LabError(message: message, isUsage: true) }

    /// A failed system call on `subject`, with `strerror(errno)`.
    static func system(_ subject: String) -> LabError {
        LabError(message: "\(subject): \(String(cString: strerror(errno)))", isUsage: false)
    }
}
