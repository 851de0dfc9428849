import Foundation
import Testing
@testable import KoersModel
@testable import KoersStore
@testable import KoersCLI

@Suite("koers report on the command line, in process")
struct ReportCommandTests {
    func koers(_ scene: ReportScene, _ arguments: String...) -> CommandOutput {
        KoersTool.run(["--config", scene.fixture.folder + "/koers.json"] + arguments, environment: [:],
                      clock: FixedClock(scene.day("2024-10-15")))
    }

    @Test("halfyear and year print the text report; the as-of day defaults to the end of the period")
    func text() throws {
        let scene = try ReportScene()
        var r = koers(scene, "report", "halfyear", "2024-H1")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        #expect(r.stdout.contains("stand per 30 juni 2024."))
        #expect(r.stdout.contains("Lerende leraar            4   1   0   1   1   1   1"))
        r = koers(scene, "report", "year", "2024")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        #expect(r.stdout.contains("stand per 15 oktober 2024"))
        #expect(r.stdout.contains("(tussenstand: de periode loopt nog)"))
        r = koers(scene, "report", "halfyear", "2024-h1", "--as-of", "2024-03-31", "--agenda", "rap")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        #expect(r.stdout.contains("stand per 31 maart 2024 (tussenstand"))
    }

    @Test("--format, --json and --out")
    func formats() throws {
        let scene = try ReportScene()
        var r = koers(scene, "report", "halfyear", "2024-H1", "--format", "markdown")
        #expect(r.stdout.hasPrefix("# Halfjaarrapportage"))
        r = koers(scene, "report", "halfyear", "2024-H1", "--format", "html")
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>"))
        r = koers(scene, "--json", "report", "halfyear", "2024-H1")
        #expect(r.stdout.hasPrefix("{\n  \"format\": \"koers-report/1\""))
        let out = scene.fixture.folder + "/rapport.html"
        r = koers(scene, "report", "year", "2023", "--format", "html", "--out", out)
        #expect(r.exitCode == .ok, "\(r.stderr)")
        #expect(r.stdout == "wrote the year report 2023 as of 2023-12-31 (html) to \(out)\n")
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
    }

    @Test("archive lists the archived reports and show prints one exactly as stored")
    func archiveAndShow() throws {
        let scene = try ReportScene()
        func run(_ arguments: [String]) -> (exitCode: ExitCode, stdout: String, stderr: String) {
            let r = KoersTool.run(["--config", scene.fixture.folder + "/koers.json"] + arguments, environment: [:],
                                  clock: FixedClock(scene.day("2024-10-15")))
            return (r.exitCode, r.stdout, r.stderr)
        }
        #expect(run(["report", "archive"]).stdout == "Nog geen rapportages gearchiveerd.\n")
        let workspace = try scene.fixture.load()
        let store = try Store(path: workspace.config.databasePath)
        let archived = try store.archiveReport(kind: .halfYear, period: "2024-H1", asOf: LocalDate("2024-06-30")!,
                                               title: "Halfjaarrapportage 2024-H1", html: "<p>html</p>\n", text: "tekst\n",
                                               json: "{}\n", at: scene.day("2024-07-05"))
        let list = run(["report", "archive"])
        #expect(list.exitCode == .ok)
        #expect(list.stdout.contains("\(archived.id)   2024-H1  2024-06-30  2024-07-05    Halfjaarrapportage 2024-H1"), "\(list.stdout)")
        #expect(run(["report", "archive", "--json"]).stdout.contains("\"asOf\" : \"2024-06-30\""))
        #expect(run(["report", "show", "\(archived.id)"]).stdout == "tekst\n")
        #expect(run(["report", "show", "\(archived.id)", "--format", "html"]).stdout == "<p>html</p>\n")
        #expect(run(["report", "show", "\(archived.id)", "--json"]).stdout == "{}\n")
        #expect(run(["report", "show", "\(archived.id)", "--format", "markdown"]).exitCode == .usage)
    }

    @Test("Mistakes are usage errors that say what is expected")
    func usage() throws {
        let scene = try ReportScene()
        let cases: [([String], String)] = [
            (["report"], "missing report action (halfyear, year, archive, show)"),
            (["report", "monthly", "2024"], "unknown report action \"monthly\"; expected one of: halfyear, year, archive, show"),
            (["report", "show"], "missing the report id; `koers report archive` lists them"),
            (["report", "show", "x"], "\"x\" is not a report id"),
            (["report", "show", "7"], "no archived report 7"),
            (["report", "show", "7", "--as-of", "2024-01-01"], "--as-of does not go with `koers report show`"),
            (["report", "archive", "extra"], "unexpected argument \"extra\""),
            (["report", "halfyear"], "missing the period: YYYY-H1 or YYYY-H2"),
            (["report", "halfyear", "2024-H3"], "\"2024-H3\" is not a half-year"),
            (["report", "year", "2024-H1"], "\"2024-H1\" is not a year"),
            (["report", "halfyear", "2025-H1"], "2025-H1 has not begun yet (today is 2024-10-15)"),
            (["report", "halfyear", "2024-H1", "--as-of", "2024-12-01"], "--as-of 2024-12-01 lies after today (2024-10-15)"),
            (["report", "halfyear", "2024-H1", "--as-of", "2023-12-01"], "--as-of 2023-12-01 lies before 2024-H1 begins"),
            (["report", "halfyear", "2024-H1", "--as-of", "30-06-2024"], "--as-of \"30-06-2024\" is not a date"),
            (["report", "halfyear", "2024-H1", "--format", "pdf"], "expected one of: text, markdown, html, json"),
            (["report", "halfyear", "2024-H1", "--format", "html", "--json"], "--json and --format html contradict"),
            (["report", "halfyear", "2024-H1", "--agenda", "nope"], "--agenda \"nope\" is not a loaded agenda; loaded are: rap"),
            (["report", "halfyear", "2024-H1", "2024-H2"], "unexpected argument \"2024-H2\""),
        ]
        for (arguments, message) in cases {
            let r = KoersTool.run(["--config", scene.fixture.folder + "/koers.json"] + arguments, environment: [:],
                                  clock: FixedClock(scene.day("2024-10-15")))
            #expect(r.exitCode == .usage, "\(arguments)")
            #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }

    @Test("--help describes both actions and their options")
    func help() {
        let r = KoersTool.run(["report", "--help"], environment: [:])
        #expect(r.exitCode == .ok)
        #expect(r.stdout.hasPrefix("Usage: koers report halfyear YYYY-Hn"))
        #expect(r.stdout.contains("koers report year YYYY"))
        #expect(r.stdout.contains("--as-of YYYY-MM-DD"))
        #expect(r.stdout.contains("Voorstellen voor bijstelling"))
        #expect(KoersTool.overview.contains("report"))
    }
}
