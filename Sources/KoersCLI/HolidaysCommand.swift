import Foundation
import KoersFormats
import KoersSystem

/// `koers holidays import FILE --region R`: the government's school holidays as a quiet-periods file.
enum HolidaysCommand: Subcommand {
    static let name = "holidays"
    static let summary = "Import the school holidays (rijksoverheid open data) as quiet periods."
    static let usages = [CommandUsage(.word("import"), "FILE", options: [
        .choice("region", SchoolHolidays.Region.allCases.map(\.rawValue), required: true, "The holiday region of the schools."),
        .value("out", "PATH", "Write to PATH (atomically) instead of stdout. When PATH already is a quiet-periods file of the "
               + "same region, merge: periods with the same name are replaced, the others kept, all sorted by start day."),
        CommandOption.json.meaning("With --out: print the summary as JSON on stdout."),
    ], run: run)]
    static let explanation = """
    Reads the Dutch school holidays as the government publishes them (one or more school years), e.g.
      curl -o 2025-2026.json 'https://opendata.rijksoverheid.nl/v1/sources/rijksoverheid/infotypes/schoolholidays/schoolyear/2025-2026?output=json'
    and writes the holidays of one region as a quiet-periods file (koers-quiet-periods/1), named like
    "Herfstvakantie 2025-2026 regio noord". Holidays for "heel Nederland" are in every region. Each
    start and end is read as the day it falls on in Amsterdam; both days are quiet. A summary goes to
    stderr. Nothing is written when FILE has a problem; every problem is listed with its position.

    Use the file in the configuration: "quietPeriods": { "include": ["vakanties-noord.json"] }
    (relative to the configuration's folder), then `koers check`, and SIGHUP the daemon.

    """

    /// The summary, for `--json`.
    struct Summary: Encodable {
        var region: String
        var file: String
        var out: String?
        var imported: Int
        var added: Int
        var replaced: Int
        var kept: Int
        var first: String?
        var last: String?
    }

    static func run(_ context: CommandContext) throws -> CommandOutput {
        let file = try context.arguments.positional(1, "FILE (the school holidays, JSON from opendata.rijksoverheid.nl)")
        try context.arguments.expectPositionals(atMost: 2)
        let regionText = try context.required("region")
        guard let region = SchoolHolidays.Region(rawValue: regionText.lowercased()) else {
            throw UsageError("unknown region \"\(regionText)\"; expected one of: \(SchoolHolidays.Region.spellings)")
        }
        let out = context.arguments.options["out"]
        if context.json && out == nil {
            throw UsageError("--json prints the summary of what --out wrote; without --out the file itself goes to stdout")
        }

        let log = DiagnosticLog(file: file)
        let holidays = SchoolHolidays.load(file, log: log)
        let imported = holidays.map { $0.periods(for: region, log: log) } ?? []
        if let holidays, !log.hasErrors, imported.isEmpty {
            log.error("no school holidays for region \(region.rawValue) in \(holidays.schoolYears.count) school year(s); "
                      + "is this the schoolholidays JSON of opendata.rijksoverheid.nl?")
        }
        guard let holidays, !log.hasErrors else { return invalid(log.items, "nothing was written; fix \(file) or download it again") }
        let source = sourcePrefix + holidays.schoolYears.joined(separator: ", ")

        var result = QuietPeriodsFile(source: source, region: region.rawValue, periods: QuietPeriodsFile.sorted(imported))
        var count = QuietPeriodsFile.MergeCount(added: imported.count)
        if let out, FileManager.default.fileExists(atPath: out) {
            let existingLog = DiagnosticLog(file: out)
            guard let existing = QuietPeriodsFile.load(out, log: existingLog) else {
                return invalid(existingLog.items, "\(out) exists but is not a quiet-periods file (\(QuietPeriodsFile.format)) to merge into; "
                               + "nothing was written. Fix it, or choose another --out")
            }
            if let other = existing.region, other != region.rawValue {
                throw ImportRefusal.otherRegion(path: out, holds: other, asked: region.rawValue)
            }
            (result, count) = existing.merging(imported)
            result.region = region.rawValue
            result.source = merged(source: existing.source, with: source)
        }

        let summary = Summary(region: region.rawValue, file: file, out: out, imported: imported.count, added: count.added,
                              replaced: count.replaced, kept: count.kept,
                              first: imported.map(\.range.lowerBound).min()?.description,
                              last: imported.map(\.range.upperBound).max()?.description)
        guard let out else { return CommandOutput(stdout: result.text, stderr: text(summary)) }
        try AtomicFile.write(result.text, to: out)
        if context.json { return CommandOutput(stdout: try context.encode(summary)) }
        return CommandOutput(stderr: text(summary))
    }

    /// Why an import wrote nothing although the holidays file was fine (exit 1).
    enum ImportRefusal: Error, CustomStringConvertible {
        case otherRegion(path: String, holds: String, asked: String)

        var description: String {
            switch self {
            case let .otherRegion(path, holds, asked):
                return "\(path) holds the holidays of region \(holds), not \(asked); nothing was written. "
                    + "Import --region \(holds) into it, or write region \(asked) to another --out."
            }
        }
    }

    /// "Imported 10 quiet period(s) for region noord (2024-10-19 … 2026-08-16) into PATH: 8 new, 2 replaced, 2 kept."
    static func text(_ s: Summary) -> String {
        let span = s.first.flatMap { first in s.last.map { " (\(first) … \($0))" } } ?? ""
        guard let out = s.out else { return "Imported \(s.imported) quiet period(s) for region \(s.region)\(span) from \(s.file).\n" }
        return "Imported \(s.imported) quiet period(s) for region \(s.region)\(span) from \(s.file) into \(out): "
            + "\(s.added) new, \(s.replaced) replaced, \(s.kept) kept.\n"
    }

    /// How an imported file names its source; the school years follow.
    static let sourcePrefix = "opendata.rijksoverheid.nl, schoolvakanties "

    /// The source of a merged file: both lists of school years in one, or else both texts.
    static func merged(source existing: String?, with new: String) -> String {
        guard let existing, !existing.isEmpty else { return new }
        if existing.hasPrefix(sourcePrefix), new.hasPrefix(sourcePrefix) {
            let years = (existing.dropFirst(sourcePrefix.count) + ", " + new.dropFirst(sourcePrefix.count))
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return sourcePrefix + Set(years).sorted().joined(separator: ", ")
        }
        return existing.contains(new) ? existing : existing + "; " + new
    }

    private static func invalid(_ diagnostics: [Diagnostic], _ advice: String) -> CommandOutput {
        let errors = diagnostics.filter { $0.severity == .error }.count
        return CommandOutput(stderr: diagnostics.map { "\($0)\n" }.joined() + "Error: \(errors) error(s); \(advice).\n",
                             exitCode: .invalidData)
    }
}
