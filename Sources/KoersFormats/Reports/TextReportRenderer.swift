import KoersModel

/// The report for a terminal: plain text, at most 80 columns, progress bars of block characters.
public struct TextReportRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: Report) -> String {
        var out: [String] = []
        out.append(TextLayout.wrap(report.title.uppercased()))
        out.append(TextLayout.wrap(ReportWording.meta(report)))
        out.append(TextLayout.wrap(ReportWording.source))
        if report.agendas.isEmpty { out += ["", "Geen agenda's geladen."] }
        for agenda in report.agendas { out += self.agenda(agenda, report) }
        out += ScanTextRenderer().section(report.scans)
        return out.map(Self.fit).joined(separator: "\n") + "\n"
    }

    private func agenda(_ a: AgendaReport, _ r: Report) -> [String] {
        var out = ["", TextLayout.rule("═"), TextLayout.wrap(ReportWording.agendaLine(a)), TextLayout.rule("═"), ""]
        out.append(TextLayout.wrap(ReportWording.summaryHeading(r).uppercased()))
        out.append("")
        out += summary(a.summary)
        for theme in a.themes { out += self.theme(theme, r) }
        out += heading("Mijlpalen in deze periode")
        out += a.milestones.isEmpty ? ["  Geen mijlpalen in deze periode."] : a.milestones.flatMap(milestone)
        out += heading("Indicatoren")
        if a.indicators.isEmpty { out.append("  De agenda noemt geen indicatoren.") }
        for i in a.indicators {
            out.append(TextLayout.wrap("  \(i.title)" + (i.theme.map { " (\($0))" } ?? ""), indent: "    ", firstIndent: 0))
            out.append(TextLayout.labelled("    nulmeting:", ReportWording.baseline(i), column: 16))
            out.append(TextLayout.labelled("    doel:", ReportWording.target(i), column: 16))
            out.append(TextLayout.labelled("    gemeten:", ReportWording.measured(i), column: 16))
            if let p = i.progress { out.append("                " + bar(p, width: 20)) }
            if let course = IndicatorWording.courseAndTrend(i) { out.append(TextLayout.labelled("    verloop:", course, column: 16)) }
            let history = i.measurements(in: r.period)
            if !history.isEmpty {
                out.append("    metingen in deze periode:")
                for m in history { out.append(TextLayout.labelled("", IndicatorWording.measurement(m, unit: i.unit), column: 16)) }
            }
        }
        if let budget = a.budget { out += self.budget(budget, r) }
        out += feedforward(a.feedforward, r)
        if let proposals = a.proposals { out += self.proposals(proposals) }
        return out
    }

    private func heading(_ title: String) -> [String] {
        ["", TextLayout.rule(), TextLayout.wrap(title.uppercased()), ""]
    }

    // MARK: Summary

    static let nameWidth = 19
    static let barWidth = 20

    private func summary(_ s: ReportSummary) -> [String] {
        let marks = StepCategory.allCases.map(\.mark) + ["!"]
        var out = [TextLayout.pad("Waarborg", Self.nameWidth + 1) + Self.left("gepland", 7)
                   + marks.map { Self.left($0, 4) }.joined() + "  voortgang"]
        func row(_ name: String, _ c: StatusCounts) -> String {
            let numbers = StepCategory.allCases.map { c[$0] } + [c.overdue]
            let percent = c.completionPercent.map { "\($0)%" } ?? ""
            return TextLayout.pad(Self.truncate(name, Self.nameWidth), Self.nameWidth + 1) + Self.left("\(c.planned)", 7)
                + numbers.map { Self.left("\($0)", 4) }.joined() + "  "
                + (c.planned == 0 ? "geen stappen" : ProgressBar.text(c, width: Self.barWidth) + Self.left(percent, 5))
        }
        for r in s.rows { out.append(row(r.title, r.counts)) }
        out.append(TextLayout.rule("─", width: 78))
        out.append(row("Totaal", s.total))
        out.append("")
        out.append(TextLayout.wrap(ReportWording.legend))
        out.append(TextLayout.wrap("Balk: " + ProgressBar.legend + "; percentage afgerond zonder vervallen stappen."))
        out.append(TextLayout.wrap(ReportWording.summaryNote))
        return out
    }

    // MARK: Themes

    private func theme(_ t: ThemeSection, _ r: Report) -> [String] {
        var out = heading("\(t.title) (\(t.code))")
        out.append("Doel (basiskwaliteit):")
        out.append(TextLayout.wrap("  " + t.goal.replacingOccurrences(of: "\n\n", with: "\n"), indent: "  ", firstIndent: 0))
        out.append("")
        out.append("Gepland in deze periode:")
        if t.steps.isEmpty { out.append("  Geen stappen gepland in deze periode.") }
        for s in t.steps {
            var details = [(ReportWording.origin(s, period: r.period) ?? s.period.description) + " · " + ReportWording.status(s)]
            let roles = ReportWording.roles(s)
            if !roles.isEmpty { details.append(roles) }
            out += step(s.overdue != nil ? "!" : s.category.mark, s, details)
        }
        if !t.earlier.isEmpty {
            out.append("")
            out.append("Uit eerdere perioden:")
            for s in t.earlier {
                var details = [ReportWording.earlierStatus(s)]
                let roles = ReportWording.roles(s)
                if !roles.isEmpty { details.append(roles) }
                out += step(s.ref.mark, s, details)
            }
        }
        return out
    }

    /// `  ✓ LL-A2  text`, then the details and changes aligned under the text.
    private func step(_ mark: String, _ s: StepLine, _ details: [String]) -> [String] {
        let head = "  \(mark) \(TextLayout.pad(s.key.description, 6)) "
        let indent = String(repeating: " ", count: head.count)
        var out = [head + TextLayout.wrap(s.text, indent: indent, firstIndent: head.count)]
        for d in details { out.append(TextLayout.wrap(indent + d, indent: indent, firstIndent: 0)) }
        for c in s.changes { out.append(TextLayout.wrap(indent + "- " + ReportWording.change(c), indent: indent + "  ", firstIndent: 0)) }
        return out
    }

    /// `  ✓ LL-A2  text`, with further lines (what comes next, why) aligned under the text.
    private func ref(_ s: StepRef, indent: String, suffix: String = "", below: [String] = []) -> String {
        let head = "\(indent)\(s.mark) \(TextLayout.pad(s.key.description, 6)) "
        let under = String(repeating: " ", count: head.count)
        var lines = [head + TextLayout.wrap(s.text + suffix, indent: under, firstIndent: head.count)]
        for line in below { lines.append(TextLayout.wrap(under + line, indent: under, firstIndent: 0)) }
        return lines.joined(separator: "\n")
    }

    static let dateColumn = 24

    /// A date in its own column, the text after it; a date too wide for the column gets its own line.
    private func dated(_ date: String, _ text: String) -> String {
        let label = "  " + date
        if label.count >= Self.dateColumn { return label + "\n" + TextLayout.labelled("", text, column: Self.dateColumn) }
        return TextLayout.labelled(label, text, column: Self.dateColumn)
    }

    private func milestone(_ m: MilestoneLine) -> [String] {
        var out = [dated(m.when.dutch, m.title)]
        out.append(TextLayout.labelled("", m.outcome.dutch, column: Self.dateColumn))
        if !m.roles.isEmpty { out.append(TextLayout.labelled("", "rollen: " + ReportWording.involved(m), column: Self.dateColumn)) }
        for s in m.steps {
            out.append(ref(s, indent: String(repeating: " ", count: Self.dateColumn), below: [s.overdue.map(ReportWording.overdue) ?? s.status.dutch]))
        }
        return out
    }

    // MARK: Budget

    static let amountWidth = 15

    private func budget(_ b: BudgetSummary, _ r: Report) -> [String] {
        var out = heading(BudgetWording.heading)
        out += budgetTable("Waarborg", b.themes, total: b.total)
        out.append("")
        out.append(TextLayout.wrap(BudgetWording.note(r.period)))
        if !b.sources.isEmpty {
            out.append("")
            out += budgetTable(BudgetWording.sourcesHeading, b.sources, total: nil)
        }
        out.append("")
        out.append(BudgetWording.entriesHeading + ":")
        if b.entries.isEmpty { out.append("  " + BudgetWording.noEntries) }
        for e in b.entries { out.append(dated(ReportWording.date(e.spending.on), BudgetWording.entry(e))) }
        return out
    }

    private func budgetTable(_ title: String, _ rows: [BudgetSummary.Row], total: BudgetSummary.Row?) -> [String] {
        func line(_ name: String, _ cells: [String]) -> String {
            TextLayout.pad(Self.truncate(name, Self.nameWidth), Self.nameWidth) + cells.map { Self.left($0, Self.amountWidth) }.joined()
        }
        var out = [line(title, BudgetWording.columns)]
        for row in rows { out.append(line(row.title, BudgetWording.amounts(row))) }
        if let total {
            out.append(TextLayout.rule("─", width: Self.nameWidth + 4 * Self.amountWidth))
            out.append(line(total.title, BudgetWording.amounts(total)))
        }
        return out
    }

    // MARK: Feedforward and proposals

    private func feedforward(_ f: Feedforward, _ r: Report) -> [String] {
        var out = heading("Vooruitblik")
        out.append("Waar gaan de open stappen heen?")
        if f.destinations.isEmpty { out.append("  Geen open stappen: alles afgerond of vervallen.") }
        for d in f.destinations {
            out.append(ref(d.step, indent: "  ", below: [ReportWording.destination(d)]))
        }
        out.append("")
        out.append(TextLayout.wrap(ReportWording.planHeading(f) + ":"))
        if f.plan.isEmpty { out.append("  Niets gepland.") }
        for p in f.plan {
            out.append(TextLayout.wrap("  \(p.role.name)", indent: "    "))
            for s in p.steps { out.append(ref(s, indent: "    ", suffix: f.next.halfYears.count > 1 ? " (\(s.expectedIn))" : "")) }
        }
        out.append("")
        out.append(TextLayout.wrap(ReportWording.upcomingHeading(f.upcoming) + ":"))
        if f.upcoming.milestones.isEmpty && f.upcoming.deadlines.isEmpty { out.append("  Geen mijlpalen of deadlines.") }
        for item in UpcomingItem.list(f.upcoming) {
            switch item {
            case .milestone(let m): out += milestone(m)
            case .deadline(let d): out.append(dated(d.due.dutch, "deadline \(d.step.key): \(d.step.text)"))
            }
        }
        out.append("")
        out.append("Besluiten die voorliggen:")
        if f.decisions.isEmpty { out.append("  Geen besluiten nodig.") }
        for g in f.decisions {
            out.append(TextLayout.wrap("  \(g.role.name)", indent: "    "))
            for d in g.decisions { out.append(ref(d.step, indent: "    ", below: [ReportWording.reason(d.reason)])) }
        }
        return out
    }

    private func proposals(_ list: [Proposal]) -> [String] {
        var out = heading("Voorstellen voor bijstelling (berekend door Koers)")
        out.append(TextLayout.wrap(ReportWording.proposalsIntro))
        out.append("")
        if list.isEmpty { out.append("  Koers heeft geen voorstellen.") }
        for (i, p) in list.enumerated() {
            let head = TextLayout.pad("\(i + 1).", 4)
            out.append(head + TextLayout.wrap(p.finding, indent: "    ", firstIndent: 4))
            out.append(TextLayout.wrap("    Voorstel: " + p.suggestion, indent: "    ", firstIndent: 0))
        }
        return out
    }

    // MARK: Helpers

    private func bar(_ fraction: Double, width: Int) -> String {
        let filled = Int((fraction * Double(width)).rounded(.down))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            + " " + ReportWording.percent(fraction)
    }

    package static func left(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }

    static func truncate(_ s: String, _ width: Int) -> String {
        s.count <= width ? s : String(s.prefix(width - 1)) + "…"
    }

    /// Breaks what wrapping could not (a word longer than the line) so no line exceeds 80 columns.
    static func fit(_ block: String) -> String {
        block.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var rest = Substring(line)
            var parts: [Substring] = []
            while rest.count > TextLayout.width {
                parts.append(rest.prefix(TextLayout.width))
                rest = rest.dropFirst(TextLayout.width)
            }
            parts.append(rest)
            return parts.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
