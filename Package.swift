// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "evident",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "evident", targets: ["evident"]),
        // Installed beside `evident`: runs each experiment so that its peak memory is its own (see its main.c).
        .executable(name: "evident-spawn", targets: ["evident-spawn"]),
        .library(name: "Evident", targets: ["Evident"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Named apart from swift-system's `CSystem`, which the server stack brings into the package graph.
        .target(name: "CEvidentSystem", path: "Sources/CSystem"),
        .target(
            name: "Evident",
            dependencies: [
                "CCmark",
                "CEvidentSystem",
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Serve"],
            plugins: ["EmbedFiles"]
        ),
        // `evident serve` lives in its own module so that the library, and everything built on it alone,
        // does not compile or link the HTTP server stack.
        .target(
            name: "EvidentServe",
            dependencies: [
                "Evident",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Evident/Serve"
        ),
        // mimalloc in place of glibc's malloc, for the command-line tool only: a build allocates and frees many
        // small strings and cmark nodes on every core, and glibc's allocator took a sixth of its time.
        .target(
            name: "CAllocator",
            linkerSettings: [.linkedLibrary("mimalloc")]
        ),
        .executableTarget(name: "evident-spawn", dependencies: ["CEvidentSystem"]),
        // Generates the Swift files that carry templates/ and helpers/ into the binary.
        .executableTarget(name: "embed-files"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["embed-files"]),
        .executableTarget(
            name: "evident",
            dependencies: [
                "CAllocator",
                "Evident",
                "EvidentServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "EvidentTests",
            dependencies: ["Evident", "EvidentServe"]
        ),
    ],
    swiftLanguageModes: [.v5]
)
