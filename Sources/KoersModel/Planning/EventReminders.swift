extension Planner {
    /// `eventAhead`: each event from the sources × each of its lead times, to the holders of its
    /// roles and the people it names. Moved to the last working day before a quiet day. The person
    /// the event is about (a starting teacher) reads it addressed to them ("Uw welkomstgesprek").
    func planEvents(into plan: inout Plan) {
        let until = plan.through.adding(days: Self.eventLookaheadDays)
        for source in sources {
            for event in source.events(from: plan.from, through: until) {
                let day = ReminderText.day(event.date)
                let detail = ReminderText.sentences([
                    event.description.map { ReminderText.oneLine($0, limit: 600).line },
                    event.participants.map { "Met: \($0)" },
                ])
                let title = ReminderText.oneLine(event.title).line
                let holders = plan.recipients.holders(of: event.roles) { role in
                    "U ontvangt dit in de rol \(plan.roleNames[role] ?? role), die hierbij aanwezig is."
                }
                let named = event.personIDs.filter { $0 != event.addressee?.personID }
                    .map { Recipient(id: $0, reason: event.reasons[$0] ?? "U ontvangt dit omdat u hierbij aanwezig bent.") }
                var others: [String: Recipient] = [:]
                for recipient in holders + named where others[recipient.id] == nil { others[recipient.id] = recipient }
                for lead in event.leadTimes {
                    let sendOn = shiftedBefore(lead.before(event.date, quiet: quiet))
                    func notice(_ title: String) -> Notice {
                        Notice(kind: .eventAhead, origin: event.source, subject: event.id, occurrence: "\(event.date)/\(lead)",
                               sendOn: sendOn, themeTitle: event.theme, title: "\(title) — \(day)",
                               action: "Dit staat op \(day). Zet het in uw agenda en bereid het voor.", detail: detail,
                               countdownTo: event.date, eventDate: event.date, relevantThrough: event.date)
                    }
                    add(notice(title), sendOn: sendOn, to: others.keys.sorted().map { others[$0]! }, into: &plan)
                    if let addressee = event.addressee {
                        add(notice(ReminderText.oneLine(addressee.title).line), sendOn: sendOn,
                            to: [Recipient(id: addressee.personID, reason: addressee.reason)], into: &plan)
                    }
                }
            }
        }
    }
}
