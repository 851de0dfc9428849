/// The Dutch wording of reminders: one line per item for the mail, and a short explanation.
/// Roles are named as the agenda names them; people are never named here.
package enum ReminderText {
    /// Longest item line before the text is cut (the full text then goes into the detail).
    static let lineLimit = 90

    /// Whitespace (newlines included) and control characters collapsed to single spaces, cut at a
    /// word boundary with "…" when longer than `limit` characters. The line becomes a mail subject,
    /// where a NUL or line break would make the mail unsendable.
    package static func oneLine(_ text: String, limit: Int = lineLimit) -> (line: String, cut: Bool) {
        let words = text.split(whereSeparator: {
            $0.isWhitespace || $0.isNewline || $0.unicodeScalars.contains { $0.properties.generalCategory == .control }
        })
        let whole = words.joined(separator: " ")
        guard whole.count > limit else { return (whole, false) }
        var line = ""
        for word in words {
            let next = line.isEmpty ? String(word) : line + " " + word
            if next.count > limit - 1 { break }
            line = next
        }
        if line.isEmpty { line = String(whole.prefix(limit - 1)) }
        return (line + "…", true)
    }

    /// "12 maart 2024".
    package static func day(_ date: LocalDate) -> String { PlannedDate.day(date).dutch }

    /// How far `to` is from `from`, as a mail sent on `from` would say it: "vandaag", "morgen",
    /// "over 3 dagen", "over 1 week", "over 2 weken" (whole weeks, rounded down).
    package static func distance(from: LocalDate, to: LocalDate) -> String {
        let days = to.dayNumber - from.dayNumber
        switch days {
        case ...0: return "vandaag"
        case 1: return "morgen"
        case 7: return "over 1 week"
        case 2..<14 where days % 7 != 0: return "over \(days) dagen"
        default: return "over \(days / 7) weken"
        }
    }

    /// Why a holder of a role receives a notice: "U ontvangt dit in de rol Schoolopleiders, die deze
    /// stap uitvoert." The role's name as the agenda gives it: a group ("Directies") or one person's
    /// post ("Co-OP'er").
    static func member(of role: String, doing duty: Duty, what: String = "deze stap") -> String {
        let does = switch duty {
        case .executes: "\(what) uitvoert"
        case .proposes: "voor \(what) een voorstel doet"
        case .decides: "over \(what) besluit"
        case .consulted: "bij \(what) wordt geraadpleegd"
        case .informed: "over \(what) wordt geïnformeerd"
        }
        return "U ontvangt dit in de rol \(role), die \(does)."
    }

    /// Why the coordinator receives a notice about a step late by a week.
    static func coordinator(_ role: String) -> String {
        "U ontvangt dit als \(role): u houdt de voortgang van de agenda bij."
    }

    /// Why the coordinator receives a late step's escalation when no role decides on its activity.
    static func coordinatorForDeciders(_ role: String) -> String {
        "U ontvangt dit als \(role), omdat geen rol over deze activiteit besluit."
    }

    /// "Schoolleiders (stelt voor), Directieteam (besluit)".
    package static func duties(_ duties: [RoleDuty], in agenda: Agenda) -> String {
        duties.map { "\(roleName($0.role, in: agenda)) (\($0.duty.dutch))" }.joined(separator: ", ")
    }

    /// "Schoolleiders, Directieteam".
    package static func roles(_ ids: [String], in agenda: Agenda) -> String {
        ids.map { roleName($0, in: agenda) }.joined(separator: ", ")
    }

    static func roleName(_ id: String, in agenda: Agenda) -> String { agenda.role(id)?.name ?? id }

    /// Sentences joined with spaces, each ending in a full stop; nil when there are none.
    static func sentences(_ parts: [String?]) -> String? {
        let list = parts.compactMap { $0 }.filter { !$0.isEmpty }
            .map { $0.hasSuffix(".") || $0.hasSuffix("?") || $0.hasSuffix("!") ? $0 : $0 + "." }
        return list.isEmpty ? nil : list.joined(separator: " ")
    }
}
