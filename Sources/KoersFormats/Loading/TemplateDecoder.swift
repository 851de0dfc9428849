import KoersModel

/// Turns a parsed template file (`koers-template/1`) into a `Template`.
struct TemplateDecoder {
    static let format = "koers-template/1"
    let log: DiagnosticLog

    func decode(_ root: JSONNode) -> Template? {
        guard let r = ObjectReader(root, path: .root, log: log, what: "a template") else { return nil }
        r.expectFormat(Self.format)
        let id = r.identifier("id", .slug)
        let title = r.string("title", limit: .title)
        let language = r.string("language")
        let source = r.string("source", required: false)
        let start = r.string("start")
        let roles = r.array("roles")?.compactMap { AgendaDecoder.role($0.node, $0.path, log) } ?? []
        let phases: [Template.Phase] = r.array("phases")?.compactMap { item in
            guard let p = ObjectReader(item.node, path: item.path, log: log, what: "a phase") else { return nil }
            let id = p.identifier("id", .slug), title = p.string("title", limit: .title)
            let duration = p.node("duration", required: false, expected: "an offset").flatMap {
                AgendaDecoder.offset($0, item.path.appending("duration"), log)
            }
            let note = p.string("durationNote", required: false)
            p.finish()
            guard let id, let title else { return nil }
            return Template.Phase(id: id, title: title, duration: duration, durationNote: note)
        } ?? []
        let defined = DefinedRoles(root["roles"], owner: "template")
        let items = r.array("items")?.compactMap { item($0, roles: defined) } ?? []
        r.finish()
        guard let id, let title, let language, let start else { return nil }
        return Template(id: id, title: title, language: language, source: source, start: start,
                        roles: roles, phases: phases, items: items)
    }

    private func item(_ item: (node: JSONNode, path: JSONPath), roles defined: DefinedRoles) -> Template.Item? {
        guard let r = ObjectReader(item.node, path: item.path, log: log, what: "a template item") else { return nil }
        let id = r.string("id")
        let phase = r.identifier("phase", .slug)
        let text = r.string("text")
        let details = r.strings("details") ?? []
        let roles = AgendaDecoder.roleDuties(r, "roles", required: false, defined: defined, log) ?? []
        let timing = r.object("timing", what: "a timing").flatMap(timing)
        r.finish()
        guard let id, let phase, let text, let timing else { return nil }
        return Template.Item(id: id, phase: phase, text: text, details: details, roles: roles, timing: timing)
    }

    private func timing(_ r: ObjectReader) -> Template.Timing? {
        let label = r.string("label", required: false)
        let from = r.node("from", required: false, expected: "an offset").flatMap {
            AgendaDecoder.offset($0, r.path.appending("from"), log)
        }
        let by = r.node("by", required: false, expected: "an offset").flatMap {
            AgendaDecoder.offset($0, r.path.appending("by"), log)
        }
        let during = r.identifier("during", .slug, required: false)
        let atEndOf = r.identifier("atEndOf", .slug, required: false)
        let after = r.identifier("after", .slug, required: false)
        let repeats = r.object("repeat", required: false, what: "a recurrence").flatMap {
            AgendaDecoder.recurrence($0, allowEnd: false, log)
        }
        r.finish()
        let window = from != nil || by != nil
        let kinds = [window, during != nil, atEndOf != nil, after != nil].filter { $0 }.count
        guard kinds == 1 else {
            log.error("a timing needs exactly one of: \"from\"/\"by\" offsets, \"during\", \"atEndOf\" or \"after\"",
                      at: r.node, path: r.path)
            return nil
        }
        let anchor: Template.Timing.Anchor
        if window { anchor = .window(from: from, by: by) }
        else if let during { anchor = .during(phase: during) }
        else if let atEndOf { anchor = .atEndOf(phase: atEndOf) }
        else { anchor = .after(phase: after!) }
        return Template.Timing(label: label, anchor: anchor, repeats: repeats)
    }
}
