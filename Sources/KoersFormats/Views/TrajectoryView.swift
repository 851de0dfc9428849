import KoersModel

/// `koers starter list|show`: trajectories as the school trainer reads them, in Dutch, and as JSON.
package struct TrajectoryView {
    let workspace: Workspace
    let book: TrajectoryBook
    let today: LocalDate

    package init(workspace: Workspace, book: TrajectoryBook, today: LocalDate) {
        self.workspace = workspace
        self.book = book
        self.today = today
    }

    package struct Summary: Encodable {
        var id: String
        var kind: String
        var name: String
        var email: String
        var school: String
        var start: String
        var mentor: String
        var schoolTrainer: String
        var template: String
        var endedOn: String?
        var endReason: String?
        var next: Event?
        var missed: Int
    }

    package struct Event: Encodable {
        var id: String
        var title: String
        var date: String
        var doneOn: String?
        /// "done", "missed" or "planned".
        var state: String
    }

    package struct Detail: Encodable {
        var trajectory: Summary
        var events: [Event]
    }

    package func summary(_ t: Trajectory) -> Summary {
        let plan = book.plan(of: t)
        let next = t.isRunning(on: today) ? plan?.occurrences.first { $0.date >= today && $0.doneOn == nil } : nil
        return Summary(id: t.id, kind: t.kind.rawValue, name: t.name, email: t.email, school: t.school, start: t.start.description,
                       mentor: t.mentor, schoolTrainer: t.trainer, template: t.template, endedOn: t.end?.on.description,
                       endReason: t.end?.reason.rawValue, next: next.map(event), missed: plan?.missed(before: today).count ?? 0)
    }

    package func detail(_ t: Trajectory) -> Detail {
        Detail(trajectory: summary(t), events: book.plan(of: t)?.occurrences.map(event) ?? [])
    }

    private func event(_ o: TrajectoryPlan.Occurrence) -> Event {
        Event(id: o.id, title: o.title, date: o.date.description, doneOn: o.doneOn?.description,
              state: o.doneOn != nil ? "done" : o.date < today ? "missed" : "planned")
    }

    package func listText(_ list: [Trajectory], kind: Trajectory.Kind, includingEnded: Bool) -> String {
        let noun = kind == .starter ? ("startende leraar", "startende leraren") : ("student", "studenten")
        guard !list.isEmpty else { return includingEnded ? "Geen \(noun.1).\n" : "Geen \(noun.1) met een lopend traject.\n" }
        var out = "\(list.count) \(list.count == 1 ? noun.0 : noun.1)\n"
        let indent = String(repeating: " ", count: 10)
        func line(_ text: String) -> String { indent + TextLayout.wrap(text, indent: indent, firstIndent: indent.count) + "\n" }
        for t in list {
            let s = summary(t)
            out += "\n" + TextLayout.pad(t.id, 10) + "\(t.name) — \(schoolName(t.school))\n"
            out += line("gestart \(ReminderText.day(t.start))" + (t.end.map { "; \($0.reason.dutch) op \(ReminderText.day($0.on))" } ?? ""))
            out += line("mentor \(personName(t.mentor)), schoolopleider \(personName(t.trainer))")
            var status: [String] = []
            if let next = s.next, let date = LocalDate(next.date) { status.append("volgende: \(next.title), \(ReminderText.day(date))") }
            if s.missed > 0 { status.append("\(s.missed) gemist") }
            if !status.isEmpty { out += line(status.joined(separator: "; ")) }
        }
        return out
    }

    package func detailText(_ t: Trajectory) -> String {
        var out = "\(t.id)  \(t.name) <\(t.email)>\n\n"
        let template = book.template(of: t)
        out += TextLayout.labelled("Traject:", template.map { "\($0.title) (\($0.id))" } ?? "\(t.template) (niet meer geconfigureerd)", column: 16) + "\n"
        out += TextLayout.labelled("School:", schoolName(t.school), column: 16) + "\n"
        out += TextLayout.labelled("Gestart:", ReminderText.day(t.start), column: 16) + "\n"
        out += TextLayout.labelled("Mentor:", personName(t.mentor), column: 16) + "\n"
        out += TextLayout.labelled("Schoolopleider:", personName(t.trainer), column: 16) + "\n"
        if let end = t.end { out += TextLayout.labelled("Beëindigd:", "\(ReminderText.day(end.on)) (\(end.reason.dutch))", column: 16) + "\n" }
        let events = detail(t).events
        out += "\nGebeurtenissen (✓ gehouden, ✗ gemist, ○ gepland)\n"
        let idWidth = (events.map(\.id.count).max() ?? 0) + 2
        for e in events {
            let mark = e.state == "done" ? "✓" : e.state == "missed" ? "✗" : "○"
            var text = e.title
            if let done = e.doneOn.flatMap(LocalDate.init) { text += " (gehouden \(ReminderText.day(done)))" }
            let head = "  \(mark) \(e.date)  " + TextLayout.pad(e.id, idWidth)
            out += head + TextLayout.wrap(text, indent: String(repeating: " ", count: head.count), firstIndent: head.count) + "\n"
        }
        return out
    }

    private func schoolName(_ id: String) -> String { workspace.config.schools.first { $0.id == id }?.name ?? id }
    private func personName(_ id: String) -> String { workspace.config.person(id)?.name ?? id }
}
