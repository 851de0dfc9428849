// swift-tools-version:6.0
import PackageDescription

// The dependencies run one way; docs/development.md draws them. A C library is imported by one
// target only: SQLite by KoersStore, libcurl by KoersMail.
let package = Package(
    name: "Koers",
    products: [
        .executable(name: "koers", targets: ["koers"]),
        .executable(name: "koers-benchmark", targets: ["koers-benchmark"]),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        .target(name: "KoersSystem"),
        .target(name: "KoersModel", dependencies: ["KoersSystem"]),
        .target(name: "KoersFormats", dependencies: ["KoersModel", "KoersSystem"]),
        .target(name: "KoersStore", dependencies: ["KoersFormats", "KoersModel", "KoersSystem", "CSQLite"]),
        .target(name: "KoersMail", dependencies: ["KoersFormats", "KoersModel", "KoersSystem", "CCurl"]),
        .target(name: "KoersServices",
                dependencies: ["KoersMail", "KoersStore", "KoersFormats", "KoersModel", "KoersSystem"]),
        .target(name: "KoersDaemon",
                dependencies: ["KoersServices", "KoersMail", "KoersStore", "KoersFormats", "KoersModel", "KoersSystem"]),
        .target(name: "KoersCLI",
                dependencies: ["KoersDaemon", "KoersServices", "KoersMail", "KoersStore", "KoersFormats", "KoersModel",
                               "KoersSystem"]),
        .executableTarget(name: "koers", dependencies: ["KoersCLI", "KoersFormats", "KoersSystem"]),

        // Generated agendas, boards and histories, for the tests and the benchmark only.
        .target(name: "KoersSynthetic", dependencies: ["KoersStore", "KoersFormats", "KoersModel"]),
        // Not run by `swift test`: scripts/benchmark builds it in release mode and runs it.
        .executableTarget(name: "koers-benchmark",
                          dependencies: ["KoersSynthetic", "KoersCLI", "KoersDaemon", "KoersServices", "KoersMail",
                                         "KoersStore", "KoersFormats", "KoersModel", "KoersSystem"]),

        // What the tests share: fixtures, the servers the harness starts, a `koers` process.
        .target(name: "KoersTestSupport",
                dependencies: ["KoersCLI", "KoersServices", "KoersMail", "KoersStore", "KoersFormats", "KoersModel",
                               "KoersSystem"],
                path: "Tests/KoersTestSupport"),
        .testTarget(name: "KoersTests",
                    dependencies: ["KoersTestSupport", "KoersSynthetic", "KoersCLI", "KoersDaemon", "KoersServices",
                                   "KoersMail", "KoersStore", "KoersFormats", "KoersModel", "KoersSystem"]),
        // The tests that run the `koers` executable: depending on it, they never run a stale one.
        .testTarget(name: "IntegrationTests",
                    dependencies: ["koers", "KoersTestSupport", "KoersSynthetic", "KoersCLI", "KoersDaemon",
                                   "KoersServices", "KoersMail", "KoersStore", "KoersFormats", "KoersModel",
                                   "KoersSystem"]),
    ],
    swiftLanguageModes: [.v6]
)
