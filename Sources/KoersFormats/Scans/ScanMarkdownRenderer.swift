import KoersModel

/// A scan report as Markdown (CommonMark with pipe tables), and its short form for the scan
/// section of the half-year and yearly reports.
public struct ScanMarkdownRenderer: Sendable {
    public init() {}

    private typealias MD = MarkdownReportRenderer

    public func render(_ r: ScanReport) -> String {
        var out = ["# \(MD.escape(ScanWording.title(r)))", "", MD.escape(ScanWording.held(r)), "", MD.escape(ScanWording.scale(r)),
                   "", "*\(MD.escape(ScanWording.rule))*"]
        for group in (r.board.map { [$0] } ?? []) + r.schools {
            out += ["", "## \(MD.escape(ScanWording.group(group)))", ""]
            out += categories(group)
            out += ["", "### Sterkste punten", ""] + points(group.strongest)
            out += ["", "### Ontwikkelpunten", ""] + points(group.toDevelop)
            if r.previous != nil { out += changes(group, r) }
            out += ["", "### Alle items", ""]
            out.append(group.hasPrevious ? "| Item | Omschrijving | Gemiddeld | Verschil |" : "| Item | Omschrijving | Gemiddeld |")
            out.append(group.hasPrevious ? "|---|---|--:|--:|" : "|---|---|--:|")
            for item in group.items {
                out.append(MD.row([item.id, item.text, ScanWording.mean(item.score.mean)]
                                  + (group.hasPrevious ? [ScanWording.change(item.score.change)] : [])))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The scan section of a half-year or yearly report.
    func section(_ reports: [ScanReport]) -> [String] {
        guard !reports.isEmpty else { return [] }
        var out = ["", "## Zelfscans in deze periode"]
        for r in reports {
            out += ["", "### \(MD.escape(ScanWording.title(r)))", "", MD.escape(ScanWording.held(r)), ""]
            if let board = r.board { out += categories(board) }
            out += ["", "| School | Gemiddeld | Sterkste punten | Ontwikkelpunten |", "|---|--:|---|---|"]
            for school in r.schools {
                let overall = ScanWording.mean(school.overall.mean) + (school.hasPrevious ? " (\(ScanWording.change(school.overall.change)))" : "")
                out.append(MD.row([ScanWording.group(school), overall,
                                   school.strongest.map { "\($0.id) \($0.text)" }.joined(separator: "; "),
                                   school.toDevelop.map { "\($0.id) \($0.text)" }.joined(separator: "; ")]))
            }
            out += ["", "*\(MD.escape(ScanWording.rule))*"]
        }
        return out
    }

    private func categories(_ g: ScanReport.Group) -> [String] {
        var out = [g.hasPrevious ? "| Categorie | Gemiddeld | Vorige | Verschil |" : "| Categorie | Gemiddeld |",
                   g.hasPrevious ? "|---|--:|--:|--:|" : "|---|--:|"]
        func row(_ name: String, _ s: ScanReport.Score, strong: Bool) -> String {
            let cells = [ScanWording.mean(s.mean)] + (g.hasPrevious ? [ScanWording.mean(s.previous), ScanWording.change(s.change)] : [])
            return "| " + (strong ? "**\(MD.escape(name))**" : MD.cellText(name)) + " | " + cells.map(MD.cellText).joined(separator: " | ") + " |"
        }
        for category in g.categories { out.append(row(category.title, category.score, strong: false)) }
        out.append(row("Totaal", g.overall, strong: true))
        return out
    }

    private func points(_ items: [ScanReport.ItemResult]) -> [String] {
        guard !items.isEmpty else { return [ScanWording.noPoints] }
        return items.map { "- **\($0.id)** \(ScanWording.mean($0.score.mean)) — \(MD.escape($0.text))" }
    }

    private func changes(_ g: ScanReport.Group, _ r: ScanReport) -> [String] {
        guard g.hasPrevious else { return ["", MD.escape(ScanWording.noComparison(r))] }
        var out: [String] = []
        for (heading, items) in [(ScanWording.improvedHeading(r), g.improved), (ScanWording.declinedHeading(r), g.declined)] {
            out += ["", "### \(MD.escape(heading))", ""]
            if items.isEmpty { out.append(ScanWording.nothingChanged) }
            out += items.map {
                "- **\($0.id)** \(ScanWording.change($0.score.change)) (\(ScanWording.movement($0.score))) — \(MD.escape($0.text))"
            }
        }
        return out
    }
}
