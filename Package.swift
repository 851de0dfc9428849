// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Koers",
    products: [
        .executable(name: "koers", targets: ["koers"]),
        .library(name: "KoersCore", targets: ["KoersCore"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "KoersCore", dependencies: ["CSQLite"]),
        .executableTarget(name: "koers", dependencies: ["KoersCore"]),
        .testTarget(name: "KoersCoreTests", dependencies: ["KoersCore"]),
        .testTarget(name: "IntegrationTests", dependencies: ["KoersCore", "koers"]),
    ],
    swiftLanguageModes: [.v6]
)
