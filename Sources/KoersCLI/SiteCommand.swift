import Foundation
import KoersServices

/// `koers site --out DIR`: the agenda as a static website, for a web server or a file share.
enum SiteCommand: Subcommand {
    static let name = "site"
    static let summary = "Write the agenda as a static website (matrix, steps, milestones, reports)."
    static let usages = [CommandUsage(options: [
        .value("out", "DIR", required: true, "The folder to write the site to; its parent folder must exist."),
        CommandOption.now.meaning("Show the agenda as it was (or will be) on DATE."),
        .json,
    ], run: run)]
    static let explanation = """
    Writes the agenda as a static website into DIR: index.html (per waarborg the activities ×
    half-years with every step's status), stappen.html (every step with its history),
    mijlpalen.html (coming and past milestones) and rapporten/ (the archived reports, exactly as
    mailed). Dutch, no scripts, no external files: serve DIR with any web server or open it from a
    file share. The site is built next to DIR and swapped in whole, so readers never see half of it.
    DIR must be new, empty, or a site Koers wrote before (it holds a .koers-site file); its whole
    content is replaced.

    """

    struct Written: Encodable {
        var folder: String
        var files: [String]
        var reports: Int
    }

    static func run(_ context: CommandContext) throws -> CommandOutput {
        try context.arguments.expectPositionals(atMost: 0)
        let out = try context.required("out")
        let workspace = try context.workspace()
        let moment = try context.now(workspace.config.timeZone)
        let store = try context.openStore(workspace)
        let site = try SiteBuilder(workspace: workspace, store: store, now: moment)
        let pages = site.pages()
        try SiteWriter.write(pages, to: out)
        let reports = site.reports
        let written = Written(folder: out, files: pages.keys.sorted(), reports: reports.count)
        if context.json { return CommandOutput(stdout: try context.encode(written)) }
        return CommandOutput(stdout: "wrote the site to \(out): \(pages.count) file(s), \(reports.count) archived report(s); open \(out)/index.html\n")
    }
}
