/// Finds what people type for an activity (`LL-a`, `ll-a`, `ook-sop:LL-a`), the way `resolve`
/// finds a step: case-insensitively, with the agenda id as a prefix when several agendas are loaded.
extension AgendaSet {
    public enum ActivityLookupError: Error, CustomStringConvertible {
        case unknownActivity(String, suggestions: [String])
        /// A step key was typed where an activity is meant.
        case stepGiven(String, activity: String)
        case ambiguous(String, agendas: [String])
        case unknownAgenda(String)

        public var description: String {
            switch self {
            case .unknownActivity(let text, let suggestions):
                let hint = suggestions.isEmpty ? "run `koers agenda` to see the activities"
                                               : "did you mean \(suggestions.joined(separator: ", "))?"
                return "no activity \"\(text)\"; activities are named THEMECODE-letter, e.g. LL-a; \(hint)"
            case .stepGiven(let text, let activity):
                return "\"\(text)\" is a step; spending is recorded per activity: \(activity)"
            case .ambiguous(let text, let agendas):
                return "\"\(text)\" exists in several agendas; write it as " + agendas.map { "\($0):\(text)" }.joined(separator: " or ")
            case .unknownAgenda(let id):
                return "no loaded agenda with id \"\(id)\""
            }
        }
    }

    public func resolveActivity(_ text: String) throws(ActivityLookupError) -> (entry: Entry, theme: Theme, activity: Activity) {
        guard let (candidates, name) = scope(of: text) else { throw .unknownAgenda(Self.agendaPrefix(of: text)) }
        let wanted = name.lowercased()
        var found: [(Entry, Theme, Activity)] = []
        for entry in candidates {
            for theme in entry.agenda.themes {
                for activity in theme.activities where activity.key.description.lowercased() == wanted {
                    found.append((entry, theme, activity))
                }
            }
        }
        if found.count == 1 { return found[0] }
        if found.count > 1 { throw .ambiguous(name, agendas: found.map(\.0.agenda.id)) }
        for entry in candidates {
            if let placed = entry.agenda.placedSteps.first(where: { $0.key.description.lowercased() == wanted }) {
                throw .stepGiven(text, activity: placed.activity.key.description)
            }
        }
        let code = wanted.split(separator: "-").first.map(String.init) ?? wanted
        let suggestions = candidates.flatMap { entry in
            entry.agenda.themes.filter { $0.code.lowercased() == code }.flatMap { $0.activities.map(\.key.description) }
        }
        throw .unknownActivity(text, suggestions: Array(suggestions.prefix(6)))
    }
}

extension Agenda {
    /// The activity with this key and its theme.
    public func activity(_ key: ActivityKey) -> (theme: Theme, activity: Activity)? {
        for theme in themes where theme.code == key.themeCode {
            if let activity = theme.activities.first(where: { $0.id == key.activityID }) { return (theme, activity) }
        }
        return nil
    }
}
