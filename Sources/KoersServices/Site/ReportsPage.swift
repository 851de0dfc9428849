import Foundation
import KoersModel
import KoersStore

/// `rapporten/index.html`: every archived report, newest period first, each linked to
/// `rapporten/<kind>-<period>.html`, which holds the report's HTML exactly as it was archived
/// (and mailed): a complete document of its own.
struct ReportsPage {
    let reports: [Store.ArchivedReport]
    let timeZone: AgendaTimeZone

    static let path = "rapporten/index.html"

    /// `rapporten/halfyear-2024-H1.html`, `rapporten/year-2024.html`. A period that is not a plain
    /// name (only letters, digits and `-`) is named by the report's id instead, so a stored value
    /// can never lead outside the folder.
    static func path(of report: Store.ArchivedReport) -> String {
        let plain = !report.period.isEmpty && report.period.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        return "rapporten/\(report.kind.rawValue)-\(plain ? report.period : "rapport-\(report.id)").html"
    }

    static func kindName(_ kind: Store.ArchivedReport.Kind) -> String {
        switch kind {
        case .halfYear: "Halfjaarrapportage"
        case .year: "Jaarrapportage"
        }
    }

    func page() -> SitePage {
        var page = SitePage(path: Self.path, title: "Rapporten", body: "")
        var h = "<p class=\"meta\">De rapportages zoals ze zijn verstuurd en bewaard; een bewaarde rapportage verandert niet meer.</p>\n"
        if reports.isEmpty {
            h += "<p class=\"none\">Er zijn nog geen rapportages bewaard.</p>\n"
        } else {
            h += "<table class=\"reports\"><caption>Bewaarde rapportages, nieuwste eerst</caption>"
            h += "<thead><tr><th scope=\"col\">Rapportage</th><th scope=\"col\">Soort</th><th scope=\"col\">Periode</th>"
            h += "<th scope=\"col\">Stand per</th><th scope=\"col\">Bewaard op</th></tr></thead><tbody>\n"
            let newestFirst = reports.sorted { ($0.period, $0.kind.rawValue, $0.id) > ($1.period, $1.kind.rawValue, $1.id) }
            for report in newestFirst {
                let created = PlannedDate.day(timeZone.localDate(of: report.createdAt)).dutch
                h += "<tr data-report=\"\(report.id)\"><th scope=\"row\"><a href=\"\(SiteHTML.escape(page.link(to: Self.path(of: report))))\">"
                h += "\(SiteHTML.escape(report.title))</a></th><td data-label=\"Soort\">\(SiteHTML.escape(Self.kindName(report.kind)))</td>"
                h += "<td data-label=\"Periode\">\(SiteHTML.escape(report.period))</td>"
                h += "<td data-label=\"Stand per\">\(SiteHTML.escape(PlannedDate.day(report.asOf).dutch))</td>"
                h += "<td data-label=\"Bewaard op\">\(SiteHTML.escape(created))</td></tr>\n"
            }
            h += "</tbody></table>\n"
        }
        page.body = h
        return page
    }
}
