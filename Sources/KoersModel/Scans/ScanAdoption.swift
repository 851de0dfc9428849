import Foundation

/// Feedforward from a scan into the agenda (`koers scan adopt`): a development point chosen by the
/// directors becomes a new step of a theme, numbered like the others, stored as an amendment.
///
/// The step goes into the activity named, or else into the theme's activity for adopted points,
/// opened with the next free letter the first time (KC has a and b, so the first point adopted
/// into KC becomes KC-C1, the next KC-C2). Numbering and appending happen in one transaction, so
/// two coordinators adopting at once get different keys.
public struct ScanAdoption: Sendable {
    public var round: String
    public var item: String
    /// The agenda's id; may be left out when one agenda is loaded.
    public var agenda: String?
    /// The theme's code (`KC`) or id.
    public var theme: String
    public var period: HalfYear
    public var roles: [RoleDuty]
    /// The step's text; by default the item's, introduced as a development point.
    public var text: String?
    /// An existing activity's id (`b`): the step continues its numbering.
    public var activity: String?
    public var by: String?

    public init(round: String, item: String, agenda: String? = nil, theme: String, period: HalfYear, roles: [RoleDuty],
                text: String? = nil, activity: String? = nil, by: String? = nil) {
        self.round = round
        self.item = item
        self.agenda = agenda
        self.theme = theme
        self.period = period
        self.roles = roles
        self.text = text
        self.activity = activity
        self.by = by
    }

    package func agendaToAmend(_ agendas: [Agenda]) throws(AdoptionError) -> Agenda {
        if let id = agenda {
            guard let found = agendas.first(where: { $0.id == id }) else { throw .unknownAgenda(id, known: agendas.map(\.id)) }
            return found
        }
        guard agendas.count == 1 else { throw .severalAgendas(agendas.map(\.id)) }
        return agendas[0]
    }

    /// The first letter after the theme's last lettered activity that no activity uses (a, b → c).
    package static func freeActivityID(_ theme: Theme) throws(AdoptionError) -> String {
        let letters = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) }
        let used = Set(theme.activities.map(\.id))
        let last = letters.lastIndex(where: used.contains) ?? -1
        guard let free = (letters[(last + 1)...] + letters[...max(0, last)]).first(where: { !used.contains($0) }) else {
            throw .noFreeActivity(theme: theme.code)
        }
        return free
    }

    /// `C3` when the theme's steps numbered `C…` go up to C2.
    package static func nextStepID(_ theme: Theme, prefix: String) -> String {
        let numbers = theme.activities.flatMap(\.steps).compactMap { step -> Int? in
            guard step.id.hasPrefix(prefix) else { return nil }
            return Int(step.id.dropFirst(prefix.count))
        }
        return prefix + String((numbers.max() ?? 0) + 1)
    }
}

/// Why a development point cannot be adopted as asked; each message says what would work.
public enum AdoptionError: Error, Equatable, CustomStringConvertible {
    case severalAgendas([String])
    case unknownAgenda(String, known: [String])
    case unknownTheme(String, known: [String])
    case unknownActivity(String, theme: String, known: [String])
    case noFreeActivity(theme: String)
    case noRoles
    case unknownRole(String, known: [String])
    case nobodyHolds(String)
    case periodEnded(HalfYear, current: HalfYear)

    public var description: String {
        switch self {
        case .severalAgendas(let ids):
            "several agendas are loaded; say which with --agenda (\(ids.joined(separator: ", ")))"
        case .unknownAgenda(let id, let known):
            "no loaded agenda with id \"\(id)\"; loaded are: \(known.joined(separator: ", "))"
        case .unknownTheme(let text, let known):
            "no theme \"\(text)\" in the agenda; --theme takes a theme code: \(known.joined(separator: ", "))"
        case .unknownActivity(let id, let theme, let known):
            "no activity \(theme)-\(id); the activities of \(theme) are \(known.joined(separator: ", ")) "
                + "(leave --activity out to add the step to the theme's adopted points)"
        case .noFreeActivity(let theme):
            "every letter a–z is an activity of \(theme) already; name one with --activity"
        case .noRoles:
            "a step needs at least one role: --role ROLE[:DUTY] (e.g. --role schoolopleiders,directieteam:decides)"
        case .unknownRole(let role, let known):
            "the agenda has no role \"\(role)\"; its roles are: \(known.joined(separator: ", "))"
        case .nobodyHolds(let role):
            "nobody holds role \"\(role)\", so nobody would be reminded of the step; give it to a person in the configuration first"
        case .periodEnded(let period, let current):
            "\(period) has ended; adopt the step into \(current) or a later half-year"
        }
    }
}
