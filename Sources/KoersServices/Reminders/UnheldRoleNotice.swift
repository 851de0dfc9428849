import KoersFormats
import KoersModel
import KoersStore

/// Roles the agendas use that nobody in the configuration holds: what is meant for them reaches
/// nobody. The daemon runs on, and tells the Co-OP'er in her next mail whenever the list changed
/// (and in every overview), so a typo in the configuration does not silently swallow reminders.
struct UnheldRoleNotice {
    let roles: [UnheldRole]
    private let names: [String: String]
    private let agendaTitles: [String: String]

    init(_ roles: [UnheldRole], in set: AgendaSet) {
        self.roles = roles
        names = Planner.roleNames(set)
        agendaTitles = Dictionary(set.entries.map { ($0.agenda.id, $0.agenda.title) }, uniquingKeysWith: { a, _ in a })
    }

    /// What was last told, to tell only a change.
    private var signature: String { roles.map(\.role).sorted().joined(separator: ",") }

    func mustTell(_ store: Store) throws -> Bool {
        let told = try store.daemonValue("told-unheld-roles") ?? ""
        return !roles.isEmpty && signature != told
    }

    func recordTold(_ store: Store) throws { try store.setDaemonValue("told-unheld-roles", signature) }

    /// Nil when every role has a holder.
    var section: ReminderMail.Section? {
        guard !roles.isEmpty else { return nil }
        return .init(heading: "Let op: rollen zonder personen", text: [
            "Deze rollen worden gebruikt, maar niemand in de configuratie heeft ze. Herinneringen en rapportages voor "
                + "deze rollen komen nu bij niemand aan. Vraag de beheerder ze aan iemand toe te kennen (bij \"roles\" "
                + "van een persoon in de configuratie).",
        ], items: roles.map { role in
            "\(names[role.role] ?? role.role), gebruikt door " + role.usedBy.map(describe).joined(separator: ", ")
        })
    }

    private func describe(_ user: UnheldRole.User) -> String {
        switch user {
        case .agenda(let id): "de agenda ‘\(agendaTitles[id] ?? id)’"
        case .template(let id): "het sjabloon \(id)"
        case .trajectory(let id): "het traject \(id)"
        case .setting(let path): "de instelling \(path)"
        }
    }
}
