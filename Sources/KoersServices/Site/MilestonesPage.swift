import KoersModel

/// `mijlpalen.html`: the milestones the agenda commits to (the biennial zelfscan above all), the
/// coming ones first in date order, then the past ones, most recent first. Each occurrence lists
/// the steps that carry it out, with their status, linked to the steps page.
struct MilestonesPage {
    let view: MilestoneView
    let set: AgendaSet

    static let path = "mijlpalen.html"

    /// `mijlpaal-ook-sop-zelfscan-2024-09`: one occurrence of a milestone.
    static func anchor(agenda: String, milestone: String, when: String) -> String {
        "mijlpaal-" + SiteHTML.anchorSafe(agenda) + "-" + SiteHTML.anchorSafe(milestone) + "-" + SiteHTML.anchorSafe(when)
    }

    func page() -> SitePage {
        var page = SitePage(path: Self.path, title: "Mijlpalen", body: "")
        let from = SiteHTML.planned(view.from), to = SiteHTML.planned(view.to)
        var h = "<p class=\"meta\">Mijlpalen van \(SiteHTML.escape(from)) tot en met \(SiteHTML.escape(to)), "
        h += "met de stappen die ze uitvoeren.</p>\n"
        let coming = view.occurrences.filter { !$0.passed }
        let past = view.occurrences.filter(\.passed).reversed()
        h += "<h2 id=\"komend\">Komende mijlpalen</h2>\n"
        if coming.isEmpty { h += "<p class=\"none\">Geen komende mijlpalen in deze periode.</p>\n" }
        for occurrence in coming { h += section(occurrence, page: page) }
        h += "<h2 id=\"voorbij\">Voorbije mijlpalen</h2>\n"
        if past.isEmpty { h += "<p class=\"none\">Nog geen voorbije mijlpalen in deze periode.</p>\n" }
        for occurrence in past { h += section(occurrence, page: page) }
        page.body = h
        return page
    }

    private func section(_ o: MilestoneView.Occurrence, page: SitePage) -> String {
        let agenda = set.entries.first { $0.agenda.id == o.agenda }?.agenda
        let milestone = agenda?.milestones.first { $0.id == o.milestone }
        let anchor = Self.anchor(agenda: o.agenda, milestone: o.milestone, when: o.when)
        var h = "<section class=\"milestone\" id=\"\(anchor)\" data-milestone=\"\(SiteHTML.escape(o.milestone))\" data-when=\"\(SiteHTML.escape(o.when))\">\n"
        h += "<h3>\(o.passed ? "◇" : "◆") \(SiteHTML.escape(SiteHTML.planned(o.when))) — \(SiteHTML.escape(o.title))</h3>\n"
        if let description = milestone?.description { h += SiteHTML.prose(description) + "\n" }
        h += "<dl class=\"facts\">"
        if !o.steps.isEmpty {
            let finished = o.steps.filter { $0.statusValue == .done }.count
            h += "<dt>Stand</dt><dd>\(finished) van \(o.steps.count) \(o.steps.count == 1 ? "stap" : "stappen") afgerond</dd>"
        }
        if !o.roles.isEmpty {
            h += "<dt>Rollen</dt><dd>\(SiteHTML.escape(o.roles.map { SiteHTML.role($0, in: agenda) }.joined(separator: "; ")))</dd>"
        }
        if let source = milestone?.source { h += "<dt>Bron</dt><dd>\(SiteHTML.escape(source))</dd>" }
        h += "</dl>\n"
        if o.steps.isEmpty {
            h += "<p class=\"none\">Geen stappen gekoppeld.</p>\n"
        } else {
            h += "<ul class=\"steps\">"
            for step in o.steps {
                h += AgendaMatrixPage.stepItem(step, label: StatusLabel.current(step), page: page, showKey: true)
            }
            h += "</ul>\n"
        }
        return h + "</section>\n"
    }
}
