/// Turns a parsed configuration file (`koers-config/1`) into a `Config`. Relative paths are resolved
/// by the caller: agendas against the configuration's folder, the database against the state folder.
struct ConfigDecoder {
    static let format = "koers-config/1"
    let log: DiagnosticLog

    struct Raw {
        var database: String
        var timeZone: AgendaTimeZone
        var agendas: [String]
        var templates: [String]
        var schools: [Config.School]
        var people: [Person]
    }

    func decode(_ root: JSONNode) -> Raw? {
        guard let r = ObjectReader(root, path: .root, log: log, what: "a configuration") else { return nil }
        r.expectFormat(Self.format)
        let database = r.string("database")
        let timeZone = r.parsed("timeZone", expected: "an IANA time zone such as \"Europe/Amsterdam\"") {
            AgendaTimeZone(identifier: $0)
        }
        let agendas = r.strings("agendas", required: true) ?? []
        let templates = r.strings("templates") ?? []
        let schools: [Config.School] = r.array("schools", required: false)?.compactMap { item in
            guard let s = ObjectReader(item.node, path: item.path, log: log, what: "a school") else { return nil }
            let id = s.identifier("id", .slug), name = s.string("name")
            s.finish()
            guard let id, let name else { return nil }
            return Config.School(id: id, name: name)
        } ?? []
        let people = r.array("people")?.compactMap(person) ?? []
        r.finish()
        guard let database, let timeZone else { return nil }
        return Raw(database: database, timeZone: timeZone, agendas: agendas, templates: templates,
                   schools: schools, people: people)
    }

    private func person(_ item: (node: JSONNode, path: JSONPath)) -> Person? {
        guard let r = ObjectReader(item.node, path: item.path, log: log, what: "a person") else { return nil }
        let id = r.identifier("id", .personID)
        let name = r.string("name")
        let email = r.parsed("email", expected: "an e-mail address such as \"naam@school.nl\"") {
            EmailAddress.isPlausible($0) ? $0 : nil
        }
        let school = r.identifier("school", .slug, required: false)
        let roles = r.array("roles")?.compactMap { role in
            ObjectReader.parse(role.node, path: role.path, log: log, expected: IdentifierPattern.slug.expected) {
                IdentifierPattern.slug.matches($0) ? $0 : nil
            }
        } ?? []
        r.finish()
        guard let id, let name, let email else { return nil }
        return Person(id: id, name: name, email: email, school: school, roles: roles)
    }
}

/// The plausibility check for configured addresses: catches typos and injected line breaks.
/// The mail server has the final word.
enum EmailAddress {
    static func isPlausible(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), s.utf8.count <= 254 else { return false }
        return s.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && $0 != "<" && $0 != ">" && $0 != "," && $0 != ";" }
    }
}
