import Foundation

/// The board's installation: where state lives, which agendas to load, and the people who hold the
/// agenda's roles. Agendas name roles; only the configuration names people.
public struct Config: Sendable {
    /// The configuration file itself, for messages.
    public var file: String
    /// Absolute, or relative to the configuration's folder: the same file for the daemon and every
    /// command, whoever runs it and from wherever.
    public var databasePath: String
    public var timeZone: AgendaTimeZone
    public var agendaPaths: [String]
    public var templatePaths: [String]
    public var schools: [School]
    public var people: [Person]
    public var mail: MailConfig
    public var reminders: ReminderRules
    public var quietPeriods: QuietPeriods
    public var reports: ReportRules
    /// Trajectory template files (`koers-trajectory/1`, or a `koers-template/1` stappenplan).
    public var trajectoryPaths: [String] = []
    public var privacy = PrivacyRules()
    /// Scan instrument files (`koers-scan-instrument/1`), resolved like the agendas.
    public var scanInstrumentPaths: [String] = []

    package init(
        file: String,
        databasePath: String,
        timeZone: AgendaTimeZone,
        agendaPaths: [String],
        templatePaths: [String],
        schools: [Config.School],
        people: [Person],
        mail: MailConfig,
        reminders: ReminderRules,
        quietPeriods: QuietPeriods,
        reports: ReportRules,
        trajectoryPaths: [String] = [],
        privacy: PrivacyRules = PrivacyRules(),
        scanInstrumentPaths: [String] = []
    ) {
        self.file = file
        self.databasePath = databasePath
        self.timeZone = timeZone
        self.agendaPaths = agendaPaths
        self.templatePaths = templatePaths
        self.schools = schools
        self.people = people
        self.mail = mail
        self.reminders = reminders
        self.quietPeriods = quietPeriods
        self.reports = reports
        self.trajectoryPaths = trajectoryPaths
        self.privacy = privacy
        self.scanInstrumentPaths = scanInstrumentPaths
    }

    public struct School: Sendable {
        public var id: String
        public var name: String

        package init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// Where the database is when the configuration does not say: the state folder systemd gives the
    /// service (`StateDirectory=koers`), which `scripts/install` creates for the group `koers`.
    public static let defaultDatabasePath = "/var/lib/koers/koers.sqlite"

    /// What a person who may not read the configuration or the database most often lacks: on an
    /// installed server both belong to the group `koers` (`scripts/install`).
    public static let groupHint = "On an installed server the configuration and the database belong to the group koers: "
        + "ask the administrator to add you (usermod -aG koers YOUR-NAME) and log in again."

    /// The folder holding the database: the state folder, also for the OAuth2 token cache.
    public var stateFolder: String {
        let folder = (databasePath as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    public func people(holding role: String) -> [Person] { people.filter { $0.roles.contains(role) } }
    public func person(_ id: String) -> Person? { people.first { $0.id == id } }
}

/// Someone who is reminded, reported to or records progress. Kept to the minimum the work needs
/// (AVG/GDPR): a name, an address, a school and roles.
public struct Person: Sendable {
    public var id: String
    public var name: String
    public var email: String
    public var school: String?
    public var roles: [String]

    package init(id: String, name: String, email: String, school: String? = nil, roles: [String]) {
        self.id = id
        self.name = name
        self.email = email
        self.school = school
        self.roles = roles
    }
}
