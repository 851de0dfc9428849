import Foundation
import KoersModel
import KoersStore

/// The Co-OP'er's overview when Koers starts on an agenda for the first time or after it did not run
/// for more than a day: what is late, what falls due soon, who will be reminded of what and when,
/// and what was (not) sent in the meantime. Instead of a flood of old reminders to everyone, one
/// mail to the person who can bring the recorded state up to date.
struct StartOverview {
    let config: Config
    let set: AgendaSet
    let trajectories: TrajectoryBook
    let planner: Planner
    let now: Date
    /// The day the overview is sent.
    let day: LocalDate
    /// Reminders sent today, old ones caught up among them.
    let sent: [Reminder]
    /// Reminders that were due but are not sent: outdated, or replaced by a later notice.
    let notSent: [Reminder]

    /// How far the overview looks ahead: deadlines and events, and the reminders planned.
    static let soonDays = 42, plannedDays = 28
    /// Longer lists are cut, with a count of the rest and where to see everything.
    static let listLimit = 30

    func sections(for reason: OverviewReason) -> [ReminderMail.Section] {
        [introduction(reason), late(), soon(), planned()] + caughtUp()
    }

    private func introduction(_ reason: OverviewReason) -> ReminderMail.Section {
        switch reason {
        case .start(let ids):
            let titles = set.entries.filter { ids.contains($0.agenda.id) }.map { "‘\($0.agenda.title)’" }
            return .init(heading: "Overzicht bij de start van Koers", text: [
                "Koers houdt vanaf vandaag \(titles.isEmpty ? "de ontwikkelagenda" : titles.joined(separator: " en ")) bij "
                    + "en herinnert iedereen op tijd aan wat er van hem of haar verwacht wordt.",
                "Herinneringen die vóór vandaag hadden moeten uitgaan, zijn niet verstuurd: de vastgelegde stand is misschien nog "
                    + "niet bijgewerkt. Kijk hieronder wat te laat staat en leg vast wat al gebeurd is; daarna gaan de herinneringen "
                    + "zoals hieronder gepland. Alleen aankondigingen van mijlpalen en gesprekken die nog komen, zijn vandaag verstuurd.",
            ])
        case .downtime(let since):
            return .init(heading: "Overzicht na een onderbreking", text: [
                "Koers heeft van \(PlannedDate.day(config.timeZone.localDate(of: since)).dutch) tot vandaag niet gedraaid.",
                "Wat in die tijd had moeten uitgaan en nog zin heeft, is vandaag verstuurd, in één bericht per persoon; "
                    + "wat verouderd is of door een latere herinnering is vervangen, niet. Hieronder staat hoe de agenda er nu voor staat.",
            ])
        }
    }

    /// Open steps past their deadline, the longest late first.
    private func late() -> ReminderMail.Section {
        var rows: [(deadline: LocalDate, line: String)] = []
        for entry in set.entries {
            for placed in entry.agenda.placedSteps {
                let history = entry.history(placed.key)
                let status = history.status(asOf: now)
                let deadline = placed.step.deadline(expectedIn: history.period(of: placed.step, asOf: now))
                guard status.isOpen, deadline < day else { continue }
                rows.append((deadline, "\(placed.key) \(ReminderText.oneLine(placed.step.text, limit: 70).line) — uiterlijk "
                    + "\(ReminderText.day(deadline)); \(status.dutch); uitvoering: \(ReminderText.roles(placed.ownerRoles, in: entry.agenda))"))
            }
        }
        let lines = rows.sorted { $0.deadline < $1.deadline }.map(\.line)
        return .init(heading: "Te laat", text: lines.isEmpty ? ["Er staat geen stap te laat."] : [],
                     items: Self.cut(lines, rest: "koers due toont ze allemaal"))
    }

    /// Deadlines, milestones and trajectory events in the coming weeks, by date.
    private func soon() -> ReminderMail.Section {
        let until = day.adding(days: Self.soonDays)
        var rows: [(date: LocalDate, line: String)] = []
        for entry in set.entries {
            for placed in entry.agenda.placedSteps {
                let history = entry.history(placed.key)
                let deadline = placed.step.deadline(expectedIn: history.period(of: placed.step, asOf: now))
                guard history.status(asOf: now).isOpen, day <= deadline, deadline <= until else { continue }
                rows.append((deadline, "\(ReminderText.day(deadline)): \(placed.key) \(ReminderText.oneLine(placed.step.text, limit: 70).line) moet af zijn"))
            }
            for milestone in entry.agenda.milestones {
                for occurrence in milestone.occurrences(through: until) where occurrence.firstDay >= day {
                    rows.append((occurrence.firstDay, "\(ReminderText.day(occurrence.firstDay)): \(ReminderText.oneLine(milestone.title).line) (\(occurrence.dutch))"))
                }
            }
        }
        for event in trajectories.eventSource.events(from: day, through: until) {
            rows.append((event.date, "\(ReminderText.day(event.date)): \(ReminderText.oneLine(event.title).line)"))
        }
        let lines = rows.sorted { ($0.date, $0.line) < ($1.date, $1.line) }.map(\.line)
        return .init(heading: "Binnenkort (tot en met \(ReminderText.day(until)))",
                     text: lines.isEmpty ? ["Er staat niets gepland."] : [], items: Self.cut(lines, rest: "koers milestones en koers agenda tonen meer"))
    }

    /// Who will be reminded of what, and when, after today.
    private func planned() -> ReminderMail.Section {
        let reminders = planner.reminders(for: set, config: config, from: day.adding(days: 1), through: day.adding(days: Self.plannedDays), now: now)
        let lines = reminders.map { "\(ReminderText.day($0.sendOn)): \(name($0.personID)) — \($0.title)" }
        return .init(heading: "Wie krijgt wat, en wanneer (de komende \(Self.plannedDays / 7) weken)",
                     text: lines.isEmpty ? ["In deze weken gaan er geen herinneringen uit."] : [],
                     items: Self.cut(lines, rest: "koers preview toont elke mail"))
    }

    private func caughtUp() -> [ReminderMail.Section] {
        var sections: [ReminderMail.Section] = []
        let old = sent.filter { $0.sendOn < day }
        if !old.isEmpty {
            sections.append(.init(heading: "Vandaag alsnog verstuurd",
                                  items: Self.cut(old.map { "\(name($0.personID)): \($0.title)" }, rest: "koers outbox toont alle berichten")))
        }
        if !notSent.isEmpty {
            sections.append(.init(heading: "Niet verstuurd", text: [
                "\(notSent.count) herinnering(en) van vóór vandaag zijn niet verstuurd: verouderd, vervangen door een latere "
                    + "over hetzelfde, of (bij de start) over stappen waarvan de stand eerst moet worden bijgewerkt.",
            ], items: Self.cut(notSent.sorted(by: Reminder.ordered).map { "\(ReminderText.day($0.sendOn)), \(name($0.personID)): \($0.title)" },
                               rest: "het logboek van de daemon telt ze")))
        }
        return sections
    }

    private func name(_ id: String) -> String { trajectories.recipient(id)?.name ?? id }

    private static func cut(_ lines: [String], rest: String) -> [String] {
        lines.count <= listLimit ? lines : Array(lines.prefix(listLimit)) + ["… en nog \(lines.count - listLimit) (\(rest))"]
    }
}
