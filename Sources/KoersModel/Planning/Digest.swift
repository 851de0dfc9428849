import Foundation

/// Everything one person hears on one day, as one mail, grouped by theme (waarborg).
public struct Digest: Sendable {
    public var personID: String
    public var sendOn: LocalDate
    /// The earliest `sendAt` of its reminders (they normally share one).
    public var sendAt: Date
    /// Theme titles in alphabetical order, "Algemeen" (items without a theme) last; within a theme
    /// by the date the item is about, then kind, then key.
    public var groups: [(theme: String, reminders: [Reminder])]

    package init(personID: String, sendOn: LocalDate, sendAt: Date, groups: [(theme: String, reminders: [Reminder])]) {
        self.personID = personID
        self.sendOn = sendOn
        self.sendAt = sendAt
        self.groups = groups
    }

    /// The heading for reminders without a theme.
    public static let generalTheme = "Algemeen"

    /// All its reminders, in digest order.
    public var reminders: [Reminder] { groups.flatMap(\.reminders) }

    /// One digest per person per day, ordered by day, then person. Deterministic: the order of the
    /// input does not matter.
    public static func group(_ reminders: [Reminder]) -> [Digest] {
        struct Day: Hashable { var person: String; var day: LocalDate }
        let byDay = Dictionary(grouping: reminders) { Day(person: $0.personID, day: $0.sendOn) }
        return byDay.keys.sorted { ($0.day, $0.person) < ($1.day, $1.person) }.map { day in
            let items = byDay[day]!
            let byTheme = Dictionary(grouping: items) { $0.themeTitle ?? generalTheme }
            let themes = byTheme.keys.sorted { a, b in
                if (a == generalTheme) != (b == generalTheme) { return b == generalTheme }
                return a < b
            }
            return Digest(personID: day.person, sendOn: day.day, sendAt: items.map(\.sendAt).min()!,
                          groups: themes.map { ($0, byTheme[$0]!.sorted(by: inDigestOrder)) })
        }
    }

    private static func inDigestOrder(_ a: Reminder, _ b: Reminder) -> Bool {
        if a.eventDate != b.eventDate { return a.eventDate < b.eventDate }
        let ka = Reminder.Kind.allCases.firstIndex(of: a.kind)!, kb = Reminder.Kind.allCases.firstIndex(of: b.kind)!
        if ka != kb { return ka < kb }
        return a.key < b.key
    }
}
