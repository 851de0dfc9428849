import Foundation
@testable import KoersFormats
@testable import KoersModel
@testable import KoersServices
@testable import KoersStore
import KoersTestSupport
import Testing

/// What a director or the Co-OP'er reads in the site, the reports and the terminal views: Dutch
/// labels rather than Koers's internal keys, each thing said once, and no status that is untrue.
@Suite("What users read: no internal keys, nothing said twice, no untrue status")
struct WhatUsersReadTests {
    /// The bundled agenda with the example configuration and the demo history, as of 15 October 2024.
    final class Demo {
        let fixture = Fixture()
        let workspace: Workspace
        let store: Store
        let set: AgendaSet
        let now: Date

        init() throws {
            workspace = try fixture.example()
            store = try Store(path: workspace.config.databasePath)
            now = workspace.config.timeZone.moment(LocalDate("2024-10-15")!, hour: 12)
            _ = try HistoryImport.run(file: Fixture.repository + "/Agendas/demo/ook-2022-2024.history.json",
                                      set: try AgendaSet(workspace: workspace, store: store), store: store,
                                      config: workspace.config, recordedAt: now)
            set = try AgendaSet(workspace: workspace, store: store)
        }

        var timeZone: AgendaTimeZone { workspace.config.timeZone }

        /// Every site page, by path, as the text a reader sees (no tags, attributes or style sheet).
        func site() throws -> [String: String] {
            let pages = try SiteBuilder(workspace: workspace, store: store, now: now).pages()
            return pages.mapValues { WhatUsersReadTests.visibleText(String(decoding: $0, as: UTF8.self)) }
        }

        /// Every report a reader sees (text, Markdown, HTML as its text), by a name for the message.
        func reports() throws -> [String: String] {
            let builder = try ReportBuilder(workspace: workspace, store: store, reportingOn: .year(2024))
            var result: [String: String] = [:]
            let periods: [(ReportPeriod, String)] = [
                (.halfYear(HalfYear("2023-H2")!), "2023-12-31"), (.halfYear(HalfYear("2024-H1")!), "2024-06-30"),
                (.halfYear(HalfYear("2024-H2")!), "2024-10-15"), (.year(2023), "2023-12-31"), (.year(2024), "2024-10-15"),
            ]
            for (period, asOf) in periods {
                let report = try builder.report(period, asOf: LocalDate(asOf)!)
                result["\(period) text"] = TextReportRenderer().render(report)
                result["\(period) markdown"] = MarkdownReportRenderer().render(report)
                result["\(period) html"] = WhatUsersReadTests.visibleText(HTMLReportRenderer().render(report))
            }
            return result
        }

        /// `koers agenda`, `koers due`, `koers milestones` and `koers show` for every step.
        func views() throws -> [String: String] {
            var result = [
                "agenda": try AgendaView(set, filter: .init(), moment: now, timeZone: timeZone).text(timeZone: timeZone),
                "due": DueView(set, config: workspace.config, moment: now).text(),
                "milestones": MilestoneView(set, from: LocalDate("2022-01-01")!, to: LocalDate("2026-12-31")!, moment: now,
                                            timeZone: timeZone).text(),
            ]
            for placed in set.entries.flatMap(\.agenda.placedSteps) { result["show \(placed.key)"] = show(placed.key.description) }
            return result
        }

        func show(_ key: String) -> String {
            let (entry, placed) = try! set.resolve(key)
            return StepDetailView(entry: entry, placed: placed, milestones: entry.agenda.milestonesByStep()[placed.key] ?? [],
                                  config: workspace.config, moment: now).text(timeZone: timeZone)
        }
    }

    /// The text of an HTML document as a reader sees it: without the style sheet, tags and attributes.
    static func visibleText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// Internal keys and raw values a reader never typed, where a Dutch label exists.
    static let internalKeys: [(pattern: String, what: String)] = [
        ("[A-Za-z0-9-]+@[0-9]{4}", "a milestone occurrence's key (zelfscan@2024-09)"),
        ("\\b(in-progress|inProgress|postponed|planned|dropped|done)\\b", "a status's raw value"),
        ("\\b(halfyear|halfYear|no-steps|notCompleted|toDecide)\\b", "a kind's raw value"),
        ("\\b(PLAN|DO|CHECK|ACT)\\b", "a PDCA phase's raw value"),
        ("\\bco-oper\\b", "a role's id (co-oper) where its name exists"),
        ("\\b(voert uit|stelt voor|besluit) · [a-z]", "a role's id before its duty"),
    ]

    static func expectNoInternalKeys(_ texts: [String: String], sourceLocation: SourceLocation = #_sourceLocation) {
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            for (pattern, what) in internalKeys {
                guard let range = text.range(of: pattern, options: .regularExpression) else { continue }
                let from = text.index(range.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
                let to = text.index(range.upperBound, offsetBy: 40, limitedBy: text.endIndex) ?? text.endIndex
                let around = String(text[from..<to]).replacingOccurrences(of: "\n", with: " ")
                Issue.record("\(name): \(what): …\(around)…", sourceLocation: sourceLocation)
            }
        }
    }

    /// "A → A": the same phrase on both sides of an arrow, e.g. "uitgesteld naar 2024-H2 → uitgesteld naar 2024-H2".
    static func doubled(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line -> String? in
            let parts = line.components(separatedBy: " → ").map { $0.trimmingCharacters(in: .whitespaces) }
            for (a, b) in zip(parts, parts.dropFirst()) where !a.isEmpty && (b == a || b.hasPrefix(a + ",") || a.hasSuffix(" " + b)) {
                return String(line)
            }
            return nil
        }
    }

    @Test("The site, every report and every terminal view of the bundled agenda show no internal key or raw value")
    func noInternalKeys() throws {
        let demo = try Demo()
        Self.expectNoInternalKeys(try demo.site())
        Self.expectNoInternalKeys(try demo.reports())
        Self.expectNoInternalKeys(try demo.views())
        // The check sees what it looks for.
        #expect(Self.internalKeys.contains { "Mijlpaal zelfscan@2024-09".range(of: $0.pattern, options: .regularExpression) != nil })
        #expect(Self.internalKeys.contains { "Rol: co-oper voert uit".range(of: $0.pattern, options: .regularExpression) != nil })
    }

    @Test("Where a step goes is said once: a postponed step is 'uitgesteld naar 2024-H2', not that twice")
    func nothingSaidTwice() throws {
        let demo = try Demo()
        for (name, text) in try demo.reports().merging(try demo.site(), uniquingKeysWith: { $1 }).merging(try demo.views(), uniquingKeysWith: { $1 }) {
            #expect(Self.doubled(text) == [], "\(name)")
            #expect(!text.contains("te laat sinds 1 januari 2024 te laat"), "\(name)")
        }
        let report = try ReportBuilder(workspace: demo.workspace, store: demo.store, reportingOn: .halfYear(HalfYear("2024-H1")!))
            .report(.halfYear(HalfYear("2024-H1")!), asOf: LocalDate("2024-06-30")!)
        let text = TextReportRenderer().render(report)
        // KC-B3, postponed to 2024-H2 in June: its stand and where it goes are one phrase.
        #expect(text.contains("  → KC-B3  Scan Samen Opleiden uitvoeren\n           uitgesteld naar 2024-H2\n"), "\(text)")
        #expect(text.contains("  ▶ KC-C4  Vaststellen van het herijkte personeelsbeleid\n           in uitvoering → te besluiten\n"))
        #expect(Self.doubled("           uitgesteld naar 2024-H2 → uitgesteld naar 2024-H2") != [], "the check sees a doubling")

        // The step page says where a postponed step went in its status, not again as "Verwacht in".
        let kcA4 = demo.show("KC-A4")
        #expect(kcA4.contains("Status:      → uitgesteld naar 2024-H2\n"))
        #expect(!kcA4.contains("Verwacht in"), "\(kcA4)")
        // A step that went on after its postponement says where it is expected now.
        #expect(demo.show("LL-B1").contains("Verwacht in: 2024 tweede half jaar (2024-H2), na uitstel\n"))
    }

    @Test("A step that was started and then postponed is never 'nog niet gestart'")
    func startedThenPostponed() throws {
        let scene = try ReportScene()
        // KC-A2 has been in progress since May; on 25 June it is postponed to 2024-H2.
        try scene.record("KC-A2", .postponed, to: "2024-H2", on: "2024-06-25", note: "Schuift door")

        let year = try scene.report(ReportScene.y2024, asOf: "2024-07-10").agendas[0]
        let kcA2 = try #require(year.theme("KC").step("KC-A2"))
        #expect(kcA2.started)
        #expect(kcA2.category == .open)
        #expect(ReportWording.status(kcA2) == "open, uitgesteld naar 2024-H2 (was al gestart)")
        // LL-A3, postponed without being started, is told apart.
        let llA3 = try #require(year.theme("LL").step("LL-A3"))
        #expect(!llA3.started)
        #expect(ReportWording.status(llA3) == "open, uitgesteld naar 2024-H2 (nog niet gestart)")
        // A step planned in the second half and untouched is what "nog niet gestart" is for.
        let llA4 = try #require(year.theme("LL").step("LL-A4"))
        #expect(ReportWording.status(llA4) == "open (nog niet gestart)")

        let h1 = try scene.report(ReportScene.h1, asOf: "2024-06-30").agendas[0]
        let inH1 = try #require(h1.theme("KC").step("KC-A2"))
        #expect(inH1.category == .postponed)
        #expect(ReportWording.status(inH1) == "uitgesteld naar 2024-H2 (was al gestart)")

        for rendered in [TextReportRenderer().render(try scene.report(ReportScene.y2024, asOf: "2024-07-10")),
                         HTMLReportRenderer().render(try scene.report(ReportScene.y2024, asOf: "2024-07-10"))] {
            #expect(rendered.contains("(was al gestart)"))
        }
    }

    @Test("Terminal views name roles and PDCA phases in Dutch, mark a postponed step in its own column, and link the occurrence a step carries out")
    func terminalViews() throws {
        let demo = try Demo()
        let views = try demo.views()
        let agenda = try #require(views["agenda"])
        #expect(agenda.contains("   Rollen: Schoolleiders OOK (stelt voor) · Directieteam (besluit)\n"), "\(agenda.prefix(1200))")
        // LL-B1 was postponed from 2024-H1 and is in progress in 2024-H2: → where it was, » where it is.
        #expect(agenda.contains("  b                                                 → B1        ○ B2\n"), "\(agenda.prefix(1200))")
        #expect(agenda.contains("(uitgesteld naar\n                   2024-H2)") || agenda.contains("(uitgesteld naar 2024-H2)"))

        let kcB3 = demo.show("KC-B3")
        #expect(kcB3.contains("Rol:         Netwerk schoolopleiders OOK (voert uit)\n"), "\(kcB3)")
        #expect(kcB3.contains("Mijlpaal:    Zelfscan Samen Opleiden (tweejaarlijks) (september 2024)\n"), "the 2024 scan, not the first")
        #expect(demo.show("LL-B1").contains("PDCA-fase:   D (uitvoeren)\n"))
        #expect(demo.show("LL-A3").contains("te laat sinds 1 januari 2024"))

        let due = try #require(views["due"])
        #expect(due.contains("\nDirectieteam: Anouk de Wit"), "\(due)")
        #expect(!due.contains("(directieteam)"))
    }

    @Test("The site explains the PDCA phase in its legend and names it in Dutch under each step")
    func sitePhases() throws {
        let demo = try Demo()
        let pages = try SiteBuilder(workspace: demo.workspace, store: demo.store, now: demo.now).pages()
        let index = String(decoding: try #require(pages["index.html"]), as: UTF8.self)
        let steps = String(decoding: try #require(pages["stappen.html"]), as: UTF8.self)
        for page in [index, steps] {
            #expect(page.contains("PDCA-fase (Plan-Do-Check-Act): P plannen · D uitvoeren · C controleren · A bijstellen."))
        }
        #expect(index.contains("<span class=\"due\">fase D (uitvoeren)</span>"))
        #expect(steps.contains("<dt>PDCA-fase</dt><dd>D (uitvoeren)</dd>"))
        // The overdue label says since when, once.
        #expect(index.contains("<span class=\"label\">! te laat sinds 1 januari 2024</span>"))
        // The matrix scrolls in a region a keyboard reaches, named by its caption; each cell names its half-year.
        #expect(index.contains("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"waarborg-ook-sop-lerende-leraar-matrix\">"))
        #expect(index.contains("<caption id=\"waarborg-ook-sop-lerende-leraar-matrix\">"))
        #expect(index.contains("data-label=\"2024 tweede half jaar (2024-H2, nu)\""))
        #expect(!SiteStyle.css.contains("overflow-wrap") && !SiteStyle.css.contains("word-break"), "words are never broken")
    }
}
