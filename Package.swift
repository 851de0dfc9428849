// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Koers",
    products: [
        .executable(name: "koers", targets: ["koers"]),
        .executable(name: "koers-benchmark", targets: ["koers-benchmark"]),
        .library(name: "KoersCore", targets: ["KoersCore"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            path: "Sources/CCurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "KoersCore", dependencies: ["CSQLite", "CCurl"]),
        .executableTarget(name: "koers", dependencies: ["KoersCore"]),
        // Not run by `swift test`: scripts/benchmark builds it in release mode and runs it.
        .executableTarget(name: "koers-benchmark", dependencies: ["KoersCore"]),
        .testTarget(name: "KoersCoreTests", dependencies: ["KoersCore"]),
        .testTarget(name: "IntegrationTests", dependencies: ["KoersCore", "koers"]),
    ],
    swiftLanguageModes: [.v6]
)
