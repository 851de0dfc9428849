import Foundation
import KoersModel

/// Everything Koers works from, loaded and checked: the configuration and its agendas and templates.
/// Commands and the daemon start here; a reload builds a new one and keeps the old on failure.
public struct Workspace: Sendable {
    public var config: Config
    public var agendas: [Agenda]
    public var templates: [Template]
    /// The trajectory templates starters and students follow (and stappenplannen run as trajectories).
    public var trajectoryTemplates: [TrajectoryTemplate] = []
    /// The zelfscan checklists the configuration names (`scanInstruments`).
    public var scanInstruments: [ScanInstrument] = []
    /// Warnings found while loading (errors prevent a workspace from existing).
    public var warnings: [Diagnostic]
    /// The roles in use that no person holds, with what uses each: the reminders, reports and
    /// replies meant for them reach nobody. Also among `warnings`; empty when every role is held.
    public var rolesWithoutHolders: [UnheldRole] = []

    /// All problems found in one run, errors first.
    public struct Invalid: Error, CustomStringConvertible, Sendable {
        public var diagnostics: [Diagnostic]

        package init(diagnostics: [Diagnostic]) {
            self.diagnostics = diagnostics
        }
        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
        public var description: String {
            "\(errors.count) error(s) in the configuration or agendas:\n"
                + diagnostics.map { "  \($0)" }.joined(separator: "\n")
        }
    }

    /// The outcome of `check`: a workspace when there are no errors, and every diagnostic either way.
    public struct Loaded: Sendable {
        public var workspace: Workspace?
        public var diagnostics: [Diagnostic]
    }

    /// Loads and validates; throws with every problem when there is any error.
    public static func load(configPath: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(Invalid) -> Workspace {
        let loaded = check(configPath: configPath, environment: environment)
        guard let workspace = loaded.workspace else { throw Invalid(diagnostics: loaded.diagnostics) }
        return workspace
    }

    /// Loads everything it can and reports every problem, as `koers check` does.
    public static func check(configPath: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Loaded {
        check(configPath: configPath, environment: environment, parse: SourceFile.parse)
    }

    /// `check` with the files read through `parse`, so the fuzzing harness loads from memory.
    static func check(configPath: String, environment: [String: String],
                      parse: (String, DiagnosticLog) -> JSONNode?) -> Loaded {
        let configLog = DiagnosticLog(file: configPath)
        guard let root = parse(configPath, configLog),
              let raw = ConfigDecoder(log: configLog).decode(root) else {
            return Loaded(workspace: nil, diagnostics: configLog.items)
        }
        let configFolder = (configPath as NSString).deletingLastPathComponent
        func resolve(_ path: String, against folder: String) -> String {
            if path.hasPrefix("/") || folder.isEmpty { return path }
            return FilePath.normalized(folder + "/" + path)
        }
        // Every process resolves the database the same way, whatever its environment or working
        // folder, so the daemon and every `koers` command share one file. The rest of the state
        // (the site, a mail folder) lives beside it, never in the configuration's folder.
        let databasePath = resolve(raw.database ?? Config.defaultDatabasePath, against: configFolder)
        let stateFolder = (databasePath as NSString).deletingLastPathComponent
        var diagnostics = configLog.items
        // Included quiet-periods files (the school holidays `koers holidays import` wrote) add to the inline periods.
        var quietPeriods = raw.quietPeriods
        let quietPeriodFiles = raw.quietPeriodFiles.map { Sourced(value: resolve($0.value, against: configFolder), path: $0.path) }
        quietPeriods.periods += loadEach(quietPeriodFiles, parse, into: &diagnostics) { root, log in
            QuietPeriodsFile.decode(root, log: log)
        }.values.flatMap(\.value.periods)
        let config = Config(
            file: configPath,
            databasePath: databasePath,
            timeZone: raw.timeZone,
            agendaPaths: raw.agendas.map { resolve($0.value, against: configFolder) },
            templatePaths: raw.templates.map { resolve($0.value, against: configFolder) },
            schools: raw.schools,
            people: raw.people,
            mail: mailConfig(raw.mail, resolve: { resolve($0, against: stateFolder) }),
            reminders: raw.reminders,
            quietPeriods: quietPeriods,
            reports: {
                var rules = raw.reports
                rules.siteFolder = rules.siteFolder.map { resolve($0, against: stateFolder) }
                return rules
            }(),
            trajectoryPaths: raw.trajectories.map { resolve($0.value, against: configFolder) },
            privacy: raw.privacy,
            scanInstrumentPaths: raw.scanInstruments.map { resolve($0.value, against: configFolder) })
        func files(_ named: [Sourced<String>], _ resolved: [String]) -> [Sourced<String>] {
            zip(named, resolved).map { Sourced(value: $1, path: $0.path) }
        }

        // Checks across files run only when the files they look into loaded whole: otherwise they
        // would report everything a broken file left out.
        let (agendas, agendasWhole) = loadEach(files(raw.agendas, config.agendaPaths), parse, into: &diagnostics) { root, log in
            AgendaDecoder(log: log).decode(root).map { agenda in
                if !log.hasStructuralErrors { AgendaValidator(agenda: agenda, log: log, root: root).validate() }
                return agenda
            }
        }
        let (templates, templatesWhole) = loadEach(files(raw.templates, config.templatePaths), parse, into: &diagnostics) { root, log in
            TemplateDecoder(log: log).decode(root).map { template in
                if !log.hasStructuralErrors { TemplateValidator(template: template, log: log, root: root).validate() }
                return template
            }
        }
        // A trajectory names roles of the agendas; one that no agenda or template defines and
        // nobody holds is reported in the trajectory, where it is misspelt.
        let definedRoles = agendas.flatMap { $0.value.roles.map(\.id) } + templates.flatMap { $0.value.roles.map(\.id) }
        let otherRoles = ConfigValidator.heldRoles(root).flatMap { held in
            agendasWhole && templatesWhole ? Set(definedRoles + held.map(\.value)) : nil
        }
        let (trajectoryTemplates, trajectoriesWhole) = loadEach(files(raw.trajectories, config.trajectoryPaths), parse,
                                                               into: &diagnostics) { root, log in
            TrajectoryTemplateDecoder(log: log, otherRoles: otherRoles).decode(root)
        }
        let instruments = loadEach(files(raw.scanInstruments, config.scanInstrumentPaths), parse, into: &diagnostics) { root, log in
            ScanInstrumentDecoder(log: log).decode(root)
        }.values
        let crossLog = DiagnosticLog(file: configPath)
        checkStateFolder(databasePath: databasePath, environment: environment, log: crossLog, root: root)
        var instrumentIDs: Set<String> = []
        for loaded in instruments where !instrumentIDs.insert(loaded.value.id).inserted {
            Cursor(root: root, at: loaded.path).error(crossLog,
                "another scan instrument has the id \"\(loaded.value.id)\" too; instrument ids must be unique")
        }
        let unheld = ConfigValidator(config: config, agendas: agendas, templates: templates.map(\.value),
                                     trajectoryTemplates: trajectoryTemplates,
                                     complete: agendasWhole && templatesWhole && trajectoriesWhole, log: crossLog, root: root).validate()
        diagnostics += crossLog.items
        diagnostics.sort { $0.severity < $1.severity }
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return Loaded(workspace: nil, diagnostics: diagnostics)
        }
        let workspace = Workspace(config: config, agendas: agendas.map(\.value), templates: templates.map(\.value),
                                  trajectoryTemplates: trajectoryTemplates.map(\.value),
                                  scanInstruments: instruments.map(\.value), warnings: diagnostics, rolesWithoutHolders: unheld)
        return Loaded(workspace: workspace, diagnostics: diagnostics)
    }

    /// Under systemd (`StateDirectory=`), a database elsewhere would not be the file the service may
    /// write, and the `koers` commands would silently use another one than the daemon.
    private static func checkStateFolder(databasePath: String, environment: [String: String], log: DiagnosticLog, root: JSONNode) {
        guard let given = environment["STATE_DIRECTORY"]?.split(separator: ":").first.map(String.init), !given.isEmpty else { return }
        let folder = FilePath.normalized(given)
        guard !databasePath.hasPrefix(folder + "/") else { return }
        Cursor(root: root)["database"].warning(log, "systemd gives Koers the state folder \(folder), but the database is \(databasePath): "
            + "set \"database\" to \"\(folder)/koers.sqlite\" so the daemon and every koers command use the same file")
    }

    /// Mail settings with folders resolved; without a `mail` section, `.eml` files go to `mail/`
    /// beside the database.
    private static func mailConfig(_ mail: MailConfig?, resolve: (String) -> String) -> MailConfig {
        guard var mail else { return .fileDefault(folder: resolve("mail")) }
        if case .file(let folder) = mail.transport { mail.transport = .file(folder: resolve(folder)) }
        return mail
    }

    /// Parses and decodes each file, collecting its diagnostics; a file that fails is left out.
    /// Each result keeps where the configuration names its file; `whole` is false when any file
    /// failed or has errors.
    private static func loadEach<T>(_ files: [Sourced<String>], _ parse: (String, DiagnosticLog) -> JSONNode?,
                                    into diagnostics: inout [Diagnostic],
                                    decode: (JSONNode, DiagnosticLog) -> T?) -> (values: [Sourced<T>], whole: Bool) {
        var whole = true
        let values: [Sourced<T>] = files.compactMap { file in
            let log = DiagnosticLog(file: file.value)
            defer {
                diagnostics += log.items
                if log.hasErrors { whole = false }
            }
            return parse(file.value, log).flatMap { decode($0, log) }.map { Sourced(value: $0, path: file.path) }
        }
        return (values, whole)
    }
}
