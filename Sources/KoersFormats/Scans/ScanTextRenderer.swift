import KoersModel

/// A scan report for a terminal, at most 80 columns; and its short form, the scan section of the
/// half-year and yearly reports.
public struct ScanTextRenderer: Sendable {
    public init() {}

    public func render(_ r: ScanReport) -> String {
        var out = [TextLayout.wrap(ScanWording.title(r).uppercased()), TextLayout.wrap(ScanWording.held(r)),
                   TextLayout.wrap(ScanWording.scale(r)), "", TextLayout.wrap(ScanWording.rule)]
        for group in (r.board.map { [$0] } ?? []) + r.schools {
            out += ["", TextLayout.rule("═"), TextLayout.wrap(ScanWording.group(group).uppercased()), TextLayout.rule("═"), ""]
            out += categories(group, r)
            out += points(group)
            if r.previous != nil { out += changes(group, r) }
            out += ["", "Alle items"]
            for item in group.items {
                let change = group.hasPrevious ? TextReportRenderer.left(ScanWording.change(item.score.change), 6) : ""
                out.append(line(item.id, TextReportRenderer.left(ScanWording.mean(item.score.mean), 4) + change, item.text))
            }
        }
        return out.map(TextReportRenderer.fit).joined(separator: "\n") + "\n"
    }

    /// The scan section of a half-year or yearly report: per round the board's means per category,
    /// and per school its overall score and its strongest points and points to develop.
    func section(_ reports: [ScanReport]) -> [String] {
        guard !reports.isEmpty else { return [] }
        var out = ["", TextLayout.rule(), "ZELFSCANS IN DEZE PERIODE"]
        for r in reports {
            out += ["", TextLayout.wrap(ScanWording.title(r)), TextLayout.wrap(ScanWording.held(r)), ""]
            if let board = r.board { out += categories(board, r) }
            for school in r.schools {
                var head = "  \(ScanWording.group(school)): gemiddeld \(ScanWording.mean(school.overall.mean))"
                if school.hasPrevious { head += " (\(ScanWording.change(school.overall.change)))" }
                out += ["", TextLayout.wrap(head, indent: "    ")]
                out += school.strongest.map { line("+ " + $0.id, "", $0.text, indent: 4) }
                out += school.toDevelop.map { line("− " + $0.id, "", $0.text, indent: 4) }
            }
            out += ["", TextLayout.wrap("+ sterkste punten, − ontwikkelpunten. " + ScanWording.rule)]
        }
        return out
    }

    // MARK: Parts

    private static let nameWidth = 44

    private func categories(_ g: ScanReport.Group, _ r: ScanReport) -> [String] {
        let withPrevious = g.hasPrevious
        var out = [TextLayout.pad("Gemiddeld per categorie", Self.nameWidth) + TextReportRenderer.left("nu", 8)
                   + (withPrevious ? TextReportRenderer.left("vorige", 9) + TextReportRenderer.left("verschil", 10) : "")]
        func row(_ name: String, _ s: ScanReport.Score) -> String {
            TextLayout.pad(TextReportRenderer.truncate(name, Self.nameWidth - 1), Self.nameWidth)
                + TextReportRenderer.left(ScanWording.mean(s.mean), 8)
                + (withPrevious ? TextReportRenderer.left(ScanWording.mean(s.previous), 9)
                                  + TextReportRenderer.left(ScanWording.change(s.change), 10) : "")
        }
        for category in g.categories { out.append(row(category.title, category.score)) }
        out.append(TextLayout.rule("─", width: withPrevious ? Self.nameWidth + 27 : Self.nameWidth + 8))
        out.append(row("Totaal", g.overall))
        return out
    }

    private func points(_ g: ScanReport.Group) -> [String] {
        var out = ["", "Sterkste punten"]
        out += g.strongest.isEmpty ? ["  " + ScanWording.noPoints]
                                   : g.strongest.map { line($0.id, TextReportRenderer.left(ScanWording.mean($0.score.mean), 4), $0.text) }
        out += ["", "Ontwikkelpunten"]
        out += g.toDevelop.isEmpty ? ["  " + ScanWording.noPoints]
                                   : g.toDevelop.map { line($0.id, TextReportRenderer.left(ScanWording.mean($0.score.mean), 4), $0.text) }
        return out
    }

    private func changes(_ g: ScanReport.Group, _ r: ScanReport) -> [String] {
        guard g.hasPrevious else { return ["", TextLayout.wrap(ScanWording.noComparison(r))] }
        var out: [String] = []
        for (heading, items) in [(ScanWording.improvedHeading(r), g.improved), (ScanWording.declinedHeading(r), g.declined)] {
            out += ["", TextLayout.wrap(heading)]
            if items.isEmpty { out.append("  " + ScanWording.nothingChanged) }
            for item in items {
                out.append(line(item.id, TextReportRenderer.left(ScanWording.change(item.score.change), 5),
                                item.text + " (\(ScanWording.movement(item.score)))"))
            }
        }
        return out
    }

    /// `  OC2  2,8  text`, the text wrapped under itself.
    private func line(_ id: String, _ value: String, _ text: String, indent: Int = 2) -> String {
        let head = String(repeating: " ", count: indent) + TextLayout.pad(id, max(5, id.count + 2)) + (value.isEmpty ? "" : value + "  ")
        return head + TextLayout.wrap(text, indent: String(repeating: " ", count: head.count), firstIndent: head.count)
    }
}
