// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "podmem",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "podmem", targets: ["podmem"]),
        .library(name: "PodmemCore", targets: ["PodmemCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Everything that reads, derives and formats: no terminal, no ncurses.
        .target(name: "PodmemCore"),
        // Thin command-line front end.
        .executableTarget(
            name: "podmem",
            dependencies: [
                "PodmemCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Release-build benchmark: podmem's poll against a C reader of the same files.
        .executableTarget(name: "podmem-bench", dependencies: ["PodmemCore"]),
        .testTarget(name: "PodmemCoreTests", dependencies: ["PodmemCore", "podmem"]),
    ],
    swiftLanguageModes: [.v6]
)
