import Foundation
@testable import KoersFormats
@testable import KoersModel
import KoersTestSupport
import Testing

/// The reference agenda of Openbaar Onderwijs Kampen, transcribed in Agendas/: every step of every
/// table cell, every dated commitment. These counts were made against the source document.
@Suite("The bundled OOK agenda")
struct BundledAgendaTests {
    let loaded = Workspace.check(configPath: Fixture.repository + "/Config/koers.example.json", environment: [:])

    var agenda: Agenda { loaded.workspace!.agendas[0] }

    @Test("The example configuration and bundled agenda load without errors")
    func loads() throws {
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        let workspace = try #require(loaded.workspace)
        #expect(workspace.agendas.map(\.id) == ["ook-sop"])
        #expect(workspace.templates.map(\.id) == ["stappenplan-toetreding"])
    }

    @Test("It has the four waarborgen with their activities, in document order")
    func themes() {
        #expect(agenda.themes.map(\.title) == ["Lerende leraar", "Leeromgeving", "Organisatie", "Kwaliteitscultuur"])
        #expect(agenda.themes.map(\.code) == ["LL", "LO", "OR", "KC"])
        #expect(agenda.themes.map { $0.activities.map(\.id).joined() } == ["ab", "abcd", "abcd", "abcdef"])
        #expect(agenda.horizon.halfYears.map(\.description) == ["2022-H1", "2022-H2", "2023-H1", "2023-H2", "2024-H1", "2024-H2"])
    }

    @Test("It has every step of every table cell: 54 in all")
    func steps() {
        let keys = agenda.themes.map { theme in theme.activities.flatMap(\.steps).map(\.id).joined(separator: " ") }
        #expect(keys == [
            "A1 A2 A3 B1 B2",
            "A1 A2 A3 A4 A5 A6 B1 B2 B3 C1 C2 C3 D1 D2 D3 D4 D5 D6",
            "A1 A2 B1 B2 B3 C1 D1",
            "A1 A2 A3 A4 B1 B2 B3 B4 B7 C1 C2 C3 C4 D1 D2 D3 D4 D5 E1 E2 E3 E4 F1 F2",
        ])
        #expect(agenda.placedSteps.count == 54)
    }

    @Test("Steps stand in the half-year column of the document")
    func periods() {
        func period(_ key: String) -> String? { agenda.placedStep(StepKey(key)!)?.step.period.description }
        #expect(period("LL-A1") == "2022-H2")
        #expect(period("LL-B2") == "2024-H2")
        #expect(period("LO-D1") == "2022-H1")
        #expect(period("OR-C1") == "2022-H1")
        #expect(period("KC-B3") == "2024-H1")
        #expect(period("KC-B7") == "2024-H2")
        #expect(period("KC-D5") == "2023-H2")
        #expect(agenda.placedStep(StepKey("KC-B7")!)?.step.due == PlannedDate("2025-03"))
        #expect(agenda.placedStep(StepKey("OR-C1")!)?.step.due == PlannedDate("2022-03"))
    }

    @Test("Roles say what each does: schoolleiders propose, the directieteam decides")
    func roles() throws {
        let a = try #require(agenda.themes[0].activities.first)
        #expect(a.roles.contains(RoleDuty(role: "schoolleiders", duty: .proposes)))
        #expect(a.roles.contains(RoleDuty(role: "directieteam", duty: .decides)))
        #expect(agenda.themes.allSatisfy { $0.activities.allSatisfy { !$0.roles.isEmpty } })
    }

    @Test("The dated commitments are milestones: the biennial zelfscan, partnerships, VELON, the yearly report")
    func milestones() throws {
        #expect(agenda.milestones.count == 9)
        let scan = try #require(agenda.milestones.first { $0.id == "zelfscan" })
        #expect(scan.occurrences(through: LocalDate("2030-01-01")!).map(\.description) == ["2022-09", "2024-09", "2026-09"])
        #expect(scan.steps.map(\.description) == ["KC-B1", "KC-B3"])
        let report = try #require(agenda.milestones.first { $0.id == "rapportage-feedforward" })
        #expect(report.occurrences(through: LocalDate("2024-12-31")!).map(\.description) == ["2022-11", "2023-11", "2024-11"])
        let ids = Set(agenda.milestones.map(\.id))
        for id in ["schoolopleiders-aangesteld", "velon-registratie", "toetreding-kpz", "toetreding-windesheim", "vaststelling-beleidsplan-2024"] {
            #expect(ids.contains(id), "missing milestone \(id)")
        }
        #expect(agenda.milestones.first { $0.id == "velon-registratie" }?.when == PlannedDate("2026-09"))
        #expect(agenda.milestones.first { $0.id == "vaststelling-beleidsplan-2024" }?.when == PlannedDate("2025-03"))
    }

    @Test("Indicators carry the targets the document names: 30 leerwerkplekken, three school trainers")
    func indicators() {
        let byID = Dictionary(uniqueKeysWithValues: agenda.indicators.map { ($0.id, $0) })
        #expect(byID["leerwerkplekken"]?.target?.value == 30)
        #expect(byID["schoolopleiders-aangesteld"]?.target?.value == 3)
        #expect(byID["schoolopleiders-velon"]?.target?.by == PlannedDate("2026-09"))
    }

    @Test("Koers finds the inconsistencies in the source document")
    func inconsistencies() {
        let warnings = loaded.diagnostics.filter { $0.severity == .warning }.map(\.message)
        // The scan of September 2024 is planned in the first half of 2024 in the table.
        #expect(warnings.contains { $0.contains("KC-B3") && $0.contains("2024-H1") && $0.contains("2024-09") })
        // "Vaststellen … (mrt 2025)" stands in the 2024-H2 column.
        #expect(warnings.contains { $0.contains("KC-B7") && $0.contains("2025-03") && $0.contains("2024-H2 column") })
        // B5 and B6 do not exist.
        #expect(warnings.contains { $0.contains("skips B5, B6") })
    }

    @Test("The appendix is a template with relative timing")
    func template() throws {
        let template = try #require(loaded.workspace?.templates.first)
        #expect(template.phases.map(\.id) == ["aspirant", "partner"])
        let labels = template.items.compactMap(\.timing.label)
        #expect(labels.contains("Maart/april"))
        #expect(labels.contains("Uiterlijk mei"))
        let first = try #require(template.items.first)
        #expect(first.timing.anchor == .window(from: Offset(amount: 0, unit: .months), by: Offset(amount: 2, unit: .months)))
        #expect(template.items.contains { $0.timing.anchor == .during(phase: "aspirant") })
        #expect(template.items.contains { $0.timing.anchor == .atEndOf(phase: "aspirant") })
        #expect(template.items.contains { $0.timing.anchor == .after(phase: "aspirant") })
    }
}
