import KoersModel

/// Checks that the configuration and the files it names fit together: agenda and trajectory ids
/// are unique, the roles people hold are used somewhere, and every role in use is held by someone
/// (a warning: what is meant for it reaches nobody, but everything else works). Problems within
/// one person (a school not defined, a repeated id) are the decoder's, which reads the person
/// where it stands.
struct ConfigValidator {
    let config: Config
    /// The agendas and trajectory templates that loaded, each with where the configuration names it.
    let agendas: [Sourced<Agenda>]
    let templates: [Template]
    var trajectoryTemplates: [Sourced<TrajectoryTemplate>] = []
    /// Whether every agenda, template and trajectory file loaded without errors. Only then are
    /// the roles they use all known, so that a role held but not found in them is worth a warning
    /// (after a file failed to parse, every role would be).
    var complete = true
    let log: DiagnosticLog
    let root: JSONNode

    /// Reports every problem to `log`; returns the roles nobody holds (also reported, as warnings).
    func validate() -> [UnheldRole] {
        var agendaIDs: Set<String> = []
        for agenda in agendas where !agendaIDs.insert(agenda.value.id).inserted {
            Cursor(root: root, at: agenda.path).error(log,
                "two agendas have the id \"\(agenda.value.id)\"; load one version of an agenda at a time")
        }
        var trajectoryIDs: Set<String> = []
        for template in trajectoryTemplates where !trajectoryIDs.insert(template.value.id).inserted {
            Cursor(root: root, at: template.path).error(log,
                "two trajectory templates have the id \"\(template.value.id)\"; give each its own id")
        }
        // Without a list of people (its absence is the error), who holds what is not known.
        guard let held = Self.heldRoles(root) else { return [] }
        let declared = Set(agendas.flatMap { $0.value.roles.map(\.id) } + templates.flatMap { $0.roles.map(\.id) })
        let used = usedRoles(declared: declared)
        if complete {
            let known = declared.union(used.keys)
            for role in held where !known.contains(role.value) {
                let guess = Choices.closest(to: role.value, among: known.sorted()).map { "; did you mean \"\($0)\"?" } ?? ""
                Cursor(root: root, at: role.path).warning(log,
                    "role \"\(role.value)\" is not used by any loaded agenda, template, trajectory or setting\(guess)")
            }
        }
        let holders = Set(held.map(\.value))
        let unheld = used.filter { !holders.contains($0.key) }.sorted { $0.key < $1.key }
            .map { UnheldRole(role: $0.key, usedBy: $0.value.sorted()) }
        for role in unheld { Cursor(root: root)["people"].warning(log, role.description) }
        return unheld
    }

    /// Every role a person entry of the file gives, with where: people left out for another
    /// error still hold theirs, so that error is not followed by "nobody holds" warnings. Nil
    /// when the file has no list of people.
    static func heldRoles(_ root: JSONNode) -> [Sourced<String>]? {
        let people = JSONPath.root.appending("people")
        return root["people"]?.array?.enumerated().flatMap { i, person in
            (person["roles"]?.array ?? []).enumerated().compactMap { r, role in
                role.string.map { Sourced(value: $0, path: people.appending(i).appending("roles").appending(r)) }
            }
        }
    }

    /// Role id → what uses it. Agendas and templates use only roles they define (one they use
    /// without defining it is their own error). A trajectory uses the roles of its events that are
    /// not its own people (starter, mentor, …); one that no agenda or template defines either is a
    /// misspelling, which the trajectory's decoder reports where it stands.
    private func usedRoles(declared: Set<String>) -> [String: Set<UnheldRole.User>] {
        var used: [String: Set<UnheldRole.User>] = [:]
        for agenda in agendas.map(\.value) {
            for theme in agenda.themes {
                for activity in theme.activities {
                    for duty in activity.roles { used[duty.role, default: []].insert(.agenda(agenda.id)) }
                    for step in activity.steps { for duty in step.roles ?? [] { used[duty.role, default: []].insert(.agenda(agenda.id)) } }
                }
            }
            for milestone in agenda.milestones { for duty in milestone.roles { used[duty.role, default: []].insert(.agenda(agenda.id)) } }
        }
        for template in templates {
            for item in template.items { for duty in item.roles { used[duty.role, default: []].insert(.template(template.id)) } }
        }
        for template in trajectoryTemplates.map(\.value) {
            for role in template.agendaRoles where template.subject == .partnership || declared.contains(role) {
                used[role, default: []].insert(.trajectory(template.id))
            }
        }
        used[config.mail.replyToRole, default: []].insert(.setting("mail.replyToRole"))
        used[config.reminders.coordinatorRole, default: []].insert(.setting("reminders.coordinatorRole"))
        if config.reports.mail, root["reports"]?["recipientRoles"] != nil {
            for role in config.reports.recipientRoles { used[role, default: []].insert(.setting("reports.recipientRoles")) }
        }
        return used
    }
}
