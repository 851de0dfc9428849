import KoersModel

extension MilestoneView {
    /// `koers milestones`: each occurrence with its steps, and a legend of the marks.
    public func text() -> String {
        var out = ["Mijlpalen \(LocalDate(from).map { PlannedDate.day($0).dutch } ?? from) – \(LocalDate(to).map { PlannedDate.day($0).dutch } ?? to)", ""]
        if occurrences.isEmpty { out.append("Geen mijlpalen in deze periode.") }
        for o in occurrences {
            let when = PlannedDate(o.when)?.dutch ?? o.when
            out.append(TextLayout.labelled("\(o.passed ? "◇" : "◆") \(when)", o.title, column: 24))
            for s in o.steps {
                out.append(TextLayout.labelled("      \(s.mark) \(s.key)", s.text, column: 14))
            }
        }
        out.append("")
        out.append("◆ komend  ◇ voorbij  ✓ afgerond  ▶ in uitvoering  ○ gepland  ! te laat")
        return out.joined(separator: "\n") + "\n"
    }
}
