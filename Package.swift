// swift-tools-version:6.0
import PackageDescription

/// `make release` sets PODMEM_STATIC_LIBS to a directory holding only a `libstdc++.a` link, for a binary that needs
/// nothing a minimal node lacks: ncursesw and tinfo come from their archives instead of the system library's
/// `-lncursesw -ltinfo`, and the Swift driver's own `-lstdc++` finds that directory's archive before the toolchain's
/// shared library (`-L` directories given on the command line are searched first). Debug and test builds link the
/// shared libraries.
let staticLibraryDirectory = Context.environment["PODMEM_STATIC_LIBS"].flatMap { $0.isEmpty ? nil : $0 }
let ncursesLinkage: [LinkerSetting] = staticLibraryDirectory == nil
    ? [.linkedLibrary("ncursesw"), .linkedLibrary("tinfo")]
    : [.unsafeFlags(["-Xlinker", "-l:libncursesw.a", "-Xlinker", "-l:libtinfo.a"])]
let staticLibstdcxxSearchPath = staticLibraryDirectory.map { ["-L", $0] } ?? []

let package = Package(
    name: "podmem",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "podmem", targets: ["podmem"]),
        .library(name: "PodmemCore", targets: ["PodmemCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // Everything that reads, derives and formats: no terminal, no ncurses.
        .target(name: "PodmemCore", dependencies: ["CFileSafety", "CFileResidency"]),
        // renameat2(RENAME_NOREPLACE) for publishing output files, which the Swift Glibc module does not export.
        .target(name: "CFileSafety"),
        // cachestat(2) for per-file page cache figures, which glibc does not wrap.
        .target(name: "CFileResidency"),
        // Frames, widgets, screens, key table and the app loop: still no ncurses, so tests read screens as text.
        .target(name: "PodmemUI", dependencies: ["PodmemCore"]),
        // libncursesw's headers, seen from Swift; linking is ncursesLinkage's, so a release build can use the archives.
        .systemLibrary(name: "CNCursesW", providers: [.apt(["libncurses-dev"])]),
        // Signal and crash handlers that restore the terminal: async-signal code belongs in C.
        .target(name: "CTerminalSafety", linkerSettings: ncursesLinkage),
        // glibc's mallopt for the executable (one malloc arena; see main.swift).
        .target(name: "CMallocTuning"),
        // The only module that calls ncurses.
        .target(name: "PodmemCurses", dependencies: ["PodmemCore", "PodmemUI", "CNCursesW", "CTerminalSafety"],
                linkerSettings: ncursesLinkage),
        // Keeps the release binary's glibc floor at 2.34: hypotf at its first version, arc4random over getrandom.
        .target(name: "CGlibcFloor"),
        // `podmem --version`: `git describe --always --dirty` of the source tree, generated at build time.
        .plugin(name: "GitDescribe", capability: .buildTool()),
        // The Prometheus exporter: snapshot document -> text exposition, polled on its own task, served over HTTP.
        .target(
            name: "PodmemServe",
            dependencies: [
                "PodmemCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Thin command-line front end.
        .executableTarget(
            name: "podmem",
            dependencies: [
                "PodmemCore", "PodmemUI", "PodmemCurses", "PodmemServe", "CMallocTuning", "CGlibcFloor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // SwiftPM exports every symbol of the executable; nothing looks them up, and the dynamic symbol table
            // the loader then touches costs ~1 MB of resident memory in every mode.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"] + staticLibstdcxxSearchPath, .when(platforms: [.linux]))],
            plugins: ["GitDescribe"]
        ),
        // Real workloads (page-cache writer, leak, steady, cold cache) for live tests and the lab.
        .executableTarget(name: "podmem-lab"),
        // Release-build benchmark: podmem's poll against a C reader of the same files.
        .executableTarget(name: "podmem-bench", dependencies: ["PodmemCore"]),
        // Helpers the test targets share (temp trees, fixture paths, the test source builder): public API only, so
        // it builds with the rest of the package in release too.
        .target(name: "PodmemTestSupport", dependencies: ["PodmemCore"], path: "Tests/PodmemTestSupport"),
        // Unit tests of each layer, in process.
        .testTarget(name: "PodmemCoreTests", dependencies: ["PodmemCore", "PodmemTestSupport"]),
        // Snapshots/ holds the reviewed screen texts TextSnapshot compares with, read from the source tree.
        .testTarget(name: "PodmemUITests", dependencies: ["PodmemUI", "PodmemCore"], exclude: ["Snapshots"]),
        .testTarget(name: "PodmemServeTests", dependencies: ["PodmemServe", "PodmemCore", "PodmemTestSupport"]),
        // The built binaries as a user runs them: CLI, tmux, serve with Prometheus, live kernel, deploy, runtimes, image.
        .testTarget(
            name: "PodmemEndToEndTests",
            dependencies: ["PodmemCore", "PodmemServe", "PodmemTestSupport", "podmem", "podmem-lab"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
