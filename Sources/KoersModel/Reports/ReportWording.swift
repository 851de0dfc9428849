/// The Dutch phrases every renderer uses, so text, Markdown and HTML say the same thing.
package enum ReportWording {
    package static func date(_ d: LocalDate) -> String { PlannedDate.day(d).dutch }

    /// "achterstallig sinds 2023-H2", or "achterstallig sinds maart 2025" for a step with its own date.
    package static func overdue(_ o: Overdue) -> String {
        "achterstallig sinds " + (o.due?.dutch ?? o.expectedIn.description)
    }

    static func months(_ n: Int) -> String { n == 6 ? "een half jaar" : n == 12 ? "een jaar" : "\(n) maanden" }

    /// "A", "A en B", "A, B en C".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " en " + items.last!
    }

    /// 30 → "30", 2.5 → "2,5".
    package static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value).replacingOccurrences(of: ".", with: ",")
    }

    package static func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded(.down)))%" }

    /// Where a step of the period stands: "afgerond", "uitgesteld naar 2025-H1", "open (nog niet
    /// gestart)", with "achterstallig sinds …" when late. An open step on which work had begun is
    /// never called "nog niet gestart", also not after a postponement: "uitgesteld naar 2025-H1 (was
    /// al gestart)". A step postponed to a later half-year of the same period says so.
    package static func status(_ s: StepLine) -> String {
        let begun = s.started ? " (was al gestart)" : ""
        var text: String
        switch (s.category, s.status) {
        case (.postponed, .inProgress): text = "uitgesteld naar \(s.expectedIn), in uitvoering"
        case (.postponed, _): text = "uitgesteld naar \(s.expectedIn)" + begun
        case (.open, .postponed(let to)): text = "open, uitgesteld naar \(to)" + (s.started ? begun : " (nog niet gestart)")
        case (.open, _): text = s.started ? "open" + begun : "open (nog niet gestart)"
        default: text = s.category.dutch
        }
        if let o = s.overdue { text += ", " + overdue(o) }
        return text
    }

    /// A note on how the step came to the period, if it did not start in it: "uitgesteld uit 2023-H2".
    package static func origin(_ s: StepLine, period: ReportPeriod) -> String? {
        period.contains(s.period) ? nil : "uitgesteld uit \(s.period)"
    }

    /// A step from an earlier period: "achterstallig sinds 2023-H2, in uitvoering",
    /// "uit 2023-H2, afgerond in deze periode".
    package static func earlierStatus(_ s: StepLine) -> String {
        if let o = s.overdue { return overdue(o) + ", " + s.status.dutch }
        switch s.status {
        case .done: return "uit \(s.expectedIn), afgerond in deze periode"
        case .dropped: return "uit \(s.expectedIn), vervallen in deze periode"
        default:
            let until = s.due.map { ", uiterlijk \($0.dutch)" } ?? ""
            return "nog open uit \(s.expectedIn)\(until), \(s.status.dutch)"
        }
    }

    /// "8 stappen gepland", "1 stap gepland".
    package static func planned(_ c: StatusCounts) -> String {
        "\(c.planned) \(c.planned == 1 ? "stap" : "stappen") gepland"
    }

    /// The non-zero counts in words: "3 afgerond, 1 in uitvoering en 3 uitgesteld; 2 achterstallig".
    package static func counts(_ c: StatusCounts) -> String {
        let parts = StepCategory.allCases.filter { c[$0] > 0 }.map { "\(c[$0]) \($0.dutch)" }
        let overdue = c.overdue > 0 ? "\(c.overdue) achterstallig" : nil
        return [parts.isEmpty ? nil : list(parts), overdue].compactMap { $0 }.joined(separator: "; ")
    }

    /// "✓ afgerond · ▶ in uitvoering · → uitgesteld · ✗ vervallen · ○ open · ! achterstallig"
    package static let legend = StepCategory.allCases.map { "\($0.mark) \($0.dutch)" }.joined(separator: " · ") + " · ! achterstallig"

    package static func change(_ c: StatusChange) -> String {
        var text = "\(date(c.on)): \(c.status.dutch)"
        if let by = c.by { text += " (\(by))" }
        if let note = c.note { text += ". \(note)" }
        return text
    }

    /// "uitvoering: Schoolleiders OOK · besluit: Directieteam"
    package static func roles(_ s: StepLine) -> String {
        var parts: [String] = []
        if !s.owners.isEmpty { parts.append("uitvoering: " + list(s.owners.map(\.name))) }
        if !s.deciders.isEmpty { parts.append("besluit: " + list(s.deciders.map(\.name))) }
        return parts.joined(separator: " · ")
    }

    static func next(_ n: Feedforward.Next) -> String {
        switch n {
        case .postponed(let h): "uitgesteld naar \(h)"
        case .continuing(let until): "loopt door, uiterlijk \(date(until))"
        case .toDecide: "te besluiten"
        }
    }

    /// Where an open step stands and where it goes, said once: "in uitvoering → loopt door,
    /// uiterlijk 31 december 2024", "achterstallig sinds 2023-H2 → te besluiten", and for a step
    /// already postponed to where it goes just "uitgesteld naar 2025-H1" (not that twice).
    package static func destination(_ d: Feedforward.Destination) -> String {
        let stand = d.step.overdue.map(overdue) ?? d.step.status.dutch
        let next = next(d.next)
        return stand == next ? next : "\(stand) → \(next)"
    }

    package static func reason(_ r: Feedforward.Decision.Reason) -> String {
        switch r {
        case .notCompleted(let h): "niet afgerond in \(h): doorzetten, uitstellen of laten vervallen"
        case .overdue(let o): overdue(o) + ": doorzetten, uitstellen of laten vervallen"
        case .planned(let h): "gepland in \(h)"
        }
    }

    static func outcome(_ m: MilestoneLine) -> String { m.outcome.dutch }

    package static func involved(_ m: MilestoneLine) -> String {
        list(m.roles.map { "\($0.role.name) (\($0.duty.dutch))" })
    }

    /// "nulmeting 20 (december 2021, ongeveer)" / "doel 30 (juni 2026)"
    package static func value(_ v: IndicatorLine.Value, unit: String?) -> String {
        var text = number(v.value)
        if let unit { text += " \(unit)" }
        let extra = [v.date?.dutch, v.note].compactMap { $0 }
        if !extra.isEmpty { text += " (\(extra.joined(separator: ", ")))" }
        return text
    }

    package static func measured(_ i: IndicatorLine) -> String {
        guard let latest = i.latest else { return "nog geen metingen" }
        var text = "\(number(latest.value))\(i.unit.map { " \($0)" } ?? "") op \(date(latest.on))"
        if let p = i.progress { text += ", \(percent(p)) van de weg naar het doel" }
        return text
    }

    package static func target(_ i: IndicatorLine) -> String {
        guard let t = i.target else { return "geen doel" }
        return value(t, unit: i.unit) + (i.targetDatePassed ? ", streefdatum verstreken" : "")
    }

    package static func baseline(_ i: IndicatorLine) -> String {
        i.baseline.map { value($0, unit: i.unit) } ?? "geen nulmeting"
    }

    package static let proposalsIntro = "Deze voorstellen zijn door Koers berekend uit de vastgelegde voortgang. Ze zijn input voor de "
        + "jaarlijkse bijstelling van de ontwikkelagenda, geen besluiten."

    package static func meta(_ r: Report) -> String {
        "Periode \(date(r.period.firstDay)) – \(date(r.period.lastDay)); stand per \(date(r.asOf))"
            + (r.isPeriodComplete ? "." : " (tussenstand: de periode loopt nog).")
    }

    package static let source = "Berekend door Koers uit de vastgelegde statuswijzigingen tot en met de standdatum."

    package static func agendaLine(_ a: AgendaReport) -> String {
        "\(a.title) — \(a.organisation), versie \(a.version)"
    }

    package static func summaryHeading(_ r: Report) -> String {
        "Samenvatting: stappen gepland in \(r.period.dutch)"
    }

    package static let summaryNote = "Gepland = stappen in de kolommen van deze periode of ernaartoe uitgesteld. Achterstallig = "
        + "stappen uit eerdere perioden die nog open staan (niet in de balk)."

    package static func planHeading(_ f: Feedforward) -> String { "Gepland voor \(f.next.dutch), per rol" }

    package static func upcomingHeading(_ u: Feedforward.Upcoming) -> String {
        "Mijlpalen en deadlines van \(date(u.from)) tot en met \(date(u.through))"
    }
}

/// A milestone or a step's deadline in the window after the period: one date-ordered list.
package enum UpcomingItem {
    case milestone(MilestoneLine)
    case deadline(Feedforward.Deadline)

    var date: PlannedDate {
        switch self {
        case .milestone(let m): m.when
        case .deadline(let d): d.due
        }
    }

    /// Milestones and deadlines by date; on the same first day, milestones first.
    package static func list(_ u: Feedforward.Upcoming) -> [UpcomingItem] {
        let all = u.milestones.map(UpcomingItem.milestone) + u.deadlines.map(UpcomingItem.deadline)
        return all.enumerated().sorted { ($0.element.date.firstDay, $0.offset) < ($1.element.date.firstDay, $1.offset) }.map(\.element)
    }
}
