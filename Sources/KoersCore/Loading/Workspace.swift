import Foundation

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

    /// All problems found in one run, errors first.
    public struct Invalid: Error, CustomStringConvertible, Sendable {
        public var diagnostics: [Diagnostic]
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
        quietPeriods.periods += loadEach(raw.quietPeriodFiles.map { resolve($0, against: configFolder) }, parse, into: &diagnostics) { root, log in
            QuietPeriodsFile.decode(root, log: log)
        }.flatMap(\.periods)
        let config = Config(
            file: configPath,
            databasePath: databasePath,
            timeZone: raw.timeZone,
            agendaPaths: raw.agendas.map { resolve($0, against: configFolder) },
            templatePaths: raw.templates.map { resolve($0, against: configFolder) },
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
            trajectoryPaths: raw.trajectories.map { resolve($0, against: configFolder) },
            privacy: raw.privacy,
            scanInstrumentPaths: raw.scanInstruments.map { resolve($0, against: configFolder) })

        let agendas = loadEach(config.agendaPaths, parse, into: &diagnostics) { root, log in
            AgendaDecoder(log: log).decode(root).map { agenda in
                if !log.hasErrors { AgendaValidator(agenda: agenda, log: log, root: root).validate() }
                return agenda
            }
        }
        let templates = loadEach(config.templatePaths, parse, into: &diagnostics) { root, log in
            TemplateDecoder(log: log).decode(root).map { template in
                if !log.hasErrors { TemplateValidator(template: template, log: log, root: root).validate() }
                return template
            }
        }
        let trajectoryTemplates = loadEach(config.trajectoryPaths, parse, into: &diagnostics) { root, log in
            TrajectoryTemplateDecoder(log: log).decode(root)
        }
        let instruments = loadEach(config.scanInstrumentPaths, parse, into: &diagnostics) { root, log in
            ScanInstrumentDecoder(log: log).decode(root).map { (file: log.file, instrument: $0) }
        }
        let crossLog = DiagnosticLog(file: configPath)
        checkStateFolder(databasePath: databasePath, environment: environment, log: crossLog, root: root)
        var instrumentIDs: Set<String> = []
        for loaded in instruments where !instrumentIDs.insert(loaded.instrument.id).inserted {
            let index = config.scanInstrumentPaths.firstIndex(of: loaded.file) ?? 0
            Cursor(root: root)["scanInstruments"][index].error(crossLog,
                "another scan instrument has the id \"\(loaded.instrument.id)\" too; instrument ids must be unique")
        }
        ConfigValidator(config: config, agendas: agendas, templates: templates, trajectoryTemplates: trajectoryTemplates,
                        log: crossLog, root: root).validate()
        diagnostics += crossLog.items
        diagnostics.sort { $0.severity < $1.severity }
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return Loaded(workspace: nil, diagnostics: diagnostics)
        }
        let workspace = Workspace(config: config, agendas: agendas, templates: templates,
                                  trajectoryTemplates: trajectoryTemplates,
                                  scanInstruments: instruments.map(\.instrument), warnings: diagnostics)
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
    private static func loadEach<T>(_ paths: [String], _ parse: (String, DiagnosticLog) -> JSONNode?,
                                    into diagnostics: inout [Diagnostic],
                                    decode: (JSONNode, DiagnosticLog) -> T?) -> [T] {
        paths.compactMap { path in
            let log = DiagnosticLog(file: path)
            defer { diagnostics += log.items }
            return parse(path, log).flatMap { decode($0, log) }
        }
    }
}
