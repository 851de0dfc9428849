/// Checks that the configuration and the agendas fit together: every role an agenda uses is held by
/// someone, so no reminder can go to nobody; people refer to known schools; ids are unique.
struct ConfigValidator {
    let config: Config
    let agendas: [Agenda]
    let templates: [Template]
    var trajectoryTemplates: [TrajectoryTemplate] = []
    let log: DiagnosticLog
    let root: JSONNode

    func validate() {
        let top = Cursor(root: root)
        var ids: Set<String> = [], emails: Set<String> = []
        let schools = Set(config.schools.map(\.id))
        var defined: Set<String> = []
        for agenda in agendas { defined.formUnion(agenda.roles.map(\.id)) }
        for template in templates { defined.formUnion(template.roles.map(\.id)) }
        for template in trajectoryTemplates { defined.formUnion(template.agendaRoles) }

        for (i, person) in config.people.enumerated() {
            let c = top["people"][i]
            if !ids.insert(person.id).inserted { c["id"].error(log, "duplicate person id \"\(person.id)\"; ids must be unique") }
            if !emails.insert(person.email.lowercased()).inserted {
                c["email"].warning(log, "this address is also used by another person in the list")
            }
            if let school = person.school, !schools.contains(school) {
                c["school"].error(log, "no school \"\(school)\" in \"schools\"; expected one of: "
                    + config.schools.map { "\"\($0.id)\"" }.joined(separator: ", "))
            }
            for (r, role) in person.roles.enumerated() where !defined.contains(role) {
                c["roles"][r].warning(log, "role \"\(role)\" is not used by any loaded agenda or template")
            }
        }
        var agendaIDs: Set<String> = []
        for (i, agenda) in agendas.enumerated() where !agendaIDs.insert(agenda.id).inserted {
            top["agendas"][i].error(log, "two agendas have the id \"\(agenda.id)\"; load one version of an agenda at a time")
        }
        var trajectoryIDs: Set<String> = []
        for (i, template) in trajectoryTemplates.enumerated() where !trajectoryIDs.insert(template.id).inserted {
            top["trajectories"][i].error(log, "two trajectory templates have the id \"\(template.id)\"; give each its own id")
        }
        var used = usedRoles()
        used[config.mail.replyToRole, default: []].insert("mail.replyToRole")
        used[config.reminders.coordinatorRole, default: []].insert("reminders.coordinatorRole")
        if config.reports.mail, root["reports"]?["recipientRoles"] != nil {
            for role in config.reports.recipientRoles { used[role, default: []].insert("reports.recipientRoles") }
        }
        for (role, users) in used.sorted(by: { $0.key < $1.key }) where config.people(holding: role).isEmpty {
            top["people"].error(log, "nobody holds role \"\(role)\" (used by \(users.sorted().joined(separator: ", "))); add it to the \"roles\" of at least one person")
        }
    }

    /// Role id → the agendas and templates that use it.
    private func usedRoles() -> [String: Set<String>] {
        var used: [String: Set<String>] = [:]
        for agenda in agendas {
            for theme in agenda.themes {
                for activity in theme.activities {
                    for duty in activity.roles { used[duty.role, default: []].insert(agenda.id) }
                    for step in activity.steps { for duty in step.roles ?? [] { used[duty.role, default: []].insert(agenda.id) } }
                }
            }
            for milestone in agenda.milestones { for duty in milestone.roles { used[duty.role, default: []].insert(agenda.id) } }
        }
        for template in templates {
            for item in template.items { for duty in item.roles { used[duty.role, default: []].insert(template.id) } }
        }
        for template in trajectoryTemplates {
            for role in template.agendaRoles { used[role, default: []].insert(template.id) }
        }
        return used
    }
}
