import Foundation

/// Finds executables SwiftPM built for this test run. `swift test` builds every product into the same
/// directory as the test bundle (`.build/<triple>/debug/`), so look next to the running bundle.
enum BinaryLocator {
    /// The built executable `name`, or nil when it is not next to the test bundle.
    static func executable(_ name: String) -> URL? {
        candidateDirectories().lazy.map { $0.appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Linux runs the `.xctest` file itself (so it is argv[0] and the main bundle); macOS loads the
    /// `.xctest` bundle into Xcode's `xctest` tool, so the bundle's parent is what counts there.
    private static func candidateDirectories() -> [URL] {
        var directories = [URL(fileURLWithPath: CommandLine.arguments[0])]
        if let executable = Bundle.main.executableURL { directories.append(executable) }
        directories += Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map(\.bundleURL)
        return directories.map { $0.resolvingSymlinksInPath().deletingLastPathComponent() }
    }
}
