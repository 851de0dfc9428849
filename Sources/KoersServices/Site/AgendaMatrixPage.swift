import KoersFormats
import KoersModel

/// `index.html`: each agenda as the document shows it. Per waarborg its goal and a table with the
/// activities as rows (letter, text, roles) and the half-years as columns; every cell lists the
/// steps planned in that half-year, and those postponed into it, each with its status in colour
/// and in words, linked to the step's section on the steps page.
struct AgendaMatrixPage {
    let agendas: [AgendaView.AgendaPart]
    let set: AgendaSet
    /// The half-year the site is as of: its column is marked "nu".
    let current: HalfYear

    static let path = "index.html"

    func page() -> SitePage {
        let title = agendas.count == 1 ? agendas[0].title : "Ontwikkelagenda's"
        var page = SitePage(path: Self.path, title: title, body: "")
        var h = ""
        if agendas.isEmpty { h += "<p class=\"none\">Er is geen agenda geladen.</p>\n" }
        for agenda in agendas {
            h += "<section class=\"agenda\" id=\"agenda-\(SiteHTML.anchorSafe(agenda.id))\">\n"
            if agendas.count > 1 { h += "<p class=\"agenda-title\"><strong>\(SiteHTML.escape(agenda.title))</strong></p>\n" }
            h += "<p class=\"meta\">\(SiteHTML.escape(agenda.organisation)), versie \(SiteHTML.escape(agenda.version)). "
            h += "Per waarborg: de activiteiten met hun rollen, en per half jaar de stappen met hun stand.</p>\n"
            h += "<nav aria-label=\"Waarborgen\" class=\"toc\"><ul>"
            for theme in agenda.themes {
                h += "<li><a href=\"#\(SiteHTML.themeAnchor(agenda: agenda.id, theme: theme.id))\">\(SiteHTML.escape(theme.title))</a></li>"
            }
            h += "</ul></nav>\n"
            h += Self.legend()
            let columns = agenda.horizon.compactMap(HalfYear.init)
            for theme in agenda.themes {
                h += themeSection(theme, agenda: agenda, columns: columns, page: page)
            }
            h += "</section>\n"
        }
        page.body = h
        return page
    }

    /// The status labels, and what the PDCA phase under a step means.
    static func legend() -> String {
        var h = "<div class=\"legend-box\"><p><strong>Legenda</strong></p><ul class=\"legend\">"
        for label in StatusLabel.legend {
            h += "<li class=\"\(label.cssClass)\"><span class=\"label\">\(SiteHTML.escape(label.mark))</span> \(SiteHTML.escape(label.words))</li>"
        }
        h += "</ul><p class=\"phases\">\(SiteHTML.escape(PDCAPhase.legend)).</p>"
        return h + "</div>\n"
    }

    private func themeSection(_ theme: AgendaView.ThemePart, agenda: AgendaView.AgendaPart, columns: [HalfYear],
                              page: SitePage) -> String {
        let model = set.entries.first { $0.agenda.id == agenda.id }?.agenda
        let anchor = SiteHTML.themeAnchor(agenda: agenda.id, theme: theme.id)
        var h = "<section class=\"theme\" id=\"\(anchor)\" aria-labelledby=\"\(anchor)-titel\">\n"
        h += "<h2 id=\"\(anchor)-titel\">\(SiteHTML.escape(theme.title)) <span class=\"meta\">(\(SiteHTML.escape(theme.code)))</span></h2>\n"
        h += "<div class=\"goal\"><p><strong>Doel</strong></p>\(SiteHTML.prose(theme.goal))</div>\n"
        // Wider than a small screen (until it stacks, see SiteStyle): a region that scrolls sideways,
        // named by the table's caption and reachable with the keyboard.
        h += "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"\(anchor)-matrix\">"
        h += "<table class=\"matrix\" data-theme=\"\(SiteHTML.escape(theme.code))\">\n"
        h += "<caption id=\"\(anchor)-matrix\">Activiteiten in \(SiteHTML.escape(theme.title)), per half jaar</caption>\n"
        // Even half-year columns; a column still grows to its longest word rather than break it.
        let share = columns.isEmpty ? 0 : 81 / columns.count
        h += "<colgroup><col style=\"width:19%\">" + String(repeating: "<col style=\"width:\(share)%\">", count: columns.count) + "</colgroup>\n"
        h += "<thead><tr><th scope=\"col\">Activiteit en rollen</th>"
        for column in columns {
            let now = column == current
            h += "<th scope=\"col\"\(now ? " class=\"now\"" : "")>\(SiteHTML.escape(column.dutchLabel)) "
            h += "<span class=\"meta\">(\(column)\(now ? ", nu" : ""))</span></th>"
        }
        h += "</tr></thead>\n<tbody>\n"
        if theme.activities.isEmpty {
            h += "<tr><td colspan=\"\(columns.count + 1)\" class=\"none\">Geen activiteiten.</td></tr>\n"
        }
        for activity in theme.activities {
            h += "<tr data-activity=\"\(SiteHTML.escape(activity.key))\"><th scope=\"row\">"
            h += "<span class=\"act\">\(SiteHTML.escape(activity.id)).</span> \(SiteHTML.escape(activity.text))"
            let roles = activity.roles.map { SiteHTML.role($0, in: model) }
            if !roles.isEmpty { h += "<span class=\"roles\">Rollen: \(SiteHTML.escape(roles.joined(separator: "; ")))</span>" }
            h += "</th>"
            for column in columns {
                h += cell(activity, column: column, now: column == current, page: page)
            }
            h += "</tr>\n"
        }
        h += "</tbody></table></div>\n</section>\n"
        return h
    }

    /// The steps planned in `column`, then those postponed into it.
    /// `data-label` names the half-year where the matrix stacks on a small screen, without its header row.
    private func cell(_ activity: AgendaView.ActivityPart, column: HalfYear, now: Bool, page: SitePage) -> String {
        let name = column.description
        var items: [(StepSummary, StatusLabel)] = activity.steps.filter { $0.period == name }.map { ($0, StatusLabel.planned($0)) }
        items += activity.steps.filter { $0.expectedIn == name && $0.period != name }.map { ($0, StatusLabel.movedHere($0)) }
        let label = "\(column.dutchLabel) (\(name)\(now ? ", nu" : ""))"
        var h = "<td data-period=\"\(name)\" data-label=\"\(SiteHTML.escape(label))\">"
        if !items.isEmpty {
            h += "<ul class=\"steps\">"
            for (step, label) in items { h += Self.stepItem(step, label: label, page: page) }
            h += "</ul>"
        }
        return h + "</td>"
    }

    /// One step in a cell or list: its id linked to its details, the status label, the text.
    static func stepItem(_ step: StepSummary, label: StatusLabel, page: SitePage, showKey: Bool = false) -> String {
        let id = step.key.split(separator: "-").last.map(String.init) ?? step.key
        let target = StepsPage.path + "#" + SiteHTML.stepAnchor(agenda: step.agenda, key: step.key)
        var h = "<li class=\"\(label.cssClass)\" data-step=\"\(SiteHTML.escape(step.key))\">"
        h += "<a href=\"\(SiteHTML.escape(page.link(to: target)))\" aria-label=\"Stap \(SiteHTML.escape(step.key)): details\">"
        h += "<strong>\(SiteHTML.escape(showKey ? step.key : id))</strong></a> "
        var words = label.text
        if let since = step.overdueSince, label.cssClass == "st-overdue" { words += " sinds \(SiteHTML.planned(since))" }
        h += "<span class=\"label\">\(SiteHTML.escape(words))</span>"
        h += "<span class=\"step-text\">\(SiteHTML.escape(step.text))</span>"
        var details: [String] = []
        if let phase = step.phase.flatMap(PDCAPhase.init) { details.append("fase " + phase.dutchLabel) }
        if let due = step.due { details.append(SiteHTML.planned(due)) }
        if !details.isEmpty { h += "<span class=\"due\">\(SiteHTML.escape(details.joined(separator: " · ")))</span>" }
        return h + "</li>"
    }
}
