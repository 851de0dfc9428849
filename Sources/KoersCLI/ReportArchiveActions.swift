import Foundation
import KoersFormats
import KoersModel
import KoersStore
import KoersSystem

/// `koers report archive`: the archived reports, those the daemon mailed and those archived by hand.
enum ReportArchiveAction {
    static let usage = CommandUsage(.word("archive"), options: [.json]) { context in
        try run(context, arguments: ReportCommand.operands(context))
    }
    static let explanation = """
    archive: the archived reports (those the daemon mailed, and those archived with `koers report
    halfyear|year … --archive`), one line each: id, period, the day it speaks for, when it was
    archived, and its title. `koers report show ID` prints one exactly as it was archived.

    """
    struct Line: Encodable {
        var id: Int64
        var kind: String
        var period: String
        var asOf: String
        var archivedAt: String
        var title: String

        init(_ report: Store.ArchivedReport) {
            id = report.id
            kind = report.kind.rawValue
            period = report.period
            asOf = report.asOf.description
            archivedAt = Timestamp.format(report.createdAt)
            title = report.title
        }
    }

    static func run(_ context: CommandContext, arguments: [String]) throws -> CommandOutput {
        if let extra = arguments.first { throw UsageError("unexpected argument \"\(extra)\"") }
        let workspace = try context.workspace()
        let reports = try context.openStore(workspace).archivedReports()
        let lines = reports.map(Line.init)
        if context.json { return CommandOutput(stdout: try context.encode(lines)) }
        guard !lines.isEmpty else { return CommandOutput(stdout: "Nog geen rapportages gearchiveerd.\n") }
        let tz = workspace.config.timeZone
        var out = "id  periode  stand per   gearchiveerd  titel\n"
        for (report, line) in zip(reports, lines) {
            out += TextLayout.pad(String(line.id), 4) + TextLayout.pad(line.period, 9) + TextLayout.pad(line.asOf, 12)
                + TextLayout.pad(tz.localDate(of: report.createdAt).description, 14) + line.title + "\n"
        }
        return CommandOutput(stdout: out)
    }
}

/// `koers report show ID`: one archived report, byte for byte as mailed.
enum ReportShowAction {
    static let usage = CommandUsage(.word("show"), "ID", options: [
        .choice("format", ["text", "html", "json"], "Which of the archived forms (default: text). --json is short for --format json."),
        .value("out", "FILE", "Write it to FILE instead of standard output."),
        .json,
    ]) { context in
        try run(context, arguments: ReportCommand.operands(context))
    }
    static let explanation = """
    show ID: an archived report exactly as it was mailed: the plain text (default), the HTML or
    the JSON. IDs are listed by `koers report archive`.

    """
    static func run(_ context: CommandContext, arguments: [String]) throws -> CommandOutput {
        guard let text = arguments.first else { throw UsageError("missing the report id; `koers report archive` lists them") }
        if arguments.count > 1 { throw UsageError("unexpected argument \"\(arguments[1])\"") }
        guard let id = Int64(text), id > 0 else { throw UsageError("\"\(text)\" is not a report id; expected a number such as 1") }
        let format = try ReportCommand.format(context)
        let workspace = try context.workspace()
        guard let report = try context.openStore(workspace).archivedReport(id: id) else {
            throw UsageError("no archived report \(id); `koers report archive` lists them")
        }
        let content: String
        switch format {
        case .text: content = report.text
        case .html: content = report.html
        case .json: content = report.json
        case .markdown: throw UsageError("archived reports are kept as text, HTML and JSON; --format markdown is not among them")
        }
        guard let path = context.arguments.options["out"] else { return CommandOutput(stdout: content) }
        try AtomicFile.write(content, to: path)
        return CommandOutput(stdout: "wrote archived report \(id) (\(report.period), \(format.rawValue)) to \(path)\n")
    }
}
