import Foundation
import Testing
@testable import KoersCLI

/// Options are declared once per usage (action) of a command: `--help` is made from the
/// declarations, and an option the chosen action does not declare is a usage error.
@Suite("command-line options, declared once")
struct CommandOptionTests {
    /// In process, without a configuration: each of these is refused before anything is loaded.
    func koers(_ arguments: String...) -> CommandOutput {
        KoersTool.run(["--config", "/nonexistent/koers.json"] + arguments, environment: [:])
    }

    /// The spellings in the help's option list (`--on YYYY-MM-DD`, `-h, --help` excluded).
    static func listed(_ help: String) -> [String] {
        guard let list = help.components(separatedBy: "\nOptions:\n").dropFirst().first else { return [] }
        return list.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  --") else { return nil }
            return line.dropFirst(2).components(separatedBy: "  ").first
        }
    }

    @Test("every command's help lists exactly the options its usages declare, and each usage line names its own")
    func helpListsDeclaredOptions() throws {
        for command in KoersTool.commands {
            let help = KoersTool.run([command.name, "--help"], environment: [:])
            #expect(help.exitCode == .ok && help.stdout == command.help, "\(command.name)")
            let declared = command.usages.flatMap(\.options)
            var distinct: [String] = []
            for option in declared where !distinct.contains(option.spelling) { distinct.append(option.spelling) }
            #expect(Set(Self.listed(help.stdout)) == Set(distinct), "\(command.name): \(help.stdout)")
            #expect(Self.listed(help.stdout).count == Set(declared.map { [$0.spelling, $0.help] }).count, "\(command.name)")

            let usage = try #require(help.stdout.components(separatedBy: "\n\n").first)
            #expect(usage.hasPrefix("Usage: koers \(command.name)"))
            let lines = usage.replacingOccurrences(of: #"\n +(?=[\[-])"#, with: " ", options: .regularExpression)
                .split(separator: "\n").map(String.init)
            #expect(lines.count == command.usages.count, "\(command.name): \(usage)")
            for (line, declaredUsage) in zip(lines, command.usages) {
                let named = line.matches(of: /--[a-z-]+/).map { String($0.output.dropFirst(2)) }
                #expect(named == declaredUsage.options.map(\.name), "\(command.name): \(line)")
                for option in declaredUsage.options where option.isRequired {
                    #expect(line.contains(" " + option.spelling) && !line.contains("[" + option.spelling), "\(line)")
                }
            }
        }
    }

    @Test("an option means the same kind of thing (a value or a flag) in every usage of a command, global ones included")
    func oneKindPerName() {
        for command in KoersTool.commands {
            let options = command.usages.flatMap(\.options) + CommandOption.globals
            for option in options {
                #expect(options.filter { $0.name == option.name }.allSatisfy { $0.takesValue == option.takesValue },
                        "\(command.name) --\(option.name)")
            }
        }
    }

    @Test("an option of another action of the same command is a usage error naming it and what the action accepts",
          arguments: [
            (["starter", "list", "--email", "x@example.org"],
             "--email does not go with `koers starter list`\n`koers starter list` accepts --all, --json"),
            (["student", "show", "t-abc", "--reason", "left"],
             "--reason does not go with `koers student show`\n`koers student show` accepts --json"),
            (["starter", "outcomes", "--all"], "--all does not go with `koers starter outcomes`\n"),
            (["report", "archive", "--as-of", "2024-06-30"], "--as-of does not go with `koers report archive`\n`koers report archive` accepts --json"),
            (["report", "show", "1", "--archive"], "--archive does not go with `koers report show`\n`koers report show` accepts --format, --out, --json"),
            (["scan", "list", "--school", "x"], "--school does not go with `koers scan list`\n"),
            (["scan", "import", "r", "f.csv", "--replace"], "--replace does not go with `koers scan import`\n"),
            (["export", "ical", "--no-bom"], "--no-bom does not apply to export ical\n`koers export ical` accepts --role, --person, --out, --now, --json"),
            (["agenda", "export", "--theme", "LL"], "--theme does not go with `koers agenda export`: the export holds the whole agenda\n"),
            (["agenda", "--version", "x"], "--version does not go with `koers agenda`\n`koers agenda` accepts --theme, --period"),
            (["outbox", "retry", "3", "--all"], "--all does not go with `koers outbox retry`\n`koers outbox retry` takes no options of its own"),
            (["measure", "--list", "--note", "x"], "--note does not go with --list\n`koers measure --list` accepts --agenda, --json"),
            (["spend", "--list", "--hours", "2"], "--hours does not go with --list\n`koers spend --list` accepts --json"),
          ])
    func crossActionOption(arguments: [String], message: String) {
        let r = KoersTool.run(["--config", "/nonexistent/koers.json"] + arguments, environment: [:])
        #expect(r.exitCode == .usage, "\(arguments): \(r.stderr)")
        #expect(r.stderr.hasPrefix("Error: " + message), "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains("\n\nUsage: koers \(arguments[0])"), "the command's help follows")
        #expect(r.stdout.isEmpty)
    }

    @Test("an unknown option, a missing value, a value option given twice and a value for a flag are usage errors")
    func malformedOptions() {
        let cases: [([String], String)] = [
            (["starter", "list", "--colour"], "unknown option --colour\n`koers starter list` accepts --all, --json\n"),
            (["agenda", "--colour"], "unknown option --colour\n`koers agenda` accepts --theme, --period, --role, --status, --now, --json\n"),
            (["spend", "LL-a", "-10"], "unknown option -10\n`koers spend` accepts --on, --hours, --note\n"),
            (["set", "LL-A1", "done", "--note"], "--note needs a value: --note TEXT\n"),
            (["set", "LL-A1", "done", "--note", "a", "--note=b"], "--note is given twice; give it once\n"),
            (["--now", "2024-01-01", "due", "--now", "2024-02-01"], "--now is given twice; give it once\n"),
            (["outbox", "--all=yes"], "--all takes no value\n"),
            (["report"], "missing report action (halfyear, year, archive, show)\n"),
            (["starter", "begin"], "unknown action \"begin\"; expected one of: add, list, show, done, end, outcomes\n"),
            (["export", "pdf"], "unknown format \"pdf\"; expected one of: ical, csv\n"),
            (["mail", "send"], "unknown action \"send\"; expected test\n"),
        ]
        for (arguments, message) in cases {
            let r = KoersTool.run(["--config", "/nonexistent/koers.json"] + arguments, environment: [:])
            #expect(r.exitCode == .usage, "\(arguments): \(r.stderr)")
            #expect(r.stderr.hasPrefix("Error: " + message + "\nUsage: koers "), "\(arguments): \(r.stderr)")
        }
    }

    @Test("a missing required option is a usage error worded from its declaration")
    func missingRequired() {
        let cases: [([String], String)] = [
            (["mail", "test"], "missing --to ADDRESS: the address to send the test message to"),
            (["mail", "test", "--to", " "], "missing --to ADDRESS: the address to send the test message to"),
            (["site"], "missing --out DIR: the folder to write the site to; its parent folder must exist"),
            (["holidays", "import", "2025-2026.json"], "missing --region; expected one of: noord, midden, zuid"),
        ]
        for (arguments, message) in cases {
            let run = KoersTool.run(["--config", "/nonexistent/koers.json"] + arguments, environment: [:])
            #expect(run.exitCode == .usage, "\(arguments): \(run.stderr)")
            #expect(run.stderr.hasPrefix("Error: " + message + "\n\nUsage: koers "), "\(arguments): \(run.stderr)")
        }
    }

    @Test("--help wins over an option of another action, and a global option goes with every action")
    func helpAndGlobals() {
        let help = koers("starter", "list", "--email", "x", "--help")
        #expect(help.exitCode == .ok && help.stdout.hasPrefix("Usage: koers starter add"))
        let global = KoersTool.run(["outbox", "retry", "3", "--json", "--now", "2024-01-01", "--config", "/nonexistent/koers.json"],
                                   environment: [:])
        #expect(global.exitCode == .invalidData, "the configuration is what stops it: \(global.stderr)")
    }
}
