import Foundation
import Testing
@testable import KoersModel
@testable import KoersStore
@testable import KoersCLI

@Suite("koers scan adopt and koers agenda export: development points into the agenda's next version")
struct ScanAdoptionTests {
    private func scene() throws -> ScanFixture {
        let scene = ScanFixture()
        try scene.constructedRounds()
        return scene
    }

    @Test("An adopted point becomes the next step of a new activity of the theme, shown everywhere the agenda is")
    func adopt() throws {
        let scene = try scene()
        var r = scene.koers("scan", "adopt", "zelfscan-2024", "b4", "--theme", "ll", "--period", "2025-H1",
                            "--role", "schoolleiders, directieteam:decides", "--by", "c.jansen")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        #expect(r.stdout == "LL-B1 added to agenda mini, activity LL-b, 2025-H1: Ontwikkelpunt B4 uit de zelfscan: achtste stelling\n")

        r = scene.koers("agenda")
        #expect(r.stdout.contains("b. Ontwikkelpunten uit de zelfscan\n   Rollen: Schoolleiders (voert uit) · Directieteam (besluit)\n"))
        #expect(r.stdout.contains("   ○ B1  2025-H1   Ontwikkelpunt B4 uit de zelfscan: achtste stelling\n"))
        #expect(r.stdout.split(separator: "\n").contains { $0.hasPrefix("    2023-H1") && $0.contains("2025-H1") },
                "the plan's columns reach the adopted step's half-year")
        r = scene.koers("show", "ll-b1")
        #expect(r.stdout.contains("Noot:        Ontwikkelpunt B4 uit scanronde zelfscan-2024, toegevoegd met koers\n             scan adopt."))
        r = scene.koers("due", now: "2025-02-03")
        #expect(r.stdout.contains("LL-B1"), "open in its half-year, for its roles")
        r = scene.koers("set", "LL-B1", "in-progress", "--note", "Gestart", now: "2025-01-15")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        r = scene.koers("check")
        #expect(!r.stderr.contains("no longer has"), "history of an adopted step is not orphaned: \(r.stderr)")

        r = scene.koers("scan", "adopt", "zelfscan-2024", "A3", "--theme", "LL", "--period", "2025-H2", "--role", "schoolleiders",
                        "--text", "Samen oefenen")
        #expect(r.stdout.hasPrefix("LL-B2 added to agenda mini, activity LL-b, 2025-H2: Samen oefenen\n"), "the same activity, numbered on")
        r = scene.koers("scan", "adopt", "zelfscan-2024", "A3", "--theme", "LL", "--period", "2025-H1", "--role", "schoolleiders",
                        "--activity", "a")
        #expect(r.stdout.hasPrefix("LL-A5 added to agenda mini, activity LL-a, 2025-H1"), "an existing activity continues its numbering")

        let set = try AgendaSet(workspace: scene.workspace(), store: scene.store())
        let agenda = set.entries[0].agenda
        #expect(agenda.placedSteps.map(\.key.description) == ["LL-A1", "LL-A2", "LL-A3", "LL-A4", "LL-A5", "LL-B1", "LL-B2"])
        #expect(agenda.horizon.to == HalfYear("2025-H2"))
        let b1 = try #require(agenda.placedStep(StepKey("LL-B1")!))
        #expect(b1.roles == [RoleDuty(role: "schoolleiders", duty: .executes), RoleDuty(role: "directieteam", duty: .decides)])
        #expect(b1.decidingRoles == ["directieteam"])
    }

    @Test("An amendment keeps who adopted which scan item when, and cannot be changed or deleted, except to erase who")
    func stored() throws {
        let scene = try scene()
        let r = scene.koers("scan", "adopt", "zelfscan-2024", "B4", "--theme", "LL", "--period", "2025-H1", "--role", "co-oper",
                            "--by", "c.jansen")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        let store = try scene.store()
        let amendment = try #require(try store.amendments(agenda: "mini").first)
        #expect(amendment.key == StepKey("LL-B1"))
        #expect(amendment.scanRound == "zelfscan-2024" && amendment.scanItem == "B4")
        #expect(amendment.recordedBy == "c.jansen")
        #expect(amendment.recordedAt == scene.day("2024-10-15"))
        #expect(amendment.newActivityText == "Ontwikkelpunten uit de zelfscan")
        #expect(throws: StoreError.self) { try store.database.execute("UPDATE agenda_amendment SET text = 'x'") }
        #expect(throws: StoreError.self) { try store.database.execute("DELETE FROM agenda_amendment_role") }
        #expect(try store.amendments(agenda: "mini") == [amendment])

        let export = scene.koers("person", "export", "c.jansen")
        #expect(export.exitCode == .ok, "\(export.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let adopted = try #require(root["stepsAdopted"] as? [[String: String]])
        #expect(adopted == [["agenda": "mini", "step": "LL-B1", "scanRound": "zelfscan-2024", "scanItem": "B4",
                             "recordedAt": Timestamp.format(scene.day("2024-10-15"))]], "her export lists the step she adopted")

        let erasure = try store.erasePerson(id: "c.jansen", name: "Carla Jansen", email: nil)
        #expect(erasure.recordersCleared == 1)
        var anonymous = amendment
        anonymous.recordedBy = nil
        #expect(try store.amendments(agenda: "mini") == [anonymous], "only who adopted it is gone")
    }

    @Test("Export writes the agenda's next version: it passes check, holds the new steps, and loading it adds nothing twice")
    func export() throws {
        let scene = try scene()
        _ = scene.koers("scan", "adopt", "zelfscan-2024", "B4", "--theme", "LL", "--period", "2025-H1",
                        "--role", "schoolleiders,directieteam:decides")
        let out = scene.folder + "/agenda-2025.json"
        var r = scene.koers("agenda", "export", "--version", "2025", "--out", out)
        #expect(r.exitCode == .ok, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "Wrote agenda mini, version \"2025\", with 1 adopted step(s): LL-B1; horizon now 2023-H1…2025-H1 to \(out).\n")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("\"version\": \"2025\""))
        #expect(text.contains("\"text\": \"Oriëntatie\""), "the file's own texts as they were")

        let config = try String(contentsOfFile: scene.configPath, encoding: .utf8)
        try config.replacingOccurrences(of: "\"agenda.json\"", with: "\"agenda-2025.json\"")
            .write(toFile: scene.configPath, atomically: true, encoding: .utf8)
        r = scene.koers("check")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        let workspace = try scene.workspace()
        let file = workspace.agendas[0]
        #expect(file.version == "2025")
        let step = try #require(file.placedStep(StepKey("LL-B1")!))
        #expect(step.activity.text == "Ontwikkelpunten uit de zelfscan")
        #expect(step.step.period == HalfYear("2025-H1"))
        #expect(step.step.note == "Ontwikkelpunt B4 uit scanronde zelfscan-2024, toegevoegd met koers scan adopt.")
        let merged = try AgendaSet(workspace: workspace, store: scene.store()).entries[0].agenda
        #expect(merged.placedSteps.map(\.key) == file.placedSteps.map(\.key), "the amendment is in the file: not added again")

        r = scene.koers("agenda", "export")
        #expect(r.stdout == text.replacingOccurrences(of: "agenda-2025", with: "agenda-2025"), "nothing left to add")
        #expect(r.stderr == "Exported agenda mini, version \"2025\", with no adopted steps to add.\n")
        r = scene.koers("scan", "adopt", "zelfscan-2024", "A3", "--theme", "LL", "--period", "2025-H2", "--role", "schoolleiders")
        #expect(r.stdout.hasPrefix("LL-B2 added"), "numbering goes on from the exported file")
    }

    @Test("Refusals say what would work")
    func refusals() throws {
        let scene = try scene()
        func adopt(_ extra: String...) -> CommandOutput {
            KoersTool.run(["--config", scene.configPath, "scan", "adopt"] + extra, environment: [:], clock: FixedClock(scene.day("2024-10-15")))
        }
        var r = adopt("zelfscan-2024", "B4", "--theme", "LL", "--period", "2024-H1", "--role", "co-oper")
        #expect(r.stderr == "Error: 2024-H1 has ended; adopt the step into 2024-H2 or a later half-year\n")
        r = adopt("zelfscan-2024", "B4", "--theme", "XX", "--period", "2025-H1", "--role", "co-oper")
        #expect(r.stderr == "Error: no theme \"XX\" in the agenda; --theme takes a theme code: LL\n")
        r = adopt("zelfscan-2024", "B4", "--theme", "LL", "--period", "2025-H1", "--role", "bestuur")
        #expect(r.stderr == "Error: the agenda has no role \"bestuur\"; its roles are: co-oper, schoolleiders, directieteam\n")
        r = adopt("zelfscan-2024", "Q1", "--theme", "LL", "--period", "2025-H1", "--role", "co-oper")
        #expect(r.stderr == "Error: no item \"Q1\" in instrument proef; its items are A1–A4, B1–B4\n")
        r = adopt("zelfscan-2030", "B4", "--theme", "LL", "--period", "2025-H1", "--role", "co-oper")
        #expect(r.stderr == "Error: no scan round \"zelfscan-2030\"; known rounds: zelfscan-2022, lo-2023, zelfscan-2024\n")
        r = adopt("zelfscan-2024", "B4", "--theme", "LL", "--period", "2025-H1", "--role", "co-oper", "--activity", "x")
        #expect(r.stderr.hasPrefix("Error: no activity LL-x; the activities of LL are a"))
        r = adopt("zelfscan-2024", "B4", "--theme", "LL", "--period", "2025-H1", "--role", "co-oper:leads")
        #expect(r.exitCode == .usage)
        #expect(r.stderr.hasPrefix("Error: \"leads\" is not a duty; expected one of: executes, proposes, decides, consulted, informed\n"))
        r = adopt("zelfscan-2024", "B4", "--theme", "LL", "--period", "2025-H1")
        #expect(r.stderr.hasPrefix("Error: a step needs at least one role"))
        #expect(try scene.store().amendments(agenda: "mini").isEmpty)
    }
}
