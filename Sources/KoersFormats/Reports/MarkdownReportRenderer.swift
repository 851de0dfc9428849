import KoersModel

/// The report as Markdown (CommonMark with pipe tables): for wikis, issue trackers and conversion
/// with pandoc. Progress bars are code spans of block characters.
public struct MarkdownReportRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: Report) -> String {
        var out = ["# \(Self.escape(report.title))", "", Self.escape(ReportWording.meta(report)), "",
                   "*\(Self.escape(ReportWording.source))*"]
        if report.agendas.isEmpty { out += ["", "Geen agenda's geladen."] }
        for agenda in report.agendas { out += self.agenda(agenda, report) }
        out += ScanMarkdownRenderer().section(report.scans)
        return out.joined(separator: "\n") + "\n"
    }

    private func agenda(_ a: AgendaReport, _ r: Report) -> [String] {
        var out = ["", "## \(Self.escape(ReportWording.agendaLine(a)))", "", "### \(Self.escape(ReportWording.summaryHeading(r)))", ""]
        out += summary(a.summary)
        for theme in a.themes { out += self.theme(theme, r) }

        out += ["", "### Mijlpalen in deze periode", ""]
        out += milestones(a.milestones, empty: "Geen mijlpalen in deze periode.")

        out += ["", "### Indicatoren", ""]
        if a.indicators.isEmpty {
            out.append("De agenda noemt geen indicatoren.")
        } else {
            out += ["| Indicator | Waarborg | Nulmeting | Doel | Gemeten | Verloop |", "|---|---|---|---|---|---|"]
            for i in a.indicators {
                var measured = ReportWording.measured(i)
                if let p = i.progress { measured += " `\(bar(p))`" }
                out.append(Self.row([i.title, i.theme ?? "–", ReportWording.baseline(i), ReportWording.target(i)])
                           + " \(Self.cell(measured, code: true)) | \(Self.cellText(IndicatorWording.courseAndTrend(i) ?? "–")) |")
            }
            out += ["", "#### Metingen in deze periode", ""]
            let measured = a.indicators.filter { !$0.measurements(in: r.period).isEmpty }
            if measured.isEmpty { out.append("Geen metingen in deze periode.") }
            for i in measured {
                out.append("- **\(Self.escape(i.title))**: "
                           + Self.escape(i.measurements(in: r.period).map { IndicatorWording.measurement($0, unit: i.unit) }.joined(separator: "; ")))
            }
        }
        if let budget = a.budget { out += self.budget(budget, r) }
        out += feedforward(a.feedforward)
        if let proposals = a.proposals { out += self.proposals(proposals) }
        return out
    }

    private func summary(_ s: ReportSummary) -> [String] {
        var out = ["| Waarborg | Gepland | ✓ Afgerond | ▶ In uitvoering | → Uitgesteld | ✗ Vervallen | ○ Open | ! Achterstallig | Voortgang |",
                   "|---|--:|--:|--:|--:|--:|--:|--:|---|"]
        func row(_ name: String, _ c: StatusCounts, strong: Bool) -> String {
            let numbers = [c.planned] + StepCategory.allCases.map { c[$0] } + [c.overdue]
            let percent = c.completionPercent.map { " \($0)%" } ?? ""
            let title = strong ? "**\(Self.escape(name))**" : Self.cellText(name)
            let bar = c.planned == 0 ? "geen stappen" : "`\(ProgressBar.text(c, width: 20))`\(percent)"
            return "| \(title) | " + numbers.map(String.init).joined(separator: " | ") + " | \(bar) |"
        }
        for r in s.rows { out.append(row(r.title, r.counts, strong: false)) }
        out.append(row("Totaal", s.total, strong: true))
        out += ["", Self.escape("Balk: " + ProgressBar.legend + "; percentage afgerond zonder vervallen stappen. "
                                + ReportWording.summaryNote)]
        return out
    }

    private func theme(_ t: ThemeSection, _ r: Report) -> [String] {
        var out = ["", "### \(Self.escape(t.title)) (\(Self.escape(t.code)))", "", "**Doel (basiskwaliteit).**", ""]
        out.append(Self.escapeKeepingLists(t.goal))
        out += ["", "#### Gepland in deze periode", ""]
        if t.steps.isEmpty { out.append("Geen stappen gepland in deze periode.") }
        for s in t.steps {
            let details = [ReportWording.origin(s, period: r.period) ?? s.period.description, ReportWording.status(s)]
            out += step(s.overdue != nil ? "!" : s.category.mark, s, details)
        }
        if !t.earlier.isEmpty {
            out += ["", "#### Uit eerdere perioden", ""]
            for s in t.earlier { out += step(s.ref.mark, s, [ReportWording.earlierStatus(s)]) }
        }
        return out
    }

    private func step(_ mark: String, _ s: StepLine, _ details: [String]) -> [String] {
        var parts = details
        let roles = ReportWording.roles(s)
        if !roles.isEmpty { parts.append(roles) }
        var out = ["- \(mark) **\(s.key)** \(Self.escape(s.text)) — *\(Self.escape(parts.joined(separator: " · ")))*"]
        for c in s.changes { out.append("  - \(Self.escape(ReportWording.change(c)))") }
        return out
    }

    private func milestones(_ list: [MilestoneLine], empty: String) -> [String] {
        guard !list.isEmpty else { return [empty] }
        var out = ["| Wanneer | Mijlpaal | Uitkomst | Stappen |", "|---|---|---|---|"]
        for m in list {
            let steps = m.steps.map { "\($0.mark) \($0.key) (\($0.status.dutch))" }.joined(separator: "; ")
            out.append(Self.row([m.when.dutch, m.title, m.outcome.dutch, steps.isEmpty ? "–" : steps]))
        }
        return out
    }

    private func budget(_ b: BudgetSummary, _ r: Report) -> [String] {
        func table(_ title: String, _ rows: [BudgetSummary.Row], total: BudgetSummary.Row?) -> [String] {
            var out = ["| \(title) | " + BudgetWording.titles.joined(separator: " | ") + " |",
                       "|---|--:|--:|--:|--:|"]
            for row in rows { out.append(Self.row([row.title] + BudgetWording.amounts(row))) }
            if let total { out.append("| **\(Self.escape(total.title))** | " + BudgetWording.amounts(total).map { "**\($0)**" }.joined(separator: " | ") + " |") }
            return out
        }
        var out = ["", "### \(BudgetWording.heading)", ""]
        out += table("Waarborg", b.themes, total: b.total)
        out += ["", Self.escape(BudgetWording.note(r.period))]
        if !b.sources.isEmpty { out += ["", "#### \(BudgetWording.sourcesHeading)", ""] + table("Bron", b.sources, total: nil) }
        out += ["", "#### \(BudgetWording.entriesHeading)", ""]
        if b.entries.isEmpty { out.append(BudgetWording.noEntries) }
        for e in b.entries { out.append("- \(Self.escape(ReportWording.date(e.spending.on))): \(Self.escape(BudgetWording.entry(e)))") }
        return out
    }

    private func feedforward(_ f: Feedforward) -> [String] {
        var out = ["", "### Vooruitblik", "", "#### Waar gaan de open stappen heen?", ""]
        if f.destinations.isEmpty {
            out.append("Geen open stappen: alles afgerond of vervallen.")
        } else {
            out += ["| Stap | Omschrijving | Stand en vervolg |", "|---|---|---|"]
            for d in f.destinations {
                out.append(Self.row(["\(d.step.mark) \(d.step.key)", d.step.text, ReportWording.destination(d)]))
            }
        }
        out += ["", "#### \(Self.escape(ReportWording.planHeading(f)))", ""]
        if f.plan.isEmpty { out.append("Niets gepland.") }
        for p in f.plan {
            out.append("- **\(Self.escape(p.role.name))**")
            for s in p.steps { out.append("  - \(s.mark) **\(s.key)** \(Self.escape(s.text)) (\(s.expectedIn))") }
        }
        out += ["", "#### \(Self.escape(ReportWording.upcomingHeading(f.upcoming)))", ""]
        if f.upcoming.milestones.isEmpty && f.upcoming.deadlines.isEmpty {
            out.append("Geen mijlpalen of deadlines.")
        } else {
            out += ["| Wanneer | Wat | Stand |", "|---|---|---|"]
            for item in UpcomingItem.list(f.upcoming) {
                switch item {
                case .milestone(let m): out.append(Self.row([m.when.dutch, "Mijlpaal: \(m.title)", m.outcome.dutch]))
                case .deadline(let d): out.append(Self.row([d.due.dutch, "Deadline \(d.step.key): \(d.step.text)", d.step.status.dutch]))
                }
            }
        }
        out += ["", "#### Besluiten die voorliggen", ""]
        if f.decisions.isEmpty { out.append("Geen besluiten nodig.") }
        for g in f.decisions {
            out.append("- **\(Self.escape(g.role.name))**")
            for d in g.decisions {
                out.append("  - **\(d.step.key)** \(Self.escape(d.step.text)) — \(Self.escape(ReportWording.reason(d.reason)))")
            }
        }
        return out
    }

    private func proposals(_ list: [Proposal]) -> [String] {
        var out = ["", "### Voorstellen voor bijstelling (berekend door Koers)", "", "> \(Self.escape(ReportWording.proposalsIntro))", ""]
        if list.isEmpty { out.append("Koers heeft geen voorstellen.") }
        for (i, p) in list.enumerated() {
            out.append("\(i + 1). \(Self.escape(p.finding))  ")
            out.append("   *Voorstel:* \(Self.escape(p.suggestion))")
        }
        return out
    }

    private func bar(_ fraction: Double) -> String {
        let filled = Int((fraction * 20).rounded(.down))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
    }

    // MARK: Escaping

    /// Backslash-escapes the ASCII punctuation Markdown gives meaning to, scalar by scalar: as a
    /// grapheme cluster, `*` followed by a combining mark would not equal `*` and stay unescaped.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if "\\`*_[]<>#|~".unicodeScalars.contains(scalar) { out.append("\\") }
            out.append(scalar)
        }
        return String(out)
    }

    /// Escapes, but keeps paragraphs and `- ` list items of agenda texts as Markdown lists.
    static func escapeKeepingLists(_ text: String) -> String {
        text.components(separatedBy: "\n").map { line in
            if line.hasPrefix("- ") { return "- " + escape(String(line.dropFirst(2))) }
            return escape(line)
        }.joined(separator: "\n")
    }

    /// Text for a table cell: one line, pipes escaped.
    static func cellText(_ text: String) -> String {
        escape(text.replacingOccurrences(of: "\n", with: " "))
    }

    static func cell(_ text: String, code: Bool = false) -> String {
        // A measured value may end in a code span of bar characters, which must stay unescaped.
        guard code, let tick = text.firstIndex(of: "`") else { return cellText(text) }
        return cellText(String(text[..<tick])) + String(text[tick...])
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.map(cellText).joined(separator: " | ") + " |"
    }
}
