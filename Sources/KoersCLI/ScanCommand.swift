import Foundation
import KoersFormats
import KoersModel
import KoersServices
import KoersStore
import KoersSystem

/// `koers scan`: the biennial zelfscan. Answers come in from a spreadsheet or form export (`import`)
/// or one at a time (`record`); `report` gives each school its strongest points and points to
/// develop and what changed since the previous round; `adopt` turns a chosen point into a step of
/// the agenda.
enum ScanCommand: Subcommand {
    static let name = "scan"
    static let summary = "Zelfscans: import answers, report, adopt points into the agenda."

    static let actionNoun = "scan action"

    static let usages = [
        CommandUsage(.word("import"), "ROUND FILE.csv", options: [instrument, heldOn], run: importFile),
        CommandUsage(.word("record"), "ROUND ITEM LEVEL", options: [
            .value("school", "SCHOOL", required: true, "The school that answered: its id or name."),
            .value("respondent", "LABEL", "Which role or seat answered (\"directie\", \"schoolopleider 1\"), never a name."),
            .flag("replace", "Correct an answer given before."),
            instrument, heldOn,
        ], run: record),
        CommandUsage(.word("list"), options: [.json], run: list),
        CommandUsage(.word("report"), "ROUND", options: [
            .value("format", "FORMAT", "text (default), markdown, html or json. --json is short for --format json."),
            .value("school", "SCHOOL", "Only this school (its id or name)."),
            .value("out", "FILE", "Write the report to FILE instead of standard output."),
            .json,
        ], run: report),
        CommandUsage(.word("adopt"), "ROUND ITEM", options: [
            .value("theme", "CODE", required: true, "The theme (waarborg) that gets the step, e.g. KC."),
            .value("period", "YYYY-Hn", required: true, "The half-year the step is planned in."),
            .value("role", "ROLE[:DUTY][,ROLE[:DUTY]…]", required: true,
                   "Role ids, each optionally with its duty (executes, the default, proposes, decides, consulted, informed)."),
            .value("text", "TEXT", "The step's text (default: the item's)."),
            .value("activity", "ID", "The activity that gets the step (default: the theme's activity for adopted points)."),
            .value("agenda", "ID", "Which agenda, when several are loaded."),
            .value("by", "WHO", "Who decided to adopt it, for the step's history."),
        ], run: adopt),
    ]
    private static let instrument = CommandOption.value("instrument", "ID", "The instrument (checklist) of a new round.")
    private static let heldOn = CommandOption.value("on", "YYYY-MM-DD", "The day a new round was held; not after today.")

    static let explanation = """
    A scan round (e.g. zelfscan-2024) is one administration of a checklist (an instrument named in
    "scanInstruments" of the configuration) across the schools. The first import or record into a
    new round starts it: give --instrument and --on (the day it was held).

    import: reads the answers from a CSV file as a spreadsheet or form exports it: separator ; or ,
      (detected), UTF-8 with or without BOM, quoted fields. Either one answer per row, with columns
      school, respondent (optional), item (or vraag) and score (or niveau, level), or one row per
      school and respondent with a column per item id (OC1, OC2, … ; "OC1. text" works too).
      Schools by id or name, levels by number or label. All or nothing: every bad row is listed
      with its number and nothing is imported (exit 65).
    record: enters one answer; --replace corrects an answer given before.
    list: the rounds, with their schools, respondents, answers and adopted steps.
    report: per school (and for all schools) the means per category and overall, the strongest
      points and the points to develop (three of each), and what improved or declined since the
      previous round of the same instrument. --format text (default), markdown, html or json;
      --school SCHOOL for one school; --out FILE to write a file.
    adopt: turns a development point into a new step of the agenda: in the theme's activity for
      adopted points (opened with the next free letter), or in --activity ID, numbered on from its
      steps (e.g. KC-C1). --role takes role ids, each optionally with its duty (executes, the
      default, proposes, decides, consulted, informed); --text replaces the default text (the
      item's). The step shows everywhere the agenda does; `koers agenda export` writes the agenda
      file's next version with it.

    A respondent label says which role or seat answered ("directie", "schoolopleider 1"); it is
    never a person's name (at most \(ScanResponse.maxRespondentLength) characters, no addresses).

    """

    // MARK: Answers

    static func importFile(_ context: CommandContext) throws -> CommandOutput {
        let id = try context.arguments.positional(1, "ROUND (e.g. zelfscan-2024)")
        let file = try context.arguments.positional(2, "FILE.csv")
        try context.arguments.expectPositionals(atMost: 3)
        let workspace = try context.workspace()
        let now = try context.now(workspace.config.timeZone)
        let store = try context.openStore(workspace)
        let (round, instrument) = try roundAndInstrument(id, context, workspace, store, now: now)
        let result = try ScanImport(instrument: instrument, schools: workspace.config.schools)
            .run(file: file, round: round, store: store, at: now)
        return CommandOutput(stdout: "imported \(result.answers) answer(s) from \(result.schools) school(s) into scan round "
                             + "\(round.id) (\(instrument.id), held on \(round.heldOn))\n")
    }

    static func record(_ context: CommandContext) throws -> CommandOutput {
        let id = try context.arguments.positional(1, "ROUND (e.g. zelfscan-2024)")
        let itemText = try context.arguments.positional(2, "ITEM (e.g. OC1)")
        let levelText = try context.arguments.positional(3, "LEVEL (a number or a level's name)")
        try context.arguments.expectPositionals(atMost: 4)
        let schoolText = try context.required("school")
        let respondent = context.arguments.options["respondent"].flatMap { $0.isEmpty ? nil : $0 }
        if let respondent, let problem = ScanResponse.respondentProblem(respondent) { throw ScanError.badRespondent(problem) }
        let workspace = try context.workspace()
        let now = try context.now(workspace.config.timeZone)
        let store = try context.openStore(workspace)
        let (round, instrument) = try roundAndInstrument(id, context, workspace, store, now: now)
        let school = try resolveSchool(schoolText, workspace)
        guard let item = instrument.item(itemText) else { throw ScanError.unknownItem(itemText, instrument: instrument) }
        guard let level = instrument.level(parsing: levelText) else { throw ScanError.badLevel(levelText, instrument: instrument) }
        let response = ScanResponse(school: school, respondent: respondent, item: item.item.id, level: level.value)
        try store.recordScanResponses([response], round: round, replacing: context.arguments.flags.contains("replace"), at: now)
        return CommandOutput(stdout: "\(round.id): \(response.key) = \(level.value) (\(level.label))\n")
    }

    /// The round to record into, started (with `--instrument` and `--on`) when new, and its instrument.
    private static func roundAndInstrument(_ id: String, _ context: CommandContext, _ workspace: Workspace, _ store: Store,
                                           now: Date) throws -> (ScanRound, ScanInstrument) {
        let options = context.arguments.options
        var heldOn: LocalDate?
        if let text = options["on"] {
            guard let day = LocalDate(text) else { throw UsageError("--on \"\(text)\" is not a date; expected YYYY-MM-DD") }
            let today = workspace.config.timeZone.localDate(of: now)
            guard day <= today else { throw ScanError.heldInFuture(day, today: today) }
            heldOn = day
        }
        let known = workspace.scanInstruments.map(\.id)
        if let existing = try store.scanRound(id) {
            if let instrument = options["instrument"], instrument != existing.instrument {
                throw ScanError.roundDiffers(existing, instrument: instrument, heldOn: heldOn)
            }
            if let heldOn, heldOn != existing.heldOn { throw ScanError.roundDiffers(existing, instrument: nil, heldOn: heldOn) }
            guard let instrument = workspace.scanInstruments.first(where: { $0.id == existing.instrument }) else {
                throw ScanError.instrumentNotLoaded(round: existing.id, instrument: existing.instrument)
            }
            return (existing, instrument)
        }
        guard IdentifierPattern.slug.matches(id) else {
            throw UsageError("\"\(id)\" cannot name a scan round; expected \(IdentifierPattern.slug.expected), e.g. zelfscan-2024")
        }
        guard let instrumentID = options["instrument"], let heldOn else { throw ScanError.newRoundNeedsInstrumentAndDate(id) }
        guard let instrument = workspace.scanInstruments.first(where: { $0.id == instrumentID }) else {
            throw ScanError.unknownInstrument(instrumentID, known: known)
        }
        return (ScanRound(id: id, instrument: instrument.id, heldOn: heldOn), instrument)
    }

    private static func resolveSchool(_ text: String, _ workspace: Workspace) throws(ScanError) -> String {
        guard let school = ScanImport.school(text, in: workspace.config.schools) else {
            throw .unknownSchool(text, known: workspace.config.schools.map(\.id))
        }
        return school.id
    }

    // MARK: Rounds and reports

    struct RoundLine: Encodable {
        var id: String
        var heldOn: String
        var instrument: String
        var schools: Int
        var respondents: Int
        var answers: Int
        var adoptedSteps: [String]
    }

    static func list(_ context: CommandContext) throws -> CommandOutput {
        try context.arguments.expectPositionals(atMost: 1)
        let workspace = try context.workspace()
        let store = try context.openStore(workspace)
        let amendments = try store.allAmendments()
        let lines = try store.scanRounds().map { round in
            RoundLine(id: round.id, heldOn: round.heldOn.description, instrument: round.instrument,
                      schools: Set(round.responses.map(\.school)).count,
                      respondents: Set(round.responses.map { "\($0.school)|\($0.respondent ?? "")" }).count,
                      answers: round.responses.count,
                      adoptedSteps: amendments.filter { $0.scanRound == round.id }.map { "\($0.agenda):\($0.key)" })
        }
        if context.json { return CommandOutput(stdout: try context.encode(lines)) }
        guard !lines.isEmpty else {
            return CommandOutput(stdout: "No scan rounds yet; `koers scan import ROUND FILE.csv --instrument ID --on DATE` starts one.\n")
        }
        var out = TextLayout.pad("round", 18) + TextLayout.pad("held on", 12) + TextLayout.pad("instrument", 22)
            + "schools  respondents  answers  adopted\n"
        for line in lines {
            out += TextLayout.pad(line.id, 18) + TextLayout.pad(line.heldOn, 12) + TextLayout.pad(line.instrument, 22)
                + TextReportRenderer.left("\(line.schools)", 7) + TextReportRenderer.left("\(line.respondents)", 13)
                + TextReportRenderer.left("\(line.answers)", 9) + "  "
                + (line.adoptedSteps.isEmpty ? "–" : line.adoptedSteps.joined(separator: ", ")) + "\n"
        }
        return CommandOutput(stdout: out)
    }

    static func report(_ context: CommandContext) throws -> CommandOutput {
        let id = try context.arguments.positional(1, "ROUND (e.g. zelfscan-2024)")
        try context.arguments.expectPositionals(atMost: 2)
        let format = try ReportCommand.format(context)
        let workspace = try context.workspace()
        let store = try context.openStore(workspace)
        let school = try context.arguments.options["school"].map { text throws(ScanError) in try resolveSchool(text, workspace) }
        let report = try ScanAnalysis(store: store, workspace: workspace).report(round: id, school: school)
        let text = format.render(report)
        guard let path = context.arguments.options["out"] else { return CommandOutput(stdout: text) }
        try AtomicFile.write(text, to: path)
        return CommandOutput(stderr: "Wrote the report on scan round \(id) (\(format.rawValue)) to \(path).\n")
    }

    // MARK: Feedforward

    static func adopt(_ context: CommandContext) throws -> CommandOutput {
        let round = try context.arguments.positional(1, "ROUND (e.g. zelfscan-2024)")
        let item = try context.arguments.positional(2, "ITEM (e.g. FO6)")
        try context.arguments.expectPositionals(atMost: 3)
        let options = context.arguments.options
        let theme = try context.required("theme")
        let periodText = try context.required("period")
        guard let period = HalfYear(periodText) else {
            throw UsageError("--period \"\(periodText)\" is not a half-year; expected YYYY-H1 or YYYY-H2")
        }
        // Without --role, the adoption says a step needs one (and which roles there are).
        let roles = try roleDuties(options["role"] ?? "")
        let workspace = try context.workspace()
        let tz = workspace.config.timeZone
        let now = try context.now(tz)
        let store = try context.openStore(workspace)
        let amendment = try ScanAdoption(round: round, item: item, agenda: options["agenda"], theme: theme, period: period, roles: roles,
                                         text: options["text"], activity: options["activity"], by: options["by"])
            .adopt(workspace: workspace, store: store, now: now)
        return CommandOutput(stdout: "\(amendment.key) added to agenda \(amendment.agenda), activity \(amendment.themeCode)-\(amendment.activityID), "
                             + "\(amendment.period): \(amendment.text)\n")
    }

    /// `schoolopleiders,directieteam:decides`: role ids, each with its duty (executes by default).
    static func roleDuties(_ text: String) throws(UsageError) -> [RoleDuty] {
        let duties = Duty.allCases.map(\.rawValue).joined(separator: ", ")
        return try text.split(separator: ",").map { part throws(UsageError) in
            let pieces = part.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard pieces.count <= 2, IdentifierPattern.slug.matches(pieces[0]) else {
                throw UsageError("--role \"\(part)\" is not ROLE or ROLE:DUTY (e.g. directieteam:decides)")
            }
            guard let duty = pieces.count == 2 ? Duty(rawValue: pieces[1]) : .executes else {
                throw UsageError("\"\(pieces[1])\" is not a duty; expected one of: \(duties)")
            }
            return RoleDuty(role: pieces[0], duty: duty)
        }
    }
}
