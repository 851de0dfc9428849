import KoersModel

/// The report as one self-contained HTML document for mail clients (Outlook's Word engine included)
/// and browsers: inline styles only, no `<style>`, scripts, images or external assets; real tables
/// with `<th scope>` headers; progress bars as tables of sized cells that carry their numbers and
/// marks as text, so they read without colour and when a printer drops backgrounds.
///
/// It reads on a phone (390 px) as well as on a desktop without media queries, which mail clients
/// drop: tables have at most three columns of text, the rest stacks inside a cell, and nothing has
/// a fixed width that could clip it. The one wide table, the budget's amounts, scrolls sideways in
/// a labelled container a keyboard can reach.
public struct HTMLReportRenderer: ReportRenderer {
    public init() {}

    // Inline styles, shared.
    static let font = "font-family:Segoe UI,Arial,Helvetica,sans-serif;"
    static let keepWithNext = "page-break-after:avoid;break-after:avoid;"
    static let h1 = "font-size:22px;line-height:1.25;margin:0 0 6px;" + keepWithNext
    static let h2 = "font-size:19px;line-height:1.25;margin:32px 0 8px;padding-top:8px;border-top:3px solid #1f2328;" + keepWithNext
    static let h3 = "font-size:16px;line-height:1.25;margin:24px 0 6px;padding-bottom:3px;border-bottom:1px solid #d0d7de;" + keepWithNext
    static let h4 = "font-size:14px;line-height:1.25;margin:16px 0 4px;" + keepWithNext
    static let p = "margin:0 0 8px;"
    static let small = "color:#59636e;font-size:12px;"
    static let table = "border-collapse:collapse;width:100%;margin:4px 0 12px;"
    static let th = "text-align:left;padding:5px 8px;border-bottom:2px solid #8c959f;vertical-align:bottom;font-weight:bold;"
    static let rowHeader = "text-align:left;padding:5px 8px;border-bottom:1px solid #d0d7de;vertical-align:top;font-weight:bold;"
    /// A mark with a step key (`✓ LL-A2`), which must not break at its hyphen.
    static let nowrap = "white-space:nowrap;"
    static let td = "padding:5px 8px;border-bottom:1px solid #d0d7de;vertical-align:top;"
    static let num = "text-align:right;white-space:nowrap;"
    static let tr = "page-break-inside:avoid;break-inside:avoid;"
    static let printColour = "-webkit-print-color-adjust:exact;print-color-adjust:exact;"

    /// Background and text colour per category; the mark and number in each part carry the meaning.
    static func colours(_ category: StepCategory) -> (background: String, text: String) {
        switch category {
        case .done: ("#1a7f37", "#ffffff")
        case .inProgress: ("#0969da", "#ffffff")
        case .postponed: ("#d4a72c", "#1f2328")
        case .dropped: ("#6e7781", "#ffffff")
        case .open: ("#ffffff", "#1f2328")
        }
    }

    /// The start of a mail-safe Dutch HTML document titled `title`, with `heading` (HTML) as its
    /// first heading; `documentEnd` closes it. Shared by every report Koers mails.
    static func documentStart(title: String, heading: String) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>\(HTMLText.escape(title))</title>\n</head>\n"
        h += "<body style=\"\(font)font-size:14px;line-height:1.45;color:#1f2328;background:#ffffff;margin:0;padding:16px;\">\n"
        h += "<div style=\"max-width:860px;margin:0 auto;\">\n"
        h += "<h1 style=\"\(h1)\">\(heading)</h1>\n"
        return h
    }

    static let documentEnd = "</div>\n</body>\n</html>\n"

    public func render(_ report: Report) -> String {
        var h = Self.documentStart(title: report.title, heading: esc(report.title))
        h += "<p style=\"\(Self.p)\">\(esc(ReportWording.meta(report)))</p>\n"
        h += "<p style=\"\(Self.p)\(Self.small)\">\(esc(ReportWording.source))</p>\n"
        if report.agendas.isEmpty { h += "<p style=\"\(Self.p)\">Geen agenda's geladen.</p>\n" }
        for agenda in report.agendas { h += self.agenda(agenda, report) }
        h += ScanHTMLRenderer().section(report.scans)
        h += Self.documentEnd
        return h
    }

    /// Text for the body: escaped, and half-years (`2024-H2`) kept on one line.
    private func esc(_ s: String) -> String { Self.keepHalfYearsTogether(HTMLText.escape(s)) }

    /// Text for an attribute or the title: escaped only.
    private func attr(_ s: String) -> String { HTMLText.escape(s) }

    static func keepHalfYearsTogether(_ html: String) -> String {
        let chars = Array(html)
        guard chars.count >= 7 else { return html }
        var out = ""
        var i = 0
        while i < chars.count {
            if i + 7 <= chars.count, chars[i..<(i + 4)].allSatisfy({ $0.isASCII && $0.isNumber }), chars[i + 4] == "-",
               chars[i + 5] == "H", chars[i + 6] == "1" || chars[i + 6] == "2",
               i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber) {
                out += "<span style=\"white-space:nowrap;\">" + String(chars[i..<(i + 7)]) + "</span>"
                i += 7
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }

    /// Agenda text: paragraphs on blank lines, `- ` items as a list, line breaks kept.
    private func prose(_ text: String) -> String {
        var h = ""
        for paragraph in text.components(separatedBy: "\n\n") {
            let lines = paragraph.components(separatedBy: "\n")
            if lines.allSatisfy({ $0.hasPrefix("- ") }) {
                h += "<ul style=\"margin:0 0 8px;padding-left:22px;\">"
                h += lines.map { "<li>\(esc(String($0.dropFirst(2))))</li>" }.joined()
                h += "</ul>\n"
            } else {
                h += "<p style=\"\(Self.p)\">" + lines.map(esc).joined(separator: "<br>") + "</p>\n"
            }
        }
        return h
    }

    /// A data table: `headers` are HTML, `numeric` the columns aligned right, `widths` column widths.
    private func table(_ headers: [String], numeric: Set<Int> = [], rows: [String], headerStyle: String = "",
                       widths: [Int: String] = [:]) -> String {
        var h = "<table cellpadding=\"0\" cellspacing=\"0\" style=\"\(Self.table)\">\n<thead><tr>"
        for (i, header) in headers.enumerated() {
            let width = widths[i].map { "width:\($0);" } ?? ""
            h += "<th scope=\"col\" style=\"\(Self.th)\(headerStyle)\(width)\(numeric.contains(i) ? "text-align:right;" : "")\">\(header)</th>"
        }
        h += "</tr></thead>\n<tbody>\n" + rows.joined() + "</tbody>\n</table>\n"
        return h
    }

    /// A table of amounts, too wide for a phone: it scrolls sideways in a container that is labelled
    /// and can be reached and scrolled with the keyboard.
    private func scrolling(_ table: String, label: String) -> String {
        "<div role=\"region\" aria-label=\"\(attr(label))\" tabindex=\"0\" style=\"overflow-x:auto;\">\n\(table)</div>\n"
    }

    private func row(header: String, _ cells: [String], numeric: Set<Int> = [], strong: Bool = false) -> String {
        let weight = strong ? "border-top:2px solid #8c959f;" : ""
        var h = "<tr style=\"\(Self.tr)\"><th scope=\"row\" style=\"\(Self.rowHeader)\(weight)\">\(header)</th>"
        for (i, cell) in cells.enumerated() {
            let style = Self.td + weight + (numeric.contains(i + 1) ? Self.num : "") + (strong ? "font-weight:bold;" : "")
            h += "<td style=\"\(style)\">\(cell)</td>"
        }
        return h + "</tr>\n"
    }

    // MARK: Agenda

    private func agenda(_ a: AgendaReport, _ r: Report) -> String {
        var h = "<h2 style=\"\(Self.h2)\">\(esc(ReportWording.agendaLine(a)))</h2>\n"
        h += "<h3 style=\"\(Self.h3)\">\(esc(ReportWording.summaryHeading(r)))</h3>\n"
        h += summary(a.summary)
        for theme in a.themes { h += self.theme(theme, r) }
        h += "<h3 style=\"\(Self.h3)\">Mijlpalen in deze periode</h3>\n"
        h += milestones(a.milestones, empty: "Geen mijlpalen in deze periode.")
        h += "<h3 style=\"\(Self.h3)\">Indicatoren</h3>\n"
        h += indicators(a.indicators, r.period)
        if let budget = a.budget { h += self.budget(budget, r) }
        h += feedforward(a.feedforward)
        if let proposals = a.proposals { h += self.proposals(proposals) }
        return h
    }

    // MARK: Summary and bars

    /// One row per waarborg and the total: the name with the number of steps planned, then the bar
    /// with the counts in words under it. Two columns, so it fits a phone.
    private func summary(_ s: ReportSummary) -> String {
        func cells(_ c: StatusCounts) -> [String] {
            var h = bar(c)
            let counts = ReportWording.counts(c)
            if !counts.isEmpty { h += "<div style=\"\(Self.small)\">\(esc(counts))</div>" }
            return [h]
        }
        func header(_ title: String, _ c: StatusCounts) -> String {
            "\(esc(title))<br><span style=\"\(Self.small)font-weight:normal;\">\(esc(ReportWording.planned(c)))</span>"
        }
        var rows = s.rows.map { row(header: header($0.title, $0.counts), cells($0.counts)) }
        rows.append(row(header: header("Totaal", s.total), cells(s.total), strong: true))
        var h = table(["Waarborg", "Voortgang"], rows: rows, widths: [0: "35%"])
        h += "<p style=\"\(Self.p)\(Self.small)\">" + esc(ReportWording.legend) + "</p>\n"
        h += "<p style=\"\(Self.p)\(Self.small)\">" + esc(ReportWording.summaryNote)
            + " Elk deel van de balk toont het teken en het aantal; het percentage is het deel afgerond, zonder vervallen stappen.</p>\n"
        return h
    }

    /// A stacked bar: one table row, one cell per non-empty category, its width the category's
    /// share, its text the mark and the number. The widths are proportions, not limits: a part too
    /// small for its number grows to fit it rather than clip it.
    private func bar(_ c: StatusCounts) -> String {
        guard c.planned > 0 else { return "<span style=\"\(Self.small)\">geen stappen</span>" }
        var h = "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" width=\"100%\" "
        h += "style=\"border-collapse:collapse;width:100%;border:1px solid #57606a;\"><tr>"
        for part in ProgressBar.cells(c, width: 100) where part.cells > 0 {
            let (background, text) = Self.colours(part.category)
            let count = c[part.category]
            h += "<td width=\"\(part.cells)%\" bgcolor=\"\(background)\" title=\"\(attr(part.category.dutch)): \(count)\" "
            h += "style=\"width:\(part.cells)%;background:\(background);color:\(text);font-size:11px;line-height:18px;"
            h += "text-align:center;white-space:nowrap;border-right:1px solid #57606a;padding:0 2px;\(Self.printColour)\">"
            h += "\(part.category.mark)&nbsp;\(count)</td>"
        }
        h += "</tr></table>"
        if let percent = c.completionPercent { h += "<div style=\"\(Self.small)\">\(percent)% afgerond</div>" }
        return h
    }

    private func fractionBar(_ fraction: Double) -> String {
        let filled = Int((fraction * 100).rounded(.down))
        var h = "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" width=\"100%\" "
        h += "style=\"border-collapse:collapse;width:100%;max-width:240px;border:1px solid #57606a;\"><tr>"
        if filled > 0 {
            h += "<td width=\"\(filled)%\" bgcolor=\"#1a7f37\" style=\"width:\(filled)%;background:#1a7f37;color:#ffffff;font-size:11px;"
            h += "line-height:18px;text-align:center;white-space:nowrap;padding:0 2px;\(Self.printColour)\">\(ReportWording.percent(fraction))</td>"
        }
        if filled < 100 {
            h += "<td width=\"\(100 - filled)%\" bgcolor=\"#ffffff\" style=\"width:\(100 - filled)%;background:#ffffff;font-size:11px;"
            h += "line-height:18px;padding:0 2px;\">\(filled == 0 ? "0%" : "&nbsp;")</td>"
        }
        return h + "</tr></table>"
    }

    // MARK: Themes

    private func theme(_ t: ThemeSection, _ r: Report) -> String {
        var h = "<h3 style=\"\(Self.h3)\">\(esc(t.title)) (\(esc(t.code)))</h3>\n"
        h += "<h4 style=\"\(Self.h4)\">Doel (basiskwaliteit)</h4>\n"
        h += prose(t.goal)
        h += "<h4 style=\"\(Self.h4)\">Gepland in deze periode</h4>\n"
        if t.steps.isEmpty {
            h += "<p style=\"\(Self.p)\">Geen stappen gepland in deze periode.</p>\n"
        } else {
            h += table(["Stap", "Omschrijving en verloop", "Status"], rows: t.steps.map { s in
                stepRow(s.overdue != nil ? "!" : s.category.mark, s, status: ReportWording.status(s),
                        origin: ReportWording.origin(s, period: r.period))
            })
        }
        if !t.earlier.isEmpty {
            h += "<h4 style=\"\(Self.h4)\">Uit eerdere perioden</h4>\n"
            h += table(["Stap", "Omschrijving en verloop", "Status"], rows: t.earlier.map { s in
                stepRow(s.ref.mark, s, status: ReportWording.earlierStatus(s))
            })
        }
        return h
    }

    private func stepRow(_ mark: String, _ s: StepLine, status: String, origin: String? = nil) -> String {
        var text = esc(s.text)
        let roles = ReportWording.roles(s)
        text += "<br><span style=\"\(Self.small)\">\(esc(origin ?? s.period.description))\(roles.isEmpty ? "" : " · " + esc(roles))</span>"
        if !s.changes.isEmpty {
            text += "<ul style=\"margin:4px 0 0;padding-left:18px;\(Self.small)\">"
            text += s.changes.map { "<li>\(esc(ReportWording.change($0)))</li>" }.joined()
            text += "</ul>"
        }
        let weight = s.overdue != nil ? "font-weight:bold;" : ""
        return row(header: "<span style=\"\(Self.nowrap)\">\(esc(mark))&nbsp;\(esc(s.key.description))</span>",
                   [text, "<span style=\"\(weight)\">\(esc(status))</span>"])
    }

    /// Rows under one row header that spans them all (a role and its steps).
    private func grouped(_ header: String, _ rows: [[String]]) -> [String] {
        rows.enumerated().map { index, cells in
            var h = "<tr style=\"\(Self.tr)\">"
            if index == 0 {
                h += "<th scope=\"row\" rowspan=\"\(rows.count)\" style=\"\(Self.rowHeader)\">\(header)</th>"
            }
            for cell in cells { h += "<td style=\"\(Self.td)\">\(cell)</td>" }
            return h + "</tr>\n"
        }
    }

    private func refCell(_ s: StepRef) -> String {
        "<span style=\"\(Self.nowrap)\">\(esc(s.mark))&nbsp;\(esc(s.key.description))</span>"
    }

    /// When, then the milestone with its outcome, roles and steps stacked in one cell.
    private func milestones(_ list: [MilestoneLine], empty: String) -> String {
        guard !list.isEmpty else { return "<p style=\"\(Self.p)\">\(esc(empty))</p>\n" }
        return table(["Wanneer", "Mijlpaal"], rows: list.map { m in
            var text = "<strong>\(esc(m.title))</strong><br>\(esc(m.outcome.dutch))"
            if !m.roles.isEmpty { text += "<br><span style=\"\(Self.small)\">Rollen: \(esc(ReportWording.involved(m)))</span>" }
            if !m.steps.isEmpty {
                text += "<ul style=\"margin:4px 0 0;padding-left:18px;\">"
                text += m.steps.map { "<li>\(refCell($0)) \(esc($0.status.dutch))</li>" }.joined() + "</ul>"
            }
            return row(header: esc(m.when.dutch), [text])
        }, widths: [0: "30%"])
    }

    /// Per indicator its name, then baseline, target, the latest measurement with a bar and the
    /// course, one under the other.
    private func indicators(_ list: [IndicatorLine], _ period: ReportPeriod) -> String {
        guard !list.isEmpty else { return "<p style=\"\(Self.p)\">De agenda noemt geen indicatoren.</p>\n" }
        return table(["Indicator", "Stand"], rows: list.map { i in
            var name = esc(i.title)
            if let theme = i.theme { name += "<br><span style=\"\(Self.small)font-weight:normal;\">\(esc(theme))</span>" }
            var h = "Nulmeting: \(esc(ReportWording.baseline(i)))<br>Doel: \(esc(ReportWording.target(i)))"
            h += "<br>Gemeten: \(esc(ReportWording.measured(i)))"
            if let p = i.progress { h += fractionBar(p) }
            if let course = IndicatorWording.courseAndTrend(i) { h += "<br>Verloop: \(esc(course))" }
            let history = i.measurements(in: period)
            if !history.isEmpty {
                h += "<br><span style=\"\(Self.small)\">Metingen in deze periode:</span>"
                h += "<ul style=\"margin:2px 0 0;padding-left:18px;\(Self.small)\">"
                h += history.map { "<li>\(esc(IndicatorWording.measurement($0, unit: i.unit)))</li>" }.joined() + "</ul>"
            }
            return row(header: name, [h])
        }, widths: [0: "35%"]) + "<p style=\"\(Self.p)\(Self.small)\">Verloop: nulmeting → laatste meting → doel. De richting vergelijkt de laatste "
            + "meting met de meting ervoor, of met de nulmeting.</p>\n"
    }

    // MARK: Budget

    private func budget(_ b: BudgetSummary, _ r: Report) -> String {
        let numeric = Set(1...4)
        let headers = BudgetWording.titles.map(esc)
        func rows(_ list: [BudgetSummary.Row]) -> [String] {
            list.map { row(header: esc($0.title), BudgetWording.amounts($0).map(esc), numeric: numeric) }
        }
        var h = "<h3 style=\"\(Self.h3)\">\(esc(BudgetWording.heading))</h3>\n"
        h += scrolling(table(["Waarborg"] + headers, numeric: numeric,
                             rows: rows(b.themes) + [row(header: esc(b.total.title), BudgetWording.amounts(b.total).map(esc),
                                                         numeric: numeric, strong: true)]),
                       label: BudgetWording.heading + " per waarborg")
        h += "<p style=\"\(Self.p)\(Self.small)\">\(esc(BudgetWording.note(r.period)))</p>\n"
        if !b.sources.isEmpty {
            h += "<h4 style=\"\(Self.h4)\">\(esc(BudgetWording.sourcesHeading))</h4>\n"
            h += scrolling(table(["Bron"] + headers, numeric: numeric, rows: rows(b.sources)), label: BudgetWording.sourcesHeading)
        }
        h += "<h4 style=\"\(Self.h4)\">\(esc(BudgetWording.entriesHeading))</h4>\n"
        guard !b.entries.isEmpty else { return h + "<p style=\"\(Self.p)\">\(esc(BudgetWording.noEntries))</p>\n" }
        return h + table(["Datum", "Activiteit en toelichting", "Bedrag"], numeric: [2], rows: b.entries.map { e in
            var activity = esc(e.spending.activity.description)
            if let note = e.spending.note { activity += ": " + esc(note) }
            if let text = e.activityText { activity += "<br><span style=\"\(Self.small)\">\(esc(text))</span>" }
            return row(header: esc(ReportWording.date(e.spending.on)), [activity, esc(BudgetWording.amount(e.spending))], numeric: [2])
        })
    }

    // MARK: Feedforward and proposals

    private func feedforward(_ f: Feedforward) -> String {
        var h = "<h3 style=\"\(Self.h3)\">Vooruitblik</h3>\n"
        h += "<h4 style=\"\(Self.h4)\">Waar gaan de open stappen heen?</h4>\n"
        if f.destinations.isEmpty {
            h += "<p style=\"\(Self.p)\">Geen open stappen: alles afgerond of vervallen.</p>\n"
        } else {
            h += table(["Stap", "Omschrijving", "Stand en vervolg"], rows: f.destinations.map { d in
                row(header: refCell(d.step), [esc(d.step.text), esc(ReportWording.destination(d))])
            })
        }
        h += "<h4 style=\"\(Self.h4)\">\(esc(ReportWording.planHeading(f)))</h4>\n"
        if f.plan.isEmpty {
            h += "<p style=\"\(Self.p)\">Niets gepland.</p>\n"
        } else {
            let withHalfYear = f.next.halfYears.count > 1
            h += table(["Rol", "Stap", "Omschrijving"], rows: f.plan.map { p in
                grouped(esc(p.role.name), p.steps.map {
                    [refCell($0), esc($0.text) + (withHalfYear ? "<br><span style=\"\(Self.small)\">\(esc($0.expectedIn.description))</span>" : "")]
                })
            }.joined().map { $0 })
        }
        h += "<h4 style=\"\(Self.h4)\">\(esc(ReportWording.upcomingHeading(f.upcoming)))</h4>\n"
        if f.upcoming.milestones.isEmpty && f.upcoming.deadlines.isEmpty {
            h += "<p style=\"\(Self.p)\">Geen mijlpalen of deadlines.</p>\n"
        } else {
            let rows = UpcomingItem.list(f.upcoming).map { item in
                switch item {
                case .milestone(let m): row(header: esc(m.when.dutch), ["Mijlpaal: " + esc(m.title), esc(m.outcome.dutch)])
                case .deadline(let d):
                    row(header: esc(d.due.dutch), ["Deadline \(refCell(d.step)): \(esc(d.step.text))", esc(d.step.status.dutch)])
                }
            }
            h += table(["Wanneer", "Wat", "Stand"], rows: rows)
        }
        h += "<h4 style=\"\(Self.h4)\">Besluiten die voorliggen</h4>\n"
        if f.decisions.isEmpty {
            h += "<p style=\"\(Self.p)\">Geen besluiten nodig.</p>\n"
        } else {
            h += table(["Rol", "Stap", "Omschrijving en waarom nu"], rows: f.decisions.map { g in
                grouped(esc(g.role.name), g.decisions.map {
                    [refCell($0.step), esc($0.step.text) + "<br><em>\(esc(ReportWording.reason($0.reason)))</em>"]
                })
            }.joined().map { $0 })
        }
        return h
    }

    private func proposals(_ list: [Proposal]) -> String {
        var h = "<h3 style=\"\(Self.h3)\">Voorstellen voor bijstelling (berekend door Koers)</h3>\n"
        h += "<p style=\"\(Self.p)padding:6px 10px;border-left:4px solid #8c959f;\">\(esc(ReportWording.proposalsIntro))</p>\n"
        guard !list.isEmpty else { return h + "<p style=\"\(Self.p)\">Koers heeft geen voorstellen.</p>\n" }
        h += "<ol style=\"margin:0 0 12px;padding-left:24px;\">\n"
        for p in list {
            h += "<li style=\"margin:0 0 6px;\(Self.tr)\">\(esc(p.finding))<br><em>Voorstel:</em> \(esc(p.suggestion))</li>\n"
        }
        return h + "</ol>\n"
    }
}

fileprivate extension String {
    /// "in uitvoering" → "In uitvoering".
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
