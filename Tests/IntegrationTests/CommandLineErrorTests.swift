import Foundation
import KoersTestSupport
import Testing

/// What the command line says when something is wrong: exit status, and a message that says what to
/// do next.
@Suite("koers command-line errors and help")
struct CommandLineErrorTests {
    @Test("An unknown step is refused with exit 1 and suggestions")
    func unknownStep() throws {
        let site = try Installation()
        let r = try site.koers("set", "LO-A9", "done", now: "2023-01-10")
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("Error: no step \"LO-A9\""))
    }

    @Test("An impossible transition is refused with exit 1 and says what is allowed")
    func impossible() throws {
        let site = try Installation()
        #expect(try site.koers("set", "LL-A1", "done", now: "2023-01-10").status == 0)
        let r = try site.koers("set", "LL-A1", "dropped", now: "2023-01-11")
        #expect(r.status == 1)
        #expect(r.stderr == "Error: LL-A1 cannot go from done to dropped; a done step can only be reopened (in-progress)\n")
        let again = try site.koers("set", "LL-A1", "done", now: "2023-01-12")
        #expect(again.stderr == "Error: LL-A1 is already done; nothing recorded\n")
    }

    @Test("Postponing without a target half-year says how to give one")
    func postponeWithoutTarget() throws {
        let site = try Installation()
        let r = try site.koers("set", "LL-A1", "postponed", now: "2023-01-10")
        #expect(r.status == 1)
        #expect(r.stderr.contains("--to YYYY-H1"))
    }

    @Test("Usage mistakes exit 64 and print the command's usage")
    func usage() throws {
        let site = try Installation()
        var r = try site.koers("set", "LL-A1")
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: missing STATUS"))
        #expect(r.stderr.contains("Usage: koers set STEP STATUS"))
        r = try site.koers("agenda", "--colour")
        #expect(r.status == 64)
        #expect(r.stderr.contains("unknown option --colour"))
        r = try site.koers("agenda", "--period", "2023-H3")
        #expect(r.status == 64)
        r = try site.koers("frobnicate")
        #expect(r.status == 64)
        #expect(r.stderr.contains("unknown command \"frobnicate\""))
        r = try KoersProcess.run([])
        #expect(r.status == 64)
    }

    @Test("--help works on every command, on stdout, exit 0")
    func help() throws {
        for command in ["check", "agenda", "show", "set", "due", "milestones", "history"] {
            let r = try KoersProcess.run([command, "--help"])
            #expect(r.status == 0)
            #expect(r.stdout.hasPrefix("Usage: koers \(command)"), "\(command)")
            #expect(r.stderr.isEmpty)
        }
        let r = try KoersProcess.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Exit status"))
    }

    @Test("--help works on every command koers --help lists, and lists each option once")
    func helpOfEveryCommand() throws {
        let overview = try KoersProcess.run(["--help"]).stdout
        let commands = overview.components(separatedBy: "\nCommands:\n")[1].components(separatedBy: "\n\n")[0]
            .split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }.filter { $0 != "help" }
        #expect(commands.count == 23, "\(commands)")
        for command in commands {
            let r = try KoersProcess.run([command, "--help"])
            #expect(r.status == 0 && r.stderr.isEmpty, "\(command)")
            #expect(r.stdout.hasPrefix("Usage: koers \(command)"), "\(command)")
        }
    }

    @Test("An option of another action of the command is refused with exit 64, naming it and what the action accepts")
    func optionOfAnotherAction() throws {
        let site = try Installation()
        let r = try site.koers("starter", "list", "--email", "x@example.org")
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: --email does not go with `koers starter list`\n`koers starter list` accepts --all, --json\n\n"
                                   + "Usage: koers starter add"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let twice = try site.koers("set", "LL-A1", "done", "--note", "a", "--note", "b")
        #expect(twice.status == 64)
        #expect(twice.stderr.hasPrefix("Error: --note is given twice; give it once\n"))
    }

    @Test("An --out file that cannot be created exits 73, not 1")
    func outputFile() throws {
        let site = try Installation()
        for command in [["export", "ical"], ["report", "halfyear", "2024-H1"], ["agenda", "export"]] {
            let r = try KoersProcess.run(["--config", site.config, "--now", "2024-10-15"] + command + ["--out", site.folder + "/missing/file"])
            #expect(r.status == 73, "\(command): \(r.stderr)")
            #expect(r.stderr.hasPrefix("Error: Could not create \(site.folder)/missing/file: No such file or directory"), "\(command): \(r.stderr)")
        }
    }

    @Test("A broken agenda stops every command with exit 65 and the file, line and column")
    func brokenAgenda() throws {
        let site = try Installation()
        let broken = site.folder + "/broken.json"
        try "{\n  \"format\": \"koers-agenda/1\",\n  \"id\": \"x\"\n  \"title\": \"y\"\n}\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let config = try String(contentsOfFile: site.config, encoding: .utf8)
            .replacingOccurrences(of: "\"\(KoersProcess.repository)/Agendas/ook-2022-2024.json\"", with: "\"broken.json\"")
        try config.write(toFile: site.config, atomically: true, encoding: .utf8)
        for command in [["check"], ["agenda"]] {
            let r = try site.koers(command[0])
            #expect(r.status == 65)
            // At the end of line 3, where the comma is missing, not where the parser noticed.
            #expect(r.stderr.hasPrefix("\(broken):3:12: error: malformed JSON: expected ',' after this member: "
                + "the next member starts at line 4, column 3"), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 2, "the syntax error and the verdict, nothing else: \(r.stderr)")
        }
    }

    @Test("A role nobody holds does not stop reading: read commands exit 0 and warn on stderr; check lists it as a warning")
    func unheldRole() throws {
        let site = try Installation()
        let data = try Data(contentsOf: URL(fileURLWithPath: site.config))
        var config = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let people = try #require(config["people"] as? [[String: Any]])
        config["people"] = people.map { person in
            var person = person
            person["roles"] = (person["roles"] as? [String] ?? []).filter { $0 != "directies" }
            return person
        }
        try JSONSerialization.data(withJSONObject: config, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: site.config))
        let warning = "warning: people: nobody holds role \"directies\" (used by agenda ook-sop, template stappenplan-toetreding, "
            + "trajectory startende-leraar): what is meant for it reaches nobody; add it to the \"roles\" of at least one person\n"
        let check = try site.koers("check")
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains(warning), "\(check.stderr)")
        #expect(check.stderr.hasSuffix("OK: no errors, 7 warning(s).\n"), "\(check.stderr)")
        let reads: [[String]] = [["agenda"], ["show", "LL-A1"], ["due"], ["milestones"], ["status"], ["report", "halfyear", "2023-H2"],
                                 ["export", "csv"], ["site", "--out", site.folder + "/site"], ["starter", "list"]]
        for command in reads {
            let r = try KoersProcess.run(["--config", site.config, "--now", "2023-10-01"] + command)
            #expect(r.status == 0, "\(command): \(r.stderr)")
            #expect(!r.stdout.isEmpty || command[0] == "site", "\(command)")
            #expect(r.stderr.hasPrefix(site.config + ":") && r.stderr.contains(warning), "\(command): \(r.stderr)")
            #expect(r.stderr.components(separatedBy: "nobody holds").count == 2, "once: \(command): \(r.stderr)")
        }
    }

    @Test("A missing configuration file is named")
    func missingConfig() throws {
        let r = try KoersProcess.run(["--config", "/nonexistent/koers.json", "check"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("/nonexistent/koers.json: error: no such file"))
    }
}

/// What reaches a terminal: the same bytes as in a pipe, except control characters, which a
/// terminal would obey.
@Suite("koers output on a terminal")
struct TerminalOutputTests {
    @Test("A note with an escape sequence is shown as ␛ on a terminal (a real pty) and kept exactly in a pipe")
    func escapesOnATerminal() throws {
        let site = try Installation()
        let note = "klaar\u{1B}]0;gekaapt\u{7}\u{1B}[31m"
        #expect(try site.koers("set", "LL-A1", "done", "--note", note, now: "2023-01-10").status == 0)
        let piped = try site.koers("show", "LL-A1", now: "2023-01-11")
        #expect(piped.status == 0)
        #expect(piped.stdout.contains(note), "a pipe gets the note byte for byte")

        // `script` (util-linux, in every Debian) runs the command on a new pseudo-terminal.
        let command = ([KoersProcess.executable, "--config", site.config, "--now", "2023-01-11", "show", "LL-A1"])
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let terminal = try KoersProcess.run(["--quiet", "--return", "--command", command, "/dev/null"],
                                            environment: ["TERM": "dumb"], program: "/usr/bin/script")
        #expect(terminal.status == 0)
        #expect(terminal.stdout.contains("klaar␛]0;gekaapt␇␛[31m"), "\(terminal.stdout)")
        #expect(!terminal.stdout.unicodeScalars.contains("\u{1B}"))
    }
}
