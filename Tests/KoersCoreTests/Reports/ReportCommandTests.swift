import Foundation
import Testing
@testable import KoersCore

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

    @Test("Mistakes are usage errors that say what is expected")
    func usage() throws {
        let scene = try ReportScene()
        let cases: [([String], String)] = [
            (["report"], "missing report action (halfyear, year)"),
            (["report", "monthly", "2024"], "unknown report action \"monthly\"; expected one of: halfyear, year"),
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
