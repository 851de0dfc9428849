import Foundation
@testable import KoersCLI
@testable import KoersFormats
import KoersTestSupport
import Testing

/// Files far too large, or endless, or nested beyond reason where an agenda, configuration or
/// history is expected: each gets one clear error, quickly, without reading what it need not read.
@Suite("Hostile input: oversized, endless and deeply nested files")
struct OversizedInputTests {
    let fixture = Fixture()

    /// The agenda diagnostics of loading the standard configuration with `agendaPath` as its agenda.
    func agendaErrors(_ agendaPath: String) -> [Diagnostic] {
        fixture.standard(config: Fixture.config.replacingOccurrences(of: "\"agenda.json\"", with: "\"\(agendaPath)\""))
        return fixture.check().diagnostics.filter { $0.file.hasSuffix(agendaPath) && $0.severity == .error }
    }

    @Test("a 50 MB agenda file is refused by its size, naming the 32 MiB limit, before parsing")
    func fiftyMegabytes() throws {
        // Valid JSON all the way: only the size is wrong.
        var bytes = Array(Fixture.agenda.utf8)
        bytes += [UInt8](repeating: 0x20, count: 50 << 20)
        let path = fixture.folder + "/big.json"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let errors = agendaErrors("big.json")
        #expect(errors.map(\.message) == [
            "is \(bytes.count) bytes, more than the 33554432 bytes (32 MiB) Koers reads from one JSON file; "
                + "an agenda or configuration is far smaller, so check that this is the right file",
        ])
    }

    @Test("a file of exactly the limit is parsed, one byte more is refused")
    func limitBoundary() throws {
        let path = fixture.folder + "/edge.json"
        var bytes = Array(Fixture.agenda.utf8)
        bytes += [UInt8](repeating: 0x20, count: SourceFile.maximumBytes - bytes.count)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(agendaErrors("edge.json").isEmpty)
        bytes.append(0x20)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(agendaErrors("edge.json").map(\.message).first?.hasPrefix("is 33554433 bytes, more than the 33554432 bytes") == true)
    }

    @Test("a 4 GiB (sparse) agenda file is refused by `koers check` running in 512 MB of address space")
    func boundedMemory() throws {
        fixture.standard()
        let path = fixture.folder + "/agenda.json"
        #expect(truncate(path, 4 << 30) == 0)
        // Reading the file first, as Koers once did, cannot fit in this limit: the
        // refusal shows that the size is checked before anything is read.
        let (status, output) = try Self.runLimited(["--config", fixture.folder + "/koers.json", "check"], megabytes: 512)
        #expect(status == ExitCode.invalidData.rawValue, "\(output)")
        #expect(output.contains("agenda.json: error: is 4294967296 bytes, more than the 33554432 bytes (32 MiB)"), "\(output)")
    }

    @Test("a device or a named pipe given as an agenda is refused without reading or blocking",
          arguments: ["/dev/zero", "/dev/urandom", "fifo"])
    func notARegularFile(path: String) throws {
        if path == "fifo" { #expect(mkfifo(fixture.folder + "/fifo", 0o600) == 0) }
        #expect(agendaErrors(path).map(\.message) == ["is not a regular file (a device, pipe or socket); expected a JSON file"])
    }

    @Test("a folder, a missing file and an unreadable name keep their own messages")
    func otherFileProblems() throws {
        try FileManager.default.createDirectory(atPath: fixture.folder + "/folder.json", withIntermediateDirectories: true)
        #expect(agendaErrors("folder.json").map(\.message) == ["is a folder; expected a JSON file"])
        #expect(agendaErrors("missing.json").map(\.message) == ["no such file"])
        #expect(agendaErrors("agenda.json/below").map(\.message) == ["no such file"])
    }

    @Test("a 10 MB step text loads and shows in the agenda, the step view and the CSV export")
    func tenMegabyteText() throws {
        let text = String(repeating: "Lange tekst zonder einde ", count: 400_000)
        #expect(text.utf8.count == 10_000_000)
        fixture.standard(agenda: Fixture.agenda.replacingOccurrences(of: "\"Oriëntatie\"", with: "\"\(text)\""))
        _ = try fixture.load()
        let config = fixture.folder + "/koers.json"
        let show = KoersTool.run(["--config", config, "--now", "2024-10-15", "show", "LL-A1"], environment: [:])
        #expect(show.exitCode == .ok, "\(show.stderr)")
        #expect(show.stdout.split(separator: "\n").allSatisfy { $0.count <= TextLayout.width })
        let csv = KoersTool.run(["--config", config, "--now", "2024-10-15", "export", "csv"], environment: [:])
        #expect(csv.exitCode == .ok && csv.stdout.contains(text), "\(csv.stderr)")
    }

    @Test("a name of a megabyte is refused at load, at its place, saying the limit, and no command runs on it",
          arguments: [("koers.json", "\"Carla Jansen\"", "people[0].name", "a name has at most 200"),
                      ("agenda.json", "\"Stichting Voorbeeld\"", "organisation.name", "a name has at most 200"),
                      ("agenda.json", "\"Co-OP'er\"", "roles[0].name", "a name has at most 200"),
                      ("agenda.json", "\"Lerende leraar\"", "themes[0].title", "a title has at most 300"),
                      ("agenda.json", "\"Zelfscan\"", "milestones[0].title", "a title has at most 300"),
                      ("agenda.json", "\"Beroepsbeeld vaststellen.\"", "themes[0].activities[0].text", "an activity's text has at most 1000")])
    func megabyteName(file: String, value: String, path: String, limit: String) throws {
        let huge = "\"" + String(repeating: "Jansen ", count: 150_000) + "\""
        let config = file == "koers.json" ? Fixture.config.replacingOccurrences(of: value, with: huge) : Fixture.config
        let agenda = file == "agenda.json" ? Fixture.agenda.replacingOccurrences(of: value, with: huge) : Fixture.agenda
        fixture.standard(agenda: agenda, config: config)
        let text = file == "koers.json" ? config : agenda
        let before = text[..<text.range(of: huge)!.lowerBound]
        let line = before.count { $0 == "\n" } + 1
        let column = before.split(separator: "\n", omittingEmptySubsequences: false).last!.unicodeScalars.count + 1
        let errors = fixture.check().diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.description) == ["\(fixture.folder)/\(file):\(line):\(column): error: \(path): is 1050000 characters long; \(limit)"])
        let due = KoersTool.run(["--config", fixture.folder + "/koers.json", "due"], environment: [:])
        #expect(due.exitCode == .invalidData && due.stdout.isEmpty)
    }

    @Test("nesting 100,000 levels deep in an agenda, a configuration and a history is one positioned error")
    func deepNesting() throws {
        let deep = String(repeating: "[", count: 100_000)
        fixture.standard(agenda: "{\"format\": \"koers-agenda/1\", \"themes\": \(deep)")
        let agenda = fixture.check().diagnostics.filter { $0.file.hasSuffix("agenda.json") }
        #expect(agenda.map(\.description) == [
            fixture.folder + "/agenda.json:1:295: error: malformed JSON: too deeply nested: more than 256 levels of arrays and objects",
        ])

        fixture.standard(config: "{\"people\": [{\"x\": " + String(repeating: "{\"a\": ", count: 100_000))
        #expect(fixture.check().diagnostics.map(\.message) == [
            "malformed JSON: too deeply nested: more than 256 levels of arrays and objects",
        ])

        fixture.standard()
        let history = fixture.write("history.json", "{\"format\": \"koers-history/1\", \"events\": \(deep)")
        let r = KoersTool.run(["--config", fixture.folder + "/koers.json", "--now", "2024-10-15", "history", "import", history],
                              environment: [:])
        #expect(r.exitCode == .invalidData)
        #expect(r.stderr.contains("history.json:1:296: error: malformed JSON: too deeply nested"), "\(r.stderr)")
    }

    @Test("nesting just inside the limit, under a key the agenda does not know, is only that key's error")
    func nestingInsideTheLimit() throws {
        let nested = String(repeating: "[", count: 250) + String(repeating: "]", count: 250)
        fixture.standard(agenda: Fixture.agenda.replacingOccurrences(of: "\"version\": \"2023\",", with: "\"version\": \"2023\", \"extra\": \(nested),"))
        let errors = fixture.check().diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.message.hasPrefix("unknown key \"extra\"") == true)
    }

    /// Runs the built `koers` with its address space limited (`ulimit -v`), giving its exit status
    /// and its standard output and error together.
    static func runLimited(_ arguments: [String], megabytes: Int) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v \(megabytes * 1024) && exec \"$0\" \"$@\"", KoersProcess.executable] + arguments
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
