/// A role that agendas, templates, trajectories or settings use but that no person in the
/// configuration holds: the reminders, reports and replies meant for it reach nobody. Loading
/// allows it (a warning, not an error), so that reading commands and the daemon keep working while
/// the administrator adds a holder; `Workspace.rolesWithoutHolders` lists them, so the Co-OP'er
/// can be told.
public struct UnheldRole: Sendable, Equatable, CustomStringConvertible {
    /// What uses a role.
    public enum User: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// An agenda, by id, whose activities, steps or milestones name the role.
        case agenda(String)
        /// A template (stappenplan), by id, whose items name it.
        case template(String)
        /// A trajectory template, by id, whose events name it.
        case trajectory(String)
        /// A setting of the configuration, by its JSON path: `mail.replyToRole`,
        /// `reminders.coordinatorRole` or `reports.recipientRoles`.
        case setting(String)

        public var description: String {
            switch self {
            case .agenda(let id): "agenda \(id)"
            case .template(let id): "template \(id)"
            case .trajectory(let id): "trajectory \(id)"
            case .setting(let path): path
            }
        }
    }

    public var role: String
    /// Agendas first, then templates, trajectories and settings; each by name.
    public var usedBy: [User]

    public init(role: String, usedBy: [User]) {
        self.role = role
        self.usedBy = usedBy
    }

    /// The warning `koers check` and the reading commands show.
    public var description: String {
        "nobody holds role \"\(role)\" (used by \(usedBy.map(\.description).joined(separator: ", "))): what is meant for it "
            + "reaches nobody; add it to the \"roles\" of at least one person"
    }
}
