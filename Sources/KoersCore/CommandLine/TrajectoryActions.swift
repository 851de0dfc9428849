import Foundation

/// `koers starter …` and `koers student …` are the same actions on trajectories of one kind: add,
/// list, show, done, end and outcomes. Views are in Dutch; help and errors in English.
enum TrajectoryActions {
    static let spec = Arguments.Spec(valueOptions: ["name", "email", "school", "start", "mentor", "trainer", "template", "reason", "on"],
                                     flags: ["all"])

    static func help(_ kind: Trajectory.Kind) -> String {
        let k = kind.rawValue
        // Ids of the bundled template for this kind (a test checks that they exist there).
        let examples = kind == .starter ? "welkomstgesprek or lesbezoek-periode-1#2" : "kennismaking or lesbezoek#2"
        return """
        Usage: koers \(k) add --name NAME --email ADDRESS --school SCHOOL --start YYYY-MM-DD
                      --mentor ID --trainer ID [--template ID]
               koers \(k) list [--all] [--json]
               koers \(k) show ID [--json]
               koers \(k) done ID EVENT [--on YYYY-MM-DD]
               koers \(k) end ID --reason left|finished [--on YYYY-MM-DD]
               koers \(k) outcomes [--json]

        add       Starts a trajectory and prints its id (t-…): the \(k)'s name and address, the school
                  (a school id from the configuration), the start date, the mentor
                  (werkplekbegeleider) and the school trainer (schoolopleider), both person ids from
                  the configuration. --template is needed when more than one template for a \(k) is
                  configured ("trajectories"). From then on the daemon reminds everyone taking part
                  in each event, the \(k) included.
        list      The running trajectories with their next event; --all includes ended ones.
        show      One trajectory: its people and every event, done (✓), missed (✗) or planned (○).
        done      Records that an event took place (--on, default today); it is no longer reminded.
                  EVENT is an id from `show`, e.g. \(examples).
        end       Ends the trajectory (--on, default today): no reminders for events after that day.
                  It is erased automatically privacy.retentionMonths (12) months later.
        outcomes  Anonymous counts per start year: still in the trajectory after one, two and three
                  years, left, finished, erased while still running (`koers person erase`), and
                  events missed (passed without a `done`).

        """
    }

    static func run(_ kind: Trajectory.Kind, _ context: CommandContext) throws -> CommandOutput {
        let workspace = try context.workspace()
        let store = try context.openStore(workspace)
        let today = workspace.config.timeZone.localDate(of: try context.now(workspace.config.timeZone))
        let book = try TrajectoryBook(workspace: workspace, store: store)
        let action = try context.arguments.positional(0, "an action: add, list, show, done, end or outcomes")
        let view = TrajectoryView(workspace: workspace, book: book, today: today)
        switch action {
        case "add":
            try context.arguments.expectPositionals(atMost: 1)
            return CommandOutput(stdout: try add(kind, context, workspace: workspace, store: store) + "\n")
        case "list":
            try context.arguments.expectPositionals(atMost: 1)
            let all = context.arguments.flags.contains("all")
            let list = book.trajectories.filter { $0.kind == kind && (all || $0.isRunning(on: today)) }
            if context.json { return CommandOutput(stdout: try context.encode(list.map(view.summary))) }
            return CommandOutput(stdout: view.listText(list, kind: kind, includingEnded: all))
        case "show":
            try context.arguments.expectPositionals(atMost: 2)
            let t = try trajectory(kind, context, book)
            if context.json { return CommandOutput(stdout: try context.encode(view.detail(t))) }
            return CommandOutput(stdout: view.detailText(t))
        case "done":
            try context.arguments.expectPositionals(atMost: 3)
            let t = try trajectory(kind, context, book)
            let event = try context.arguments.positional(2, "EVENT (an id from `koers \(kind.rawValue) show \(t.id)`)")
            let on = try day(context, "on") ?? today
            guard on <= today else { throw TrajectoryError.doneInFuture(on) }
            let occurrence = try TrajectoryError.occurrence(event, in: book.plan(of: t), of: t)
            try store.recordDone(t.id, occurrence: occurrence.id, on: on)
            return CommandOutput(stdout: "\(t.id): \(occurrence.id) recorded as done on \(on)\n")
        case "end":
            try context.arguments.expectPositionals(atMost: 2)
            let t = try trajectory(kind, context, book)
            guard let text = context.arguments.options["reason"] else { throw UsageError("missing --reason left|finished") }
            guard let reason = Trajectory.EndReason(rawValue: text) else {
                throw UsageError("--reason \"\(text)\" is not a reason; expected left or finished")
            }
            let on = try day(context, "on") ?? today
            guard on >= t.start else { throw TrajectoryError.endBeforeStart(t.id, t.start) }
            guard try store.endTrajectory(t.id, on: on, reason: reason) else { throw TrajectoryError.alreadyEnded(t.id, t.end?.on) }
            let erasedFrom = on.adding(months: workspace.config.privacy.retentionMonths)
            return CommandOutput(stdout: "\(t.id) ended on \(on) (\(reason.rawValue)); no reminders for events after that day. "
                                 + "Its personal data is erased from \(erasedFrom) on.\n")
        case "outcomes":
            try context.arguments.expectPositionals(atMost: 1)
            let outcomes = TrajectoryOutcomes(kind: kind, book: book, tombstones: try store.trajectoryTombstones(kind), today: today)
            if context.json { return CommandOutput(stdout: try context.encode(outcomes)) }
            return CommandOutput(stdout: TrajectoryOutcomesText.render(outcomes, kind: kind, today: today))
        default:
            throw UsageError("unknown action \"\(action)\"; expected add, list, show, done, end or outcomes")
        }
    }

    private static func add(_ kind: Trajectory.Kind, _ context: CommandContext, workspace: Workspace, store: Store) throws -> String {
        let config = workspace.config
        func option(_ name: String, _ what: String) throws(UsageError) -> String {
            guard let value = context.arguments.options[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
                throw UsageError("missing --\(name) \(what)")
            }
            guard !value.contains(where: \.isNewline) else { throw UsageError("--\(name) must be one line") }
            return value
        }
        let name = try option("name", "NAME")
        let email = try option("email", "ADDRESS")
        guard EmailAddress.isPlausible(email) else { throw UsageError("--email \"\(email)\" is not an e-mail address such as naam@school.nl") }
        let school = try option("school", "SCHOOL")
        guard config.schools.contains(where: { $0.id == school }) else {
            throw UsageError("--school \"\(school)\" is not in the configuration; expected one of: "
                             + config.schools.map(\.id).joined(separator: ", "))
        }
        guard let start = try day(context, "start") else { throw UsageError("missing --start YYYY-MM-DD") }
        let mentor = try option("mentor", "ID"), trainer = try option("trainer", "ID")
        for (flag, id) in [("mentor", mentor), ("trainer", trainer)] where config.person(id) == nil {
            throw UsageError("--\(flag) \"\(id)\" is not a person id in the configuration (\"people\")")
        }
        let fitting = workspace.trajectoryTemplates.filter { $0.subject == kind.subject }
        let template: TrajectoryTemplate
        if let id = context.arguments.options["template"] {
            guard let found = fitting.first(where: { $0.id == id }) else {
                throw UsageError("--template \"\(id)\" is not a configured trajectory template for a \(kind.rawValue); expected one of: "
                                 + fitting.map(\.id).joined(separator: ", "))
            }
            template = found
        } else {
            guard fitting.count == 1 else {
                if fitting.isEmpty { throw TrajectoryError.noTemplate(kind) }
                throw UsageError("more than one template for a \(kind.rawValue); choose one with --template: "
                                 + fitting.map(\.id).joined(separator: ", "))
            }
            template = fitting[0]
        }
        while true {
            let id = TrajectoryID.random()
            if config.person(id) != nil { continue }
            let t = Trajectory(id: id, kind: kind, name: name, email: email, school: school, start: start, mentor: mentor,
                               trainer: trainer, template: template.id)
            if try store.addTrajectory(t) { return id }
        }
    }

    private static func trajectory(_ kind: Trajectory.Kind, _ context: CommandContext, _ book: TrajectoryBook) throws -> Trajectory {
        let id = try context.arguments.positional(1, "ID (koers \(kind.rawValue) list shows them)")
        guard let t = book.trajectories.first(where: { $0.id == id }) else { throw TrajectoryError.unknown(id, kind) }
        guard t.kind == kind else { throw TrajectoryError.otherKind(id, t.kind) }
        return t
    }

    private static func day(_ context: CommandContext, _ key: String) throws(UsageError) -> LocalDate? {
        guard let text = context.arguments.options[key] else { return nil }
        guard let day = LocalDate(text) else { throw UsageError("--\(key) \"\(text)\" is not a date; expected YYYY-MM-DD") }
        return day
    }
}
