import Foundation
import KoersTestSupport
import Testing

/// The shape of the package as `Package.swift` declares it, against what the sources import and
/// what the developer's guide draws. The compiler refuses an import of a target that is not a
/// dependency (`scripts/test` builds with `--explicit-target-dependency-import-check error`) and a
/// cycle; these tests keep the declarations themselves one-way and the guide true.
@Suite("The package's targets")
struct TargetShapeTests {
    /// Each target with the targets it declares as dependencies, from `swift package dump-package`.
    /// `swift` is found on the `PATH` the tests run with, as `swift test` found it; a scratch
    /// folder of its own keeps it from waiting for the lock `swift test` holds on `.build`.
    static let declared: [String: Set<String>] = {
        do {
            let dump = try Python.run(["-c", """
                import json, os, subprocess, sys, tempfile
                with tempfile.TemporaryDirectory() as scratch:
                    package = json.loads(subprocess.run(["swift", "package", "--scratch-path", scratch, "dump-package"],
                                                        cwd=sys.argv[1], capture_output=True, check=True, timeout=60,
                                                        env=dict(os.environ, PATH=sys.argv[2])).stdout)
                print(json.dumps({t["name"]: [next(iter(d.values()))[0] for d in t["dependencies"]]
                                  for t in package["targets"]}))
                """, Fixture.repository, ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
            return try JSONDecoder().decode([String: [String]].self, from: dump).mapValues(Set.init)
        } catch {
            Issue.record("swift package dump-package: \(error)")
            return [:]
        }
    }()

    /// The library targets, lowest first: a target may depend only on targets before it.
    static let layers = ["KoersSystem", "KoersModel", "KoersFormats", "KoersStore", "KoersMail", "KoersServices",
                         "KoersDaemon", "KoersCLI", "KoersSynthetic"]

    @Test("Every library target depends only on targets below it")
    func oneWay() {
        for (index, target) in Self.layers.enumerated() {
            let below = Set(Self.layers.prefix(index)).union(["CSQLite", "CCurl"])
            let wrong = Self.declared[target, default: []].subtracting(below)
            #expect(wrong.isEmpty, "\(target) depends on \(wrong.sorted()), which are not below it")
        }
        #expect(!Self.declared["KoersCLI", default: []].contains("KoersSynthetic"),
                "the synthetic data generator is for the tests and the benchmark only")
        #expect(!Self.declared["koers", default: []].contains("KoersSynthetic"))
    }

    @Test("Each C library is imported by one target only: SQLite by KoersStore, libcurl by KoersMail")
    func cLibraries() throws {
        for (module, owner) in [("CSQLite", "KoersStore"), ("CCurl", "KoersMail")] {
            let importers = Set(try Self.sourceFiles().filter { $0.text.contains("import \(module)\n") }.map(\.target))
            #expect(importers == [owner], "\(module) is imported by \(importers.sorted())")
            let declaring = Set(Self.declared.filter { $0.value.contains(module) }.keys)
            #expect(declaring == [owner], "\(module) is a dependency of \(declaring.sorted())")
        }
    }

    @Test("Only KoersSystem imports the C library")
    func systemCalls() throws {
        let files = try Self.sourceFiles()
        let importers = Set(files.filter { file in
            ["Glibc", "Musl", "Darwin"].contains { file.text.contains("import \($0)\n") }
        }.map(\.target))
        #expect(importers == ["KoersSystem"], "the C library is imported by \(importers.sorted())")
    }

    @Test("The developer's guide names, for each target, exactly the targets it builds on directly")
    func guideMatchesPackage() throws {
        let guide = try String(contentsOfFile: Fixture.repository + "/docs/development.md", encoding: .utf8)
        // Rows of the targets table: | `KoersStore` | `KoersFormats`, `CSQLite` | … |
        var drawn: [String: Set<String>] = [:]
        for line in guide.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            let names = { (cell: String) in Set(cell.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }) }
            guard let target = names(cells[0]).first, Self.declared[target] != nil else { continue }
            drawn[target] = names(cells[1])
        }
        let shown = Set(Self.declared.keys).subtracting(["CSQLite", "CCurl", "KoersTests", "IntegrationTests"])
        #expect(Set(drawn.keys) == shown, "the guide's table lists \(drawn.keys.sorted()); Package.swift has \(shown.sorted())")
        for target in shown {
            #expect(drawn[target] == Self.direct(target), "\(target): the guide says \(drawn[target]?.sorted() ?? []), Package.swift \(Self.direct(target).sorted())")
        }
    }

    /// The dependencies of `target` not already reached through another of its dependencies.
    static func direct(_ target: String) -> Set<String> {
        func reach(_ t: String) -> Set<String> {
            declared[t, default: []].reduce(into: Set<String>()) { $0.insert($1); $0.formUnion(reach($1)) }
        }
        let all = declared[target, default: []]
        return all.filter { dependency in !all.contains { $0 != dependency && reach($0).contains(dependency) } }
    }

    static func sourceFiles() throws -> [(target: String, text: String)] {
        let sources = Fixture.repository + "/Sources"
        var files: [(String, String)] = []
        for target in try FileManager.default.contentsOfDirectory(atPath: sources) {
            let folder = sources + "/" + target
            for case let path as String in FileManager.default.enumerator(atPath: folder) ?? .init() where path.hasSuffix(".swift") {
                files.append((target, try String(contentsOfFile: folder + "/" + path, encoding: .utf8)))
            }
        }
        return files
    }
}
