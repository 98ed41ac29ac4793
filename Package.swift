// swift-tools-version:6.0
import PackageDescription

// evident runs on Linux only: experiments are spawned and timed through Linux calls (pidfd_open, renameat2,
// prctl), and the build links Debian's libcmark and mimalloc.
//
// The pipeline stages are modules, each depending only on the ones before it, so that the compiler refuses an
// arrow running back up:
//
//   EvidentCore  →  EvidentSystem  →  EvidentEvidence  →  EvidentRendering  →  EvidentSite  →  EvidentServe
//   (files, errors,  (processes,      (directives, plan,    (templates, evidence   (the build's    (preview server,
//    YAML, content,   signals,         measure, runner,      views, charts,         steps, output,  live reload)
//    Markdown AST)    staged renames)  statistics, claims,   highlighting, HTML)    feed, check)      →  evident
//                                      store: no HTML)                                                 (command line)
let package = Package(
    name: "evident",
    products: [
        .executable(name: "evident", targets: ["evident"]),
        // Installed beside `evident`: runs each experiment so that its peak memory is its own (see its main.c).
        .executable(name: "evident-spawn", targets: ["evident-spawn"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Already in the graph through the server stack: SHA-256 for evidence keys and caches.
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Named apart from swift-system's `CSystem`, which the server stack brings into the package graph.
        .target(name: "CEvidentSystem"),
        .target(
            name: "EvidentCore",
            dependencies: [
                "CCmark", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Optimised in debug builds too: the tests and the debug binary re-judge claims by bootstrapping thousands
        // of resamples, three times slower unoptimised (the unit tests took 18 s instead of 6 on a loaded machine).
        // Processes, signals and the staged exchange-rename: the operating system as the stages above use it.
        .target(name: "EvidentSystem", dependencies: ["EvidentCore", "CEvidentSystem"]),
        .target(
            name: "EvidentEvidence",
            dependencies: ["EvidentCore", "EvidentSystem", "CEvidentSystem", .product(name: "Yams", package: "Yams")],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))],
            plugins: ["EmbedFiles"]
        ),
        .target(
            name: "EvidentRendering",
            dependencies: ["EvidentCore", "EvidentSystem", "EvidentEvidence", "CCmark"],
            plugins: ["EmbedFiles"]
        ),
        .target(
            name: "EvidentSite",
            dependencies: ["EvidentCore", "EvidentSystem", "EvidentEvidence", "EvidentRendering", "CEvidentSystem"]
        ),
        // `evident serve` lives in its own module so that the build, and everything built on it alone, does not
        // compile or link the HTTP server stack.
        .target(
            name: "EvidentServe",
            dependencies: [
                "EvidentCore",
                "EvidentSystem",
                "EvidentEvidence",
                "EvidentSite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // mimalloc in place of glibc's malloc, for the command-line tool only: a build allocates and frees many
        // small strings and cmark nodes on every core, and glibc's allocator took a sixth of its time.
        .target(
            name: "CAllocator",
            linkerSettings: [.linkedLibrary("mimalloc")]
        ),
        .executableTarget(name: "evident-spawn", dependencies: ["CEvidentSystem"]),
        // Generates the Swift files that carry templates/ (into EvidentRendering) and helpers/ (into
        // EvidentEvidence) into the binary.
        .executableTarget(name: "embed-files"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["embed-files"]),
        .executableTarget(
            name: "evident",
            dependencies: [
                "CAllocator",
                "EvidentCore",
                "EvidentSystem",
                "EvidentEvidence",
                "EvidentSite",
                "EvidentServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the tests share: a fixture site (a named folder of Tests/Fixtures or files written inline), the
        // command-line runner and a measurer that answers from memory.
        .target(
            name: "EvidentTestSupport", dependencies: ["EvidentCore", "EvidentEvidence", "EvidentRendering"],
            path: "Tests/EvidentTestSupport"),
        // Fast, in-process tests of each stage (seconds in all).
        .testTarget(
            name: "EvidentUnitTests",
            dependencies: [
                "EvidentCore", "EvidentSystem", "EvidentEvidence", "EvidentRendering", "EvidentSite",
                "EvidentTestSupport", "CCmark",
            ]
        ),
        // Real processes: the command line, whole-site builds with experiments, the runner, the preview server.
        .testTarget(
            name: "EvidentIntegrationTests",
            dependencies: [
                "EvidentCore", "EvidentSystem", "EvidentEvidence", "EvidentRendering", "EvidentSite", "EvidentServe",
                "EvidentTestSupport",
            ]
        ),
    ],
    swiftLanguageModes: [.v5]
)
