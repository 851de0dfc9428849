import Foundation
import KoersFormats
import KoersModel

/// `stappen.html`: every step in full, grouped by waarborg and activity, each in a section the
/// agenda matrix and the milestones link to: status, where it is planned and expected, date and
/// PDCA phase, roles, milestones, the transcription note, and its history of status changes.
/// The history shows when and what, with the note, but not who: the site is a copy outside the
/// database and is read more widely, so it carries no names of people.
struct StepsPage {
    let set: AgendaSet
    let config: Config
    let moment: Date
    let milestones: MilestoneView

    static let path = "stappen.html"

    func page() -> SitePage {
        var page = SitePage(path: Self.path, title: "Stappen", body: "")
        let anchors = occurrenceAnchors()
        var h = "<p class=\"meta\">Elke stap met zijn stand en geschiedenis. In de agenda linkt elke stap hierheen.</p>\n"
        h += AgendaMatrixPage.legend()
        for entry in set.entries {
            let agenda = entry.agenda
            let milestonesByStep = agenda.milestonesByStep()
            if set.entries.count > 1 { h += "<p class=\"agenda-title\"><strong>\(SiteHTML.escape(agenda.title))</strong></p>\n" }
            for theme in agenda.themes {
                let themeAnchor = SiteHTML.themeAnchor(agenda: agenda.id, theme: theme.id)
                h += "<section class=\"theme\" aria-labelledby=\"\(themeAnchor)-stappen\">\n"
                h += "<h2 id=\"\(themeAnchor)-stappen\">\(SiteHTML.escape(theme.title)) <span class=\"meta\">(\(SiteHTML.escape(theme.code)))</span></h2>\n"
                h += "<p><a href=\"\(page.link(to: AgendaMatrixPage.path + "#" + themeAnchor))\">Naar \(SiteHTML.escape(theme.title)) in de agenda</a></p>\n"
                for activity in theme.activities {
                    h += activitySection(activity, theme: theme, entry: entry, milestones: milestonesByStep,
                                         anchors: anchors, page: page)
                }
                h += "</section>\n"
            }
        }
        page.body = h
        return page
    }

    private func activitySection(_ activity: Activity, theme: Theme, entry: AgendaSet.Entry, milestones: [StepKey: [Milestone]],
                                 anchors: [OccurrenceKey: String], page: SitePage) -> String {
        let agenda = entry.agenda
        var h = "<h3>Activiteit \(SiteHTML.escape(activity.id)). \(SiteHTML.escape(activity.text))</h3>\n"
        if !activity.subitems.isEmpty {
            h += "<ul>" + activity.subitems.map { "<li>\(SiteHTML.escape($0.id)). \(SiteHTML.escape($0.text))</li>" }.joined() + "</ul>\n"
        }
        h += "<dl class=\"facts\">"
        h += "<dt>Rollen</dt><dd>\(SiteHTML.escape(activity.roles.map { SiteHTML.role(.init(role: $0.role, does: $0.duty.rawValue), in: agenda) }.joined(separator: "; ")))</dd>"
        if let responsibilities = activity.responsibilities {
            h += "<dt>Taken</dt><dd>\(SiteHTML.prose(responsibilities))</dd>"
        }
        h += "</dl>\n"
        if activity.steps.isEmpty { h += "<p class=\"none\">Geen stappen.</p>\n" }
        for step in activity.steps {
            let placed = PlacedStep(theme: theme, activity: activity, step: step)
            let detail = StepDetailView(entry: entry, placed: placed, milestones: milestones[placed.key] ?? [], config: config,
                                        moment: moment)
            h += stepSection(detail, agenda: agenda, anchors: anchors, page: page)
        }
        return h
    }

    private func stepSection(_ detail: StepDetailView, agenda: Agenda, anchors: [OccurrenceKey: String], page: SitePage) -> String {
        let step = detail.step
        let label = StatusLabel.current(step)
        var h = "<section class=\"step\" id=\"\(SiteHTML.stepAnchor(agenda: step.agenda, key: step.key))\" data-step=\"\(SiteHTML.escape(step.key))\">\n"
        h += "<h4>\(SiteHTML.escape(step.key)) — \(SiteHTML.escape(step.text))</h4>\n"
        h += "<dl class=\"facts\">"
        h += "<dt>Stand</dt><dd><span class=\"badge \(label.cssClass)\"><span class=\"label\">\(SiteHTML.escape(label.text))</span></span>"
        if let since = step.overdueSince { h += " sinds \(SiteHTML.escape(SiteHTML.planned(since)))" }
        h += "</dd>"
        if let period = HalfYear(step.period) {
            h += "<dt>Gepland in</dt><dd>\(SiteHTML.escape(period.dutchLabel)) (\(period))</dd>"
        }
        // A postponed step's label already says where it went.
        if step.isPostponed, step.postponedTo == nil, let expected = HalfYear(step.expectedIn) {
            h += "<dt>Verwacht in</dt><dd>\(SiteHTML.escape(expected.dutchLabel)) (\(expected)), na uitstel</dd>"
        }
        if let due = step.due { h += "<dt>Datum</dt><dd>\(SiteHTML.escape(SiteHTML.planned(due)))</dd>" }
        if let phase = step.phase.flatMap(PDCAPhase.init) { h += "<dt>PDCA-fase</dt><dd>\(SiteHTML.escape(phase.dutchLabel))</dd>" }
        h += "<dt>Rollen</dt><dd>\(SiteHTML.escape(step.roles.map { SiteHTML.role($0, in: agenda) }.joined(separator: "; ")))</dd>"
        for milestone in detail.milestones {
            let anchor = anchors[OccurrenceKey(agenda: step.agenda, milestone: milestone.id, step: step.key)]
            let target = MilestonesPage.path + (anchor.map { "#" + $0 } ?? "")
            h += "<dt>Mijlpaal</dt><dd><a href=\"\(SiteHTML.escape(page.link(to: target)))\">\(SiteHTML.escape(milestone.title))</a></dd>"
        }
        if let note = detail.note { h += "<dt>Noot</dt><dd>\(SiteHTML.escape(note))</dd>" }
        h += "</dl>\n"
        if detail.history.isEmpty {
            h += "<p class=\"none\">Nog geen wijzigingen vastgelegd.</p>\n"
        } else {
            h += "<table class=\"history\"><caption>Geschiedenis van \(SiteHTML.escape(step.key))</caption>"
            h += "<thead><tr><th scope=\"col\">Datum</th><th scope=\"col\">Status</th><th scope=\"col\">Toelichting</th></tr></thead><tbody>"
            for line in detail.history {
                let day = Timestamp.parse(line.at).map { PlannedDate.day(config.timeZone.localDate(of: $0)).dutch } ?? line.at
                var status = StepStatus.Kind(rawValue: line.status)?.dutch ?? line.status
                if let to = line.postponedTo { status += " naar \(to)" }
                h += "<tr><td>\(SiteHTML.escape(day))</td><td>\(SiteHTML.escape(status))</td><td>\(SiteHTML.escape(line.note ?? ""))</td></tr>"
            }
            h += "</tbody></table>\n"
        }
        return h + "</section>\n"
    }

    /// A step's link to a milestone: the first occurrence of the milestone the step was assigned to.
    struct OccurrenceKey: Hashable {
        let agenda: String
        let milestone: String
        let step: String
    }

    /// Each step's anchor on the milestones page for each milestone it is shown under there: the
    /// occurrence it was assigned to (the first, should there be several), in one pass.
    private func occurrenceAnchors() -> [OccurrenceKey: String] {
        var anchors: [OccurrenceKey: String] = [:]
        for o in milestones.occurrences {
            for step in o.steps {
                let key = OccurrenceKey(agenda: o.agenda, milestone: o.milestone, step: step.key)
                if anchors[key] == nil { anchors[key] = MilestonesPage.anchor(agenda: o.agenda, milestone: o.milestone, when: o.when) }
            }
        }
        return anchors
    }
}
