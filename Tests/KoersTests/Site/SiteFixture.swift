import Foundation
@testable import KoersFormats
@testable import KoersModel
@testable import KoersServices
@testable import KoersStore
import KoersTestSupport

/// A small agenda with recorded statuses, as of Tuesday 15 October 2024 (2024-H2):
///
/// | activity | 2023-H1 | 2023-H2                  | 2024-H1                         | 2024-H2                          |
/// |----------|---------|--------------------------|---------------------------------|----------------------------------|
/// | a        | A1 done | A2 postponed to 2024-H2  | A3 open: overdue                | A4 in progress; A2 moved here    |
/// | b        |         | B1 postponed to 2024-H1  | B2 dropped; B1 moved here, done | B3 planned                       |
struct SiteFixture {
    let fixture = Fixture()
    let workspace: Workspace
    let set: AgendaSet
    let now: Date

    static let agenda = """
    {
      "format": "koers-agenda/1",
      "id": "mini",
      "title": "Mini-agenda <SO&P>",
      "organisation": { "name": "Stichting Voorbeeld", "shortName": "SV" },
      "version": "2023",
      "language": "nl",
      "timeZone": "Europe/Amsterdam",
      "horizon": { "from": "2023-H1", "to": "2024-H2" },
      "roles": [
        { "id": "co-oper", "name": "Co-OP'er" },
        { "id": "schoolleiders", "name": "Schoolleiders" },
        { "id": "directieteam", "name": "Directieteam" }
      ],
      "themes": [
        {
          "id": "lerende-leraar", "code": "LL", "title": "Lerende leraar",
          "description": "Omschrijving.", "currentState": "Nu.",
          "goal": "Een gedragen beroepsbeeld.\\n\\n- eerste punt\\n- tweede punt",
          "activities": [
            {
              "id": "a", "text": "Beroepsbeeld <vaststellen> & borgen.",
              "responsibilities": "Schoolleiders stellen voor; het directieteam besluit.",
              "roles": [{ "role": "schoolleiders", "does": "proposes" }, { "role": "directieteam", "does": "decides" }],
              "steps": [
                { "id": "A1", "text": "Oriëntatie", "period": "2023-H1", "phase": "plan" },
                { "id": "A2", "text": "Advies", "period": "2023-H2" },
                { "id": "A3", "text": "Vaststellen", "period": "2024-H1", "due": "2024-03" },
                { "id": "A4", "text": "Borgen", "period": "2024-H2" }
              ]
            },
            {
              "id": "b", "text": "Beeld van de opleidingsschool.",
              "roles": [{ "role": "co-oper", "does": "executes" }],
              "steps": [
                { "id": "B1", "text": "Inventariseren", "period": "2023-H2" },
                { "id": "B2", "text": "Tweede ronde", "period": "2024-H1" },
                { "id": "B3", "text": "Evalueren", "period": "2024-H2" }
              ]
            }
          ]
        }
      ],
      "milestones": [
        { "id": "scan", "title": "Zelfscan", "when": "2023-09", "recurrence": { "every": 2, "unit": "years" },
          "description": "Tweejaarlijks.", "steps": ["LL-A2", "LL-B1"] }
      ]
    }
    """

    init() throws {
        fixture.standard(agenda: Self.agenda)
        workspace = try fixture.load()
        let tz = workspace.config.timeZone
        now = tz.moment(LocalDate("2024-10-15")!, hour: 12)
        func event(_ key: String, _ status: StepStatus, _ day: String, note: String? = nil) -> StatusEvent {
            let at = tz.moment(LocalDate(day)!, hour: 12)
            return StatusEvent(agenda: "mini", step: StepKey(key)!, status: status, at: at, recordedAt: at,
                               by: "c.jansen", note: note)
        }
        let events = [
            event("LL-A1", .done, "2023-05-01", note: "Klaar <b>vóór</b> de zomer & op tijd"),
            event("LL-A2", .postponed(to: HalfYear("2024-H2")!), "2023-12-01"),
            event("LL-A4", .inProgress, "2024-09-02"),
            event("LL-B1", .postponed(to: HalfYear("2024-H1")!), "2023-11-15"),
            event("LL-B1", .done, "2024-05-20"),
            event("LL-B2", .dropped, "2024-02-01", note: "Niet nodig"),
        ]
        set = AgendaSet(entries: [AgendaSet.Entry(agenda: workspace.agendas[0],
                                                  histories: Dictionary(grouping: events, by: \.step).mapValues { StepHistory(events: $0) })])
    }

    func builder(reports: [Store.ArchivedReport] = []) -> SiteBuilder {
        SiteBuilder(agendas: set, reports: reports, config: workspace.config, now: now)
    }

    func report(_ id: Int64, _ kind: Store.ArchivedReport.Kind, _ period: String, html: String) -> Store.ArchivedReport {
        Store.ArchivedReport(id: id, kind: kind, period: period, asOf: LocalDate("2024-06-30")!,
                             title: "Rapportage \(period)", html: html, text: "", json: "{}",
                             createdAt: Timestamp.parse("2024-07-05T06:00:00Z")!)
    }
}

/// Reading the generated HTML back: the site's markup is Koers's own and regular, so a few
/// patterns find what the tests need.
enum SiteMarkup {
    static func text(_ pages: [String: [UInt8]], _ path: String) -> String {
        String(decoding: pages[path] ?? [], as: UTF8.self)
    }

    /// All matches of `pattern`, each as its capture groups.
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            (1..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
        }
    }

    /// The matrix row of an activity: per column its period and the steps in it as
    /// "STEP|class|label".
    static func row(_ activity: String, in html: String) -> [(period: String, steps: [String])] {
        guard let row = matches("<tr data-activity=\"\(activity)\">(.*?)</tr>", in: html).first?.first else { return [] }
        return matches("<td data-period=\"([^\"]+)\"[^>]*>(.*?)</td>", in: row).map { cell in
            (cell[0], matches("<li class=\"([^\"]+)\" data-step=\"([^\"]+)\">.*?<span class=\"label\">([^<]*)</span>", in: cell[1])
                .map { "\($0[1])|\($0[0])|\($0[2])" })
        }
    }
}
