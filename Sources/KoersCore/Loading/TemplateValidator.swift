/// Cross-references within a template: phases and roles that items name must exist.
struct TemplateValidator {
    let template: Template
    let log: DiagnosticLog
    let root: JSONNode

    func validate() {
        let top = Cursor(root: root)
        let phases = Set(template.phases.map(\.id)), roles = Set(template.roles.map(\.id))
        var seen: Set<String> = []
        for (i, item) in template.items.enumerated() {
            let c = top["items"][i]
            if !seen.insert(item.id).inserted { c["id"].error(log, "duplicate item id \"\(item.id)\"; ids must be unique") }
            if !phases.contains(item.phase) {
                c["phase"].error(log, "no phase \"\(item.phase)\"; expected one of: " + template.phases.map { "\"\($0.id)\"" }.joined(separator: ", "))
            }
            switch item.timing.anchor {
            case .during(let p), .atEndOf(let p), .after(let p):
                if !phases.contains(p) { c["timing"].error(log, "timing names phase \"\(p)\", which is not defined") }
            case .window: break
            }
            for (r, duty) in item.roles.enumerated() where !roles.contains(duty.role) {
                c["roles"][r]["role"].error(log, "role \"\(duty.role)\" is used but not defined in \"roles\"")
            }
        }
    }
}
