extension Planner {
    /// `eventAhead`: each event from the sources × each of its lead times, to the holders of its
    /// roles and the people it names. Moved to the last working day before a quiet day.
    func planEvents(into plan: inout Plan) {
        let until = plan.through.adding(days: Self.eventLookaheadDays)
        for source in sources {
            for event in source.events(from: plan.from, through: until) {
                let people = plan.recipients.people(holding: event.roles, plus: event.personIDs)
                for lead in event.leadTimes {
                    let sendOn = shiftedBefore(lead.before(event.date, quiet: quiet))
                    add(.eventAhead, origin: event.source, subject: event.id, occurrence: "\(event.date)/\(lead)", to: people,
                        sendOn: sendOn, themeTitle: event.theme,
                        title: "\(ReminderText.oneLine(event.title).line) — \(ReminderText.distance(from: sendOn, to: event.date)) (\(ReminderText.day(event.date)))",
                        detail: nil, eventDate: event.date, relevantThrough: event.date.adding(days: -1), into: &plan)
                }
            }
        }
    }
}
