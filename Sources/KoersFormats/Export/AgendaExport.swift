import KoersModel

/// The next version of an agenda file (`koers agenda export`): the file exactly as written (texts,
/// notes, key order, `$schema`), with the adopted steps it does not contain yet added to their
/// activities, an activity opened for adopted points added to its theme, the horizon widened to
/// every step's half-year, and optionally a new version label.
///
/// The result is checked the way `koers check` checks an agenda before it is handed out. Once it
/// replaces the old file, the amendments are in it and are not added again.
public enum AgendaExport {
    public struct Result: Sendable {
        /// The agenda file, pretty-printed, ending in a newline.
        public var text: String
        /// The steps added, in the order they were adopted.
        public var added: [StepKey]
        /// Set when the horizon had to grow to hold the added steps.
        public var horizon: Agenda.PlanningHorizon?
    }

    /// The exported file could not be checked clean; this is a bug in Koers, not in the agenda.
    public struct Unchecked: Error, CustomStringConvertible {
        public var diagnostics: [Diagnostic]
        public var description: String {
            "the exported agenda does not pass the checks (please report this):\n" + diagnostics.map { "  \($0)" }.joined(separator: "\n")
        }
    }

    /// `file` is the agenda's file as loaded; `agenda` what it decoded to.
    public static func export(file: String, agenda: Agenda, amendments: [AgendaAmendment], version: String?) throws -> Result {
        let log = DiagnosticLog(file: file)
        guard let root = SourceFile.parse(file, log: log) else { throw Workspace.Invalid(diagnostics: log.items) }
        let merged = agenda.amended(by: amendments)
        let pending = amendments.filter { $0.agenda == agenda.id && agenda.placedStep($0.key) == nil && merged.placedStep($0.key) != nil }
        var themes = root["themes"]?.array ?? []
        for amendment in pending {
            guard let t = themes.firstIndex(where: { $0["code"]?.string == amendment.themeCode }) else { continue }
            var activities = themes[t]["activities"]?.array ?? []
            if let a = activities.firstIndex(where: { $0["id"]?.string == amendment.activityID }) {
                let steps = (activities[a]["steps"]?.array ?? []) + [JSONNode(step(amendment))]
                activities[a] = JSONNode(setting(activities[a].value, "steps", .array(steps)))
            } else {
                activities.append(JSONNode(.object([
                    ("id", .string(amendment.activityID)),
                    ("text", .string(amendment.newActivityText ?? AgendaAmendment.activityText)),
                    ("roles", roles(amendment.roles)),
                    ("steps", .array([step(amendment)])),
                ])))
            }
            themes[t] = JSONNode(setting(themes[t].value, "activities", .array(activities)))
        }
        var value = setting(root.value, "themes", .array(themes))
        if let version { value = setting(value, "version", .string(version)) }
        let widened = merged.horizon.from != agenda.horizon.from || merged.horizon.to != agenda.horizon.to
        if widened {
            value = setting(value, "horizon", .object([("from", .string(merged.horizon.from.description)),
                                                      ("to", .string(merged.horizon.to.description))]))
        }
        let text = JSONWriter.write(value) + "\n"
        try check(text, file: file)
        return Result(text: text, added: pending.map(\.key), horizon: widened ? merged.horizon : nil)
    }

    private static func step(_ amendment: AgendaAmendment) -> JSONValue {
        .object([("id", .string(amendment.stepID)), ("text", .string(amendment.text)), ("period", .string(amendment.period.description)),
                 ("roles", roles(amendment.roles)), ("note", .string(amendment.note))])
    }

    private static func roles(_ duties: [RoleDuty]) -> JSONValue {
        .array(duties.map { .object([("role", .string($0.role)), ("does", .string($0.duty.rawValue))]) })
    }

    /// `object` with `key` set to `value`: replaced where it stands, else added at the end.
    private static func setting(_ object: JSONValue, _ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(var members) = object else { return object }
        if let i = members.firstIndex(where: { $0.key == key }) {
            members[i].value = JSONNode(value)
        } else {
            members.append(JSONMember(key: key, value: JSONNode(value)))
        }
        return .object(members)
    }

    /// Decodes and validates the exported text as `koers check` would; warnings are allowed.
    private static func check(_ text: String, file: String) throws {
        let log = DiagnosticLog(file: file)
        do {
            let root = try JSONParser.parse(Array(text.utf8))
            if let agenda = AgendaDecoder(log: log).decode(root), !log.hasErrors {
                AgendaValidator(agenda: agenda, log: log, root: root).validate()
            }
        } catch {
            log.append(Diagnostic(.error, file: file, position: error.position, "malformed JSON: \(error.kind)"))
        }
        if log.hasErrors { throw Unchecked(diagnostics: log.items.filter { $0.severity == .error }) }
    }
}
