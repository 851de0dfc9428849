import KoersModel

/// The frame every page of the site shares: a complete HTML document in Dutch with the inline
/// style sheet, the navigation between the pages (relative links, so the folder can be served
/// from any path or opened from a file share) and the "Stand per" line.
struct SitePage {
    /// Where the page lives in the site, e.g. `rapporten/index.html`.
    var path: String
    var title: String
    /// The main part of the page, already HTML.
    var body: String

    /// The pages in the navigation, in order.
    static let navigation: [(path: String, title: String)] = [
        ("index.html", "Agenda"),
        ("stappen.html", "Stappen"),
        ("mijlpalen.html", "Mijlpalen"),
        ("rapporten/index.html", "Rapporten"),
    ]

    /// The page as a complete document. `siteName` heads the navigation bar; `stand` is the moment
    /// the site shows, in words.
    func html(siteName: String, stand: String) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<meta name=\"generator\" content=\"Koers \(KoersVersion.current)\">\n"
        h += "<title>\(SiteHTML.escape(title)) — \(SiteHTML.escape(siteName))</title>\n"
        h += "<style>\n\(SiteStyle.css)\n</style>\n</head>\n<body>\n"
        h += "<a class=\"skip\" href=\"#inhoud\">Naar de inhoud</a>\n"
        h += "<header class=\"site\"><nav aria-label=\"Site\"><span class=\"name\">\(SiteHTML.escape(siteName))</span><ul>"
        for item in Self.navigation {
            let current = item.path == path ? " aria-current=\"page\"" : ""
            h += "<li><a href=\"\(link(to: item.path))\"\(current)>\(SiteHTML.escape(item.title))</a></li>"
        }
        h += "</ul></nav></header>\n"
        h += "<main id=\"inhoud\">\n<h1>\(SiteHTML.escape(title))</h1>\n"
        h += "<p class=\"stand\">Stand per \(SiteHTML.escape(stand))</p>\n"
        h += body
        h += "\n</main>\n<footer>Gemaakt door Koers \(KoersVersion.current).</footer>\n"
        h += "</body>\n</html>\n"
        return h
    }

    /// A relative link from this page to `target` (a path from the site's root, optionally with
    /// `#anchor`): `rapporten/index.html` links to `index.html` as `../index.html`.
    func link(to target: String) -> String {
        Self.link(from: path, to: target)
    }

    static func link(from page: String, to target: String) -> String {
        if target.hasPrefix("#") { return target }
        var from = page.split(separator: "/").dropLast().map(String.init)
        var to = target.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        while let a = from.first, to.count > 1, to.first == a {
            from.removeFirst()
            to.removeFirst()
        }
        return String(repeating: "../", count: from.count) + to.joined(separator: "/")
    }
}
