import KoersModel

/// How the site shows a step's status: a CSS class for the colour and a mark with words, so the
/// status reads without colour too (on paper, for colour-blind readers, for screen readers).
/// The marks and words are those of the terminal views (`koers agenda`), with `»` where a
/// postponed step now stands.
struct StatusLabel: Equatable {
    /// `st-done`, `st-in-progress`, `st-planned`, `st-postponed`, `st-dropped`, `st-overdue`.
    var cssClass: String
    var mark: String
    var words: String

    var text: String { "\(mark) \(words)" }

    /// The step in its own column. A step postponed away from it says where it went; its current
    /// state is shown in the column it went to.
    static func planned(_ step: StepSummary) -> StatusLabel {
        if step.expectedIn != step.period {
            return StatusLabel(cssClass: "st-postponed", mark: "→", words: "uitgesteld naar \(step.expectedIn)")
        }
        return current(step)
    }

    /// The step where it is expected now: its status, or `! te laat` when open past its half-year.
    static func current(_ step: StepSummary) -> StatusLabel {
        if step.overdue { return StatusLabel(cssClass: "st-overdue", mark: "!", words: "te laat") }
        switch step.statusValue {
        case .planned: return StatusLabel(cssClass: "st-planned", mark: "○", words: "gepland")
        case .inProgress: return StatusLabel(cssClass: "st-in-progress", mark: "▶", words: "in uitvoering")
        case .done: return StatusLabel(cssClass: "st-done", mark: "✓", words: "afgerond")
        case .postponed(let to): return StatusLabel(cssClass: "st-postponed", mark: "→", words: "uitgesteld naar \(to)")
        case .dropped: return StatusLabel(cssClass: "st-dropped", mark: "✗", words: "vervallen")
        }
    }

    /// The step in the half-year it was postponed to: `»` while it is still postponed, else its
    /// state; either way with the half-year it came from.
    static func movedHere(_ step: StepSummary) -> StatusLabel {
        var label = current(step)
        if label.cssClass == "st-postponed" {
            label.mark = "»"
            label.words = "uitgesteld uit \(step.period)"
        } else {
            label.words += " (uitgesteld uit \(step.period))"
        }
        return label
    }

    /// Every label the matrix uses, for the legend.
    static let legend: [StatusLabel] = [
        StatusLabel(cssClass: "st-done", mark: "✓", words: "afgerond"),
        StatusLabel(cssClass: "st-in-progress", mark: "▶", words: "in uitvoering"),
        StatusLabel(cssClass: "st-planned", mark: "○", words: "gepland"),
        StatusLabel(cssClass: "st-postponed", mark: "→", words: "uitgesteld naar een later half jaar"),
        StatusLabel(cssClass: "st-postponed", mark: "»", words: "uitgesteld uit een eerder half jaar: staat nu hier"),
        StatusLabel(cssClass: "st-dropped", mark: "✗", words: "vervallen"),
        StatusLabel(cssClass: "st-overdue", mark: "!", words: "te laat: open na het einde van het half jaar"),
    ]
}
