import Foundation
import KoersDaemon
import KoersFormats
import KoersModel
import KoersStore

/// `koers check`: load the configuration and every agenda and template, and report every problem.
enum CheckCommand: Subcommand {
    static let name = "check"
    static let summary = "Check the configuration, agendas and templates; list every problem."
    static let usages = [CommandUsage(options: [.config, .json], run: run)]
    static let explanation = """
    Loads the configuration and every agenda and template it names, and reports all problems in one
    run: malformed JSON with file, line and column; bad content with its JSON path, the bad value and
    what would be valid; and consistency warnings (duplicate ids, roles nobody holds, steps outside
    the horizon, a step linked to a milestone in another half-year, history whose step disappeared).
    Exits 0 when there are no errors (warnings allowed), 65 otherwise.

    """

    struct Report: Encodable {
        var ok: Bool
        var errors: Int
        var warnings: Int
        var diagnostics: [Line]
        var agendas: [AgendaCount]
        var templates: [TemplateCount]
        var people: Int
        /// The database file every koers process of this configuration uses.
        var database: String?

        struct Line: Encodable {
            var severity: String
            var file: String
            var line: Int?
            var column: Int?
            var path: String?
            var message: String
        }
        struct AgendaCount: Encodable {
            var id: String, file: String, themes: Int, activities: Int, steps: Int, milestones: Int, indicators: Int
        }
        struct TemplateCount: Encodable {
            var id: String, file: String, phases: Int, items: Int
        }
    }

    static func run(_ context: CommandContext) throws -> CommandOutput {
        try context.arguments.expectPositionals(atMost: 0)
        let loaded = Workspace.check(configPath: context.configPath, environment: context.environment)
        var diagnostics = loaded.diagnostics
        if let workspace = loaded.workspace {
            diagnostics += try orphanedHistory(workspace)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let workspace = loaded.workspace
        let report = Report(
            ok: errors == 0, errors: errors, warnings: warnings,
            diagnostics: diagnostics.map {
                .init(severity: $0.severity.rawValue, file: $0.file, line: $0.position?.line, column: $0.position?.column,
                      path: $0.path.map(\.description), message: $0.message)
            },
            agendas: zip(workspace?.agendas ?? [], workspace?.config.agendaPaths ?? []).map { agenda, file in
                .init(id: agenda.id, file: file, themes: agenda.themes.count,
                      activities: agenda.themes.reduce(0) { $0 + $1.activities.count },
                      steps: agenda.placedSteps.count, milestones: agenda.milestones.count,
                      indicators: agenda.indicators.count)
            },
            templates: zip(workspace?.templates ?? [], workspace?.config.templatePaths ?? []).map { template, file in
                .init(id: template.id, file: file, phases: template.phases.count, items: template.items.count)
            },
            people: workspace?.config.people.count ?? 0,
            database: workspace?.config.databasePath)
        let code: ExitCode = errors == 0 ? .ok : .invalidData
        if context.json { return CommandOutput(stdout: try context.encode(report), exitCode: code) }

        var out = ""
        for agenda in report.agendas {
            out += "agenda \(agenda.id) (\(agenda.file)): \(agenda.themes) themes, \(agenda.activities) activities, "
                + "\(agenda.steps) steps, \(agenda.milestones) milestones, \(agenda.indicators) indicators\n"
        }
        for template in report.templates {
            out += "template \(template.id) (\(template.file)): \(template.phases) phases, \(template.items) items\n"
        }
        if let workspace {
            let path = workspace.config.databasePath
            out += "\(workspace.config.people.count) people\n"
            out += "database \(path)" + (FileManager.default.fileExists(atPath: path) ? "" : " (not created yet)")
                + (DaemonLock.holder(database: path).map { "; daemon running (\($0))" } ?? "") + "\n"
        }
        let problems = diagnostics.map { "\($0)\n" }.joined()
        let verdict = errors == 0
            ? "OK: no errors, \(warnings) warning(s).\n"
            : "Error: \(errors) error(s), \(warnings) warning(s).\n"
        return CommandOutput(stdout: out, stderr: problems + verdict, exitCode: code)
    }

    /// What the database holds for parts the current agenda files no longer contain (renamed or
    /// removed in a revision): history of steps, measurements of indicators, spending on activities;
    /// and any of them for agendas no longer loaded. Nothing is lost, but reports leave it out, so
    /// the Co-OP'er should know. Only looks when the database already exists.
    static func orphanedHistory(_ workspace: Workspace) throws -> [Diagnostic] {
        let path = workspace.config.databasePath
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let store = try Store(path: path)
        let measurements = try store.measurements()
        let spending = try store.spending()
        var found: [Diagnostic] = []
        let loaded = Set(workspace.agendas.map(\.id))
        for (agenda, file) in zip(workspace.agendas, workspace.config.agendaPaths) {
            let amended = agenda.amended(by: try store.amendments(agenda: agenda.id))
            let known = Set(amended.placedSteps.map(\.key))
            for key in try store.stepsWithHistory(agenda: agenda.id).sorted() where !known.contains(key) {
                found.append(Diagnostic(.warning, file: file,
                    "the database holds history for step \(key), which this version of agenda \(agenda.id) no longer has; "
                    + "restore the step or its key if it was renamed (the history is kept)"))
            }
            let indicators = Set(amended.indicators.map(\.id))
            for indicator in Set(measurements.filter { $0.agenda == agenda.id }.map(\.indicator)).sorted()
            where !indicators.contains(indicator) {
                found.append(Diagnostic(.warning, file: file,
                    "the database holds measurements of indicator \"\(indicator)\", which this version of agenda \(agenda.id) "
                    + "no longer has; reports leave them out until the indicator or its id is restored (they are kept)"))
            }
            let activities = Set(amended.themes.flatMap { $0.activities.map(\.key) })
            for activity in Set(spending.filter { $0.agenda == agenda.id }.map(\.activity)).sorted(by: { "\($0)" < "\($1)" })
            where !activities.contains(activity) {
                found.append(Diagnostic(.warning, file: file,
                    "the database holds spending on activity \(activity), which this version of agenda \(agenda.id) no longer has; "
                    + "reports leave it out until the activity or its key is restored (it is kept)"))
            }
        }
        let elsewhere: [(what: String, agendas: Set<String>)] = [
            ("history", Set(try store.agendasWithHistory())),
            ("measurements", Set(measurements.map(\.agenda))),
            ("spending", Set(spending.map(\.agenda))),
        ]
        for (what, agendas) in elsewhere {
            for agenda in agendas.subtracting(loaded).sorted() {
                found.append(Diagnostic(.warning, file: workspace.config.file,
                    "the database holds \(what) for agenda \"\(agenda)\", which is not loaded (check \"agendas\")"))
            }
        }
        return found
    }
}
