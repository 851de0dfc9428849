import Foundation

/// The loaded agendas with their histories: what every view and command reads from.
/// Also resolves what people type (`ll-a1`, `ook-sop:KC-B7`) to a step.
public struct AgendaSet: Sendable {
    public struct Entry: Sendable {
        public var agenda: Agenda
        public var histories: [StepKey: StepHistory]

        package init(agenda: Agenda, histories: [StepKey : StepHistory]) {
            self.agenda = agenda
            self.histories = histories
        }

        public func history(_ key: StepKey) -> StepHistory { histories[key] ?? StepHistory(events: []) }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    public enum LookupError: Error, CustomStringConvertible {
        case unknownStep(String, suggestions: [String])
        case ambiguous(String, agendas: [String])
        case unknownAgenda(String)

        public var description: String {
            switch self {
            case .unknownStep(let text, let suggestions):
                let hint = suggestions.isEmpty ? "run `koers agenda` to see the step keys"
                                               : "did you mean \(suggestions.joined(separator: ", "))?"
                return "no step \"\(text)\"; steps are named THEMECODE-STEPID, e.g. LL-A1; \(hint)"
            case .ambiguous(let text, let agendas):
                return "\"\(text)\" exists in several agendas; write it as " + agendas.map { "\($0):\(text)" }.joined(separator: " or ")
            case .unknownAgenda(let id):
                return "no loaded agenda with id \"\(id)\""
            }
        }
    }

    /// Finds a step case-insensitively, optionally prefixed with its agenda id.
    public func resolve(_ text: String) throws(LookupError) -> (entry: Entry, step: PlacedStep) {
        guard let (candidates, name) = scope(of: text) else { throw .unknownAgenda(Self.agendaPrefix(of: text)) }
        let wanted = name.uppercased()
        var found: [(Entry, PlacedStep)] = []
        for entry in candidates {
            if let placed = entry.agenda.placedSteps.first(where: { $0.key.description.uppercased() == wanted }) {
                found.append((entry, placed))
            }
        }
        if found.count == 1 { return found[0] }
        if found.count > 1 { throw .ambiguous(name, agendas: found.map(\.0.agenda.id)) }
        throw .unknownStep(text, suggestions: Self.similar(to: wanted, in: candidates))
    }

    /// The entries a typed name can mean, and the name without its `agenda:` prefix; nil when the
    /// prefix names no loaded agenda.
    func scope(of text: String) -> (candidates: [Entry], name: String)? {
        guard let colon = text.firstIndex(of: ":") else { return (entries, text) }
        let id = Self.agendaPrefix(of: text).lowercased()
        let candidates = entries.filter { $0.agenda.id.lowercased() == id }
        return candidates.isEmpty ? nil : (candidates, String(text[text.index(after: colon)...]))
    }

    static func agendaPrefix(of text: String) -> String {
        String(text[..<(text.firstIndex(of: ":") ?? text.startIndex)])
    }

    /// Keys sharing the theme code or the step id with what was typed: `LO-A9` suggests `LO-A1…`.
    private static func similar(to wanted: String, in candidates: [Entry]) -> [String] {
        let parts = wanted.split(separator: "-").map(String.init)
        let code = parts.first ?? wanted
        let id = parts.last ?? wanted
        var result: [String] = []
        for entry in candidates {
            for placed in entry.agenda.placedSteps {
                let key = placed.key
                if key.stepID.uppercased() == id || (parts.count == 1 && key.themeCode.uppercased() == code) {
                    result.append(key.description)
                }
            }
        }
        return Array(result.prefix(6))
    }
}
