import KoersModel

/// A scan report as one self-contained HTML document in the style of the agenda reports (inline
/// styles only, real tables with `<th scope>` headers), and its short form for the scan section of
/// the half-year and yearly reports.
public struct ScanHTMLRenderer: Sendable {
    public init() {}

    private typealias S = HTMLReportRenderer

    public func render(_ r: ScanReport) -> String {
        let title = ScanWording.title(r)
        var h = S.documentStart(title: title, heading: esc(title))
        h += "<p style=\"\(S.p)\">\(esc(ScanWording.held(r)))<br>\(esc(ScanWording.scale(r)))</p>\n"
        h += "<p style=\"\(S.p)\(S.small)\">\(esc(ScanWording.rule))</p>\n"
        for group in (r.board.map { [$0] } ?? []) + r.schools {
            h += "<h2 style=\"\(S.h2)\">\(esc(ScanWording.group(group)))</h2>\n"
            h += categories(group)
            h += "<h3 style=\"\(S.h3)\">Sterkste punten</h3>\n" + points(group.strongest)
            h += "<h3 style=\"\(S.h3)\">Ontwikkelpunten</h3>\n" + points(group.toDevelop)
            if r.previous != nil { h += changes(group, r) }
            h += "<h3 style=\"\(S.h3)\">Alle items</h3>\n"
            h += table(["Item", "Omschrijving", "Gemiddeld"] + (group.hasPrevious ? ["Verschil"] : []), numeric: [2, 3],
                       rows: group.items.map { item in
                           row(header: esc(item.id), [esc(item.text), esc(ScanWording.mean(item.score.mean))]
                               + (group.hasPrevious ? [esc(ScanWording.change(item.score.change))] : []), numeric: [2, 3])
                       })
        }
        h += S.documentEnd
        return h
    }

    /// The scan section of a half-year or yearly report.
    func section(_ reports: [ScanReport]) -> String {
        guard !reports.isEmpty else { return "" }
        var h = "<h2 style=\"\(S.h2)\">Zelfscans in deze periode</h2>\n"
        for r in reports {
            h += "<h3 style=\"\(S.h3)\">\(esc(ScanWording.title(r)))</h3>\n"
            h += "<p style=\"\(S.p)\">\(esc(ScanWording.held(r)))</p>\n"
            if let board = r.board { h += categories(board) }
            // Two columns, so it reads on a phone: the school with its mean, then its points.
            h += table(["School en gemiddelde", "Sterkste punten en ontwikkelpunten"], numeric: [], rows: r.schools.map { school in
                let overall = ScanWording.mean(school.overall.mean) + (school.hasPrevious ? " (\(ScanWording.change(school.overall.change)))" : "")
                let header = esc(ScanWording.group(school)) + "<br><span style=\"\(S.small)font-weight:normal;\">gemiddeld \(esc(overall))</span>"
                let points = "<strong>Sterkste punten</strong><br>\(pointList(school.strongest))"
                    + "<br><strong>Ontwikkelpunten</strong><br>\(pointList(school.toDevelop))"
                return row(header: header, [points], numeric: [])
            })
            h += "<p style=\"\(S.p)\(S.small)\">\(esc(ScanWording.rule))</p>\n"
        }
        return h
    }

    // MARK: Parts

    private func esc(_ s: String) -> String { HTMLText.escape(s) }

    private func table(_ headers: [String], numeric: Set<Int>, rows: [String]) -> String {
        var h = "<table cellpadding=\"0\" cellspacing=\"0\" style=\"\(S.table)\">\n<thead><tr>"
        for (i, header) in headers.enumerated() {
            h += "<th scope=\"col\" style=\"\(S.th)\(numeric.contains(i) ? "text-align:right;" : "")\">\(esc(header))</th>"
        }
        return h + "</tr></thead>\n<tbody>\n" + rows.joined() + "</tbody>\n</table>\n"
    }

    /// A row whose first cell is its header; `numeric` counts that cell as column 0.
    private func row(header: String, _ cells: [String], numeric: Set<Int>, strong: Bool = false) -> String {
        let weight = strong ? "border-top:2px solid #8c959f;font-weight:bold;" : ""
        var h = "<tr style=\"\(S.tr)\"><th scope=\"row\" style=\"\(S.rowHeader)\(weight)\">\(header)</th>"
        for (i, cell) in cells.enumerated() {
            h += "<td style=\"\(S.td)\(weight)\(numeric.contains(i + 1) ? S.num : "")\">\(cell)</td>"
        }
        return h + "</tr>\n"
    }

    private func categories(_ g: ScanReport.Group) -> String {
        let headers = ["Categorie", "Gemiddeld"] + (g.hasPrevious ? ["Vorige", "Verschil"] : [])
        func cells(_ s: ScanReport.Score) -> [String] {
            [ScanWording.mean(s.mean)] + (g.hasPrevious ? [ScanWording.mean(s.previous), ScanWording.change(s.change)] : [])
        }
        var rows = g.categories.map { row(header: esc($0.title), cells($0.score).map(esc), numeric: [1, 2, 3]) }
        rows.append(row(header: "Totaal", cells(g.overall).map(esc), numeric: [1, 2, 3], strong: true))
        return table(headers, numeric: [1, 2, 3], rows: rows)
    }

    private func points(_ items: [ScanReport.ItemResult]) -> String {
        guard !items.isEmpty else { return "<p style=\"\(S.p)\">\(esc(ScanWording.noPoints))</p>\n" }
        return table(["Item", "Omschrijving", "Gemiddeld"], numeric: [2], rows: items.map {
            row(header: esc($0.id), [esc($0.text), esc(ScanWording.mean($0.score.mean))], numeric: [2])
        })
    }

    private func pointList(_ items: [ScanReport.ItemResult]) -> String {
        items.map { "<strong>\(esc($0.id))</strong> \(esc($0.text))" }.joined(separator: "<br>")
    }

    private func changes(_ g: ScanReport.Group, _ r: ScanReport) -> String {
        guard g.hasPrevious else { return "<p style=\"\(S.p)\">\(esc(ScanWording.noComparison(r)))</p>\n" }
        var h = ""
        for (heading, items) in [(ScanWording.improvedHeading(r), g.improved), (ScanWording.declinedHeading(r), g.declined)] {
            h += "<h3 style=\"\(S.h3)\">\(esc(heading))</h3>\n"
            if items.isEmpty {
                h += "<p style=\"\(S.p)\">\(esc(ScanWording.nothingChanged))</p>\n"
                continue
            }
            h += table(["Item", "Omschrijving", "Was → nu", "Verschil"], numeric: [2, 3], rows: items.map {
                row(header: esc($0.id), [esc($0.text), esc(ScanWording.movement($0.score)), esc(ScanWording.change($0.score.change))],
                    numeric: [2, 3])
            })
        }
        return h
    }
}
