import Foundation
@testable import KoersFormats
import KoersTestSupport
import Testing

/// The fuzz targets' invariants on their seed corpus and on every input a fuzzing run has turned
/// into a regression (`Tests/Fuzz/regressions/TARGET/`), in every normal test run.
@Suite("Fuzz targets: seed corpus and saved crashes")
struct FuzzCorpusTests {
    static let root = Fixture.repository + "/Tests/Fuzz"

    static func inputs(_ folder: String) throws -> [(name: String, bytes: [UInt8])] {
        guard FileManager.default.fileExists(atPath: folder) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { name in
            (name, Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))))
        }
    }

    @Test("every target has a seed corpus and a dictionary, and every corpus folder is a target")
    func layout() throws {
        let folders = Set(try FileManager.default.contentsOfDirectory(atPath: Self.root + "/corpus"))
        #expect(folders == Set(FuzzTargets.all.map { $0.name }))
        for target in FuzzTargets.all {
            #expect(try !Self.inputs(Self.root + "/corpus/" + target.name).isEmpty, "\(target.name)")
            #expect(FileManager.default.fileExists(atPath: Self.root + "/dict/\(target.name).dict"), "\(target.name)")
        }
    }

    @Test("every seed and every saved crash keeps its target's invariants", arguments: FuzzTargets.all.map { $0.name })
    func replay(target: String) throws {
        let inputs = try Self.inputs(Self.root + "/corpus/" + target) + Self.inputs(Self.root + "/regressions/" + target)
        for input in inputs {
            let failure = FuzzTargets.failure(of: target, input.bytes)
            #expect(failure == nil, "\(target)/\(input.name): \(failure.map(\.description) ?? "")")
        }
    }

    @Test("the seeds of the loaders are valid files, so fuzzing starts from deep inside the decoders")
    func seedsAreValid() throws {
        for (name, bytes) in try Self.inputs(Self.root + "/corpus/agenda") {
            let log = DiagnosticLog(file: name)
            let agenda = SourceFile.parse(bytes: bytes, log: log).flatMap { AgendaDecoder(log: log).decode($0) }
            #expect(agenda != nil && !log.hasErrors, "\(name): \(log.items)")
        }
        for (name, bytes) in try Self.inputs(Self.root + "/corpus/holidays") {
            let log = DiagnosticLog(file: name)
            let holidays = SourceFile.parse(bytes: bytes, log: log).flatMap { SchoolHolidays.decode($0, log: log) }
            #expect(holidays.map { !$0.vacations.isEmpty } == true && !log.hasErrors, "\(name): \(log.items)")
        }
        for (name, bytes) in try Self.inputs(Self.root + "/corpus/config") {
            let loaded = Workspace.check(configPath: WorkspaceFuzzing.configPath, environment: [:]) { path, log in
                SourceFile.parse(bytes: path == WorkspaceFuzzing.configPath ? bytes : WorkspaceFuzzing.agenda, log: log)
            }
            #expect(loaded.workspace != nil, "\(name): \(loaded.diagnostics)")
        }
    }
}
