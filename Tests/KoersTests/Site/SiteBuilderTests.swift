import Foundation
import Testing
@testable import KoersServices

@Suite("The static site: pages built from the agenda")
struct SiteBuilderTests {
    let site: SiteFixture
    let pages: [String: [UInt8]]

    init() throws {
        site = try SiteFixture()
        pages = site.builder().pages()
    }

    /// The pages Koers writes itself (not the archived reports, which are kept as stored).
    var ownPages: [String] { ["index.html", "stappen.html", "mijlpalen.html", "rapporten/index.html"] }

    @Test("The site has the agenda, steps, milestones and reports pages")
    func pageList() {
        #expect(pages.keys.sorted() == ["index.html", "mijlpalen.html", "rapporten/index.html", "stappen.html"])
    }

    @Test("The matrix puts each step in its half-year, a postponed step also where it went, each with a label")
    func matrixCells() {
        let html = SiteMarkup.text(pages, "index.html")
        let a = SiteMarkup.row("LL-a", in: html)
        #expect(a.map(\.period) == ["2023-H1", "2023-H2", "2024-H1", "2024-H2"])
        #expect(a.map(\.steps) == [
            ["LL-A1|st-done|✓ afgerond"],
            ["LL-A2|st-postponed|→ uitgesteld naar 2024-H2"],
            ["LL-A3|st-overdue|! te laat sinds 1 april 2024"],
            ["LL-A4|st-in-progress|▶ in uitvoering", "LL-A2|st-postponed|» uitgesteld uit 2023-H2"],
        ])
        let b = SiteMarkup.row("LL-b", in: html)
        #expect(b.map(\.steps) == [
            [],
            ["LL-B1|st-postponed|→ uitgesteld naar 2024-H1"],
            ["LL-B2|st-dropped|✗ vervallen", "LL-B1|st-done|✓ afgerond (uitgesteld uit 2023-H2)"],
            ["LL-B3|st-planned|○ gepland"],
        ])
        #expect(html.contains("te laat sinds 1 april 2024"), "the overdue step's own date (March 2024) governs, not the end of its half-year")
    }

    @Test("Each step links to its own section on the steps page, which shows its status and history")
    func stepLinks() {
        let index = SiteMarkup.text(pages, "index.html")
        #expect(index.contains("href=\"stappen.html#stap-mini-LL-A3\""))
        let steps = SiteMarkup.text(pages, "stappen.html")
        let a3 = SiteMarkup.matches("<section class=\"step\" id=\"stap-mini-LL-A3\"[^>]*>(.*?)</section>", in: steps)
        #expect(a3.count == 1)
        #expect(a3.first?.first?.contains("! te laat") == true)
        #expect(a3.first?.first?.contains("maart 2024") == true, "its date")
        #expect(steps.contains("Klaar &lt;b&gt;vóór&lt;/b&gt; de zomer &amp; op tijd"), "notes are shown, escaped")
        #expect(!steps.contains("Carla Jansen") && !steps.contains("c.jansen"), "no names of people on the site")
    }

    @Test("Every table header is a real th with scope; the matrix has a column per half-year and a row header per activity")
    func headers() {
        for path in ownPages {
            let html = SiteMarkup.text(pages, path)
            for th in SiteMarkup.matches("(<th[ >][^>]*>)", in: html).map(\.[0]) {
                #expect(th.contains("scope=\"col\"") || th.contains("scope=\"row\""), "\(path): \(th)")
            }
        }
        let index = SiteMarkup.text(pages, "index.html")
        let tables = SiteMarkup.matches("<table class=\"matrix\"[^>]*>(.*?)</table>", in: index).map(\.[0])
        #expect(tables.count == 1)
        let table = tables.first ?? ""
        #expect(SiteMarkup.matches("<th scope=\"col\"", in: table).count == 5)
        #expect(SiteMarkup.matches("<th scope=\"row\"", in: table).count == 2)
        #expect(table.contains("<caption id="))
        #expect(table.contains("2024 tweede half jaar <span class=\"meta\">(2024-H2, nu)</span>"), "the current half-year is marked")
        #expect(index.contains("Rollen: Schoolleiders (stelt voor); Directieteam (besluit)"))
        #expect(index.contains("<ul><li>eerste punt</li><li>tweede punt</li></ul>"), "the goal, with its list")
    }

    @Test("Pages are Dutch, self-contained and script-free, with texts escaped")
    func selfContained() {
        for path in ownPages {
            let html = SiteMarkup.text(pages, path)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"), "\(path)")
            #expect(html.contains("<meta charset=\"utf-8\">"), "\(path)")
            #expect(!html.lowercased().contains("<script"), "\(path)")
            #expect(!html.contains("<link"), "\(path): no external style sheets")
            #expect(!html.contains("url(") && !html.contains("@import") && !html.contains("@font-face"), "\(path)")
            #expect(SiteMarkup.matches("<style>", in: html).count == 1, "\(path): one style block")
            #expect(html.contains("@media print"), "\(path)")
            for value in SiteMarkup.matches("(?:src|href|action)=\"([^\"]*)\"", in: html).map(\.[0]) {
                #expect(!value.hasPrefix("http") && !value.hasPrefix("//") && !value.hasPrefix("/") && !value.contains(":"),
                        "\(path): \(value) is not a relative link")
            }
            #expect(html.contains("Stand per dinsdag 15 oktober 2024, 12:00"), "\(path)")
            #expect(!html.contains("<vaststellen>") && !html.contains("<SO&P>"), "\(path): agenda text is escaped")
        }
        #expect(SiteMarkup.text(pages, "index.html").contains("Beroepsbeeld &lt;vaststellen&gt; &amp; borgen."))
        #expect(SiteMarkup.text(pages, "index.html").contains("<title>Mini-agenda &lt;SO&amp;P&gt; — Ontwikkelagenda SV</title>"))
    }

    @Test("Every relative link leads to a page of the site, and every anchor to an element on it")
    func linksResolve() {
        let reports = [site.report(1, .halfYear, "2024-H1", html: "<!DOCTYPE html><html lang=\"nl\"><p>r</p></html>")]
        let pages = site.builder(reports: reports).pages()
        var checked = 0
        for path in ownPages {
            let html = SiteMarkup.text(pages, path)
            let folder = path.split(separator: "/").dropLast().map(String.init)
            for href in SiteMarkup.matches("href=\"([^\"]*)\"", in: html).map(\.[0]) {
                let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                var target = path
                if !parts[0].isEmpty {
                    var components = folder
                    for c in parts[0].split(separator: "/") {
                        if c == ".." { components.removeLast() } else { components.append(String(c)) }
                    }
                    target = components.joined(separator: "/")
                }
                #expect(pages[target] != nil, "\(path): \(href) leads nowhere")
                if parts.count == 2 {
                    #expect(SiteMarkup.text(pages, target).contains("id=\"\(parts[1])\""), "\(path): \(href) has no target")
                }
                checked += 1
            }
        }
        #expect(checked > 30)
        #expect(SiteMarkup.text(pages, "rapporten/index.html").contains("href=\"../mijlpalen.html\""))
    }

    @Test("Milestones: the coming ones first, then the past ones, each with its steps and their status")
    func milestones() {
        let html = SiteMarkup.text(pages, "mijlpalen.html")
        let sections = SiteMarkup.matches("<section class=\"milestone\" id=\"([^\"]+)\"[^>]*>(.*?)</section>", in: html)
        #expect(sections.map(\.[0]) == ["mijlpaal-mini-scan-2025-09", "mijlpaal-mini-scan-2023-09"])
        let coming = html.range(of: "Komende mijlpalen")!, past = html.range(of: "Voorbije mijlpalen")!
        #expect(coming.lowerBound < past.lowerBound)
        #expect(html.range(of: "mijlpaal-mini-scan-2025-09")!.lowerBound < past.lowerBound)
        #expect(html.range(of: "mijlpaal-mini-scan-2023-09")!.lowerBound > past.lowerBound)
        let linked = sections.map { SiteMarkup.matches("data-step=\"([^\"]+)\">.*?<span class=\"label\">([^<]*)</span>", in: $0[1]).map { "\($0[0]) \($0[1])" } }
        #expect(linked == [["LL-A2 → uitgesteld naar 2024-H2"], ["LL-B1 ✓ afgerond"]])
        #expect(html.contains("Tweejaarlijks."))
    }

    @Test("Reports: a list, newest first, and each archived report exactly as stored")
    func reports() {
        let html = "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Halfjaar</title></head><body><p>één &amp; twee</p></body></html>\n"
        let reports = [site.report(1, .year, "2023", html: "<p>jaar</p>"), site.report(2, .halfYear, "2024-H1", html: html),
                       site.report(3, .year, "../../etc", html: "<p>vreemd</p>")]
        let pages = site.builder(reports: reports).pages()
        #expect(pages["rapporten/halfyear-2024-H1.html"] == Array(html.utf8))
        #expect(pages["rapporten/year-2023.html"] == Array("<p>jaar</p>".utf8))
        #expect(pages["rapporten/year-rapport-3.html"] != nil, "a period that is not a plain name cannot name a path")
        #expect(SiteBuilder.path(of: reports[1]) == "rapporten/halfyear-2024-H1.html")
        let index = SiteMarkup.text(pages, "rapporten/index.html")
        let links = SiteMarkup.matches("<th scope=\"row\"><a href=\"([^\"]+)\">([^<]+)</a>", in: index)
        #expect(links.map(\.[0]) == ["halfyear-2024-H1.html", "year-2023.html", "year-rapport-3.html"])
        #expect(index.contains("Halfjaarrapportage") && index.contains("Jaarrapportage"))
        let empty = SiteMarkup.text(self.pages, "rapporten/index.html")
        #expect(empty.contains("Er zijn nog geen rapportages bewaard."))
    }

    @Test("The same state gives the same bytes")
    func deterministic() {
        #expect(site.builder().pages() == pages)
    }
}
