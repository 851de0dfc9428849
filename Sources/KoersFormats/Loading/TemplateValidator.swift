import KoersModel

/// Cross-references within a template: the phases items name must exist (the roles they name are
/// checked where they are read, by `DefinedRoles`).
struct TemplateValidator {
    let template: Template
    let log: DiagnosticLog
    let root: JSONNode

    func validate() {
        let top = Cursor(root: root)
        let phases = template.phases.map(\.id)
        var seen: Set<String> = []
        for (i, item) in template.items.enumerated() {
            let c = top["items"][i]
            if !seen.insert(item.id).inserted { c["id"].error(log, "duplicate item id \"\(item.id)\"; ids must be unique") }
            if !phases.contains(item.phase) {
                c["phase"].error(log, "no phase \"\(item.phase)\"; " + Choices.expected(item.phase, among: phases,
                    none: "this template defines no phases; add it to \"phases\" ({\"id\": \"\(item.phase)\", \"title\": \"…\"})"))
            }
            switch item.timing.anchor {
            case .during(let p), .atEndOf(let p), .after(let p):
                if !phases.contains(p) {
                    c["timing"].error(log, "timing names phase \"\(p)\", which is not defined; " + Choices.expected(p, among: phases,
                        none: "this template defines no phases"))
                }
            case .window: break
            }
        }
    }
}
