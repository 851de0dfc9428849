import Foundation
import KoersFormats
import KoersModel
import KoersStore

/// `koers starter …` and `koers student …` are the same actions on trajectories of one kind: add,
/// list, show, done, end and outcomes. Views are in Dutch; help and errors in English.
enum TrajectoryActions {
    static func usages(_ kind: Trajectory.Kind) -> [CommandUsage] {
        let k = kind.rawValue
        let on = CommandOption.value("on", "YYYY-MM-DD", "The day it happened (default: today).")
        return [
            CommandUsage(.word("add"), options: [
                .value("name", "NAME", required: true, "The \(k)'s name."),
                .value("email", "ADDRESS", required: true, "The \(k)'s e-mail address."),
                .value("school", "SCHOOL", required: true, "The school: a school id from the configuration."),
                .value("start", "YYYY-MM-DD", required: true, "The day the trajectory starts."),
                .value("mentor", "ID", required: true, "The werkplekbegeleider: a person id from the configuration."),
                .value("trainer", "ID", required: true, "The schoolopleider: a person id from the configuration."),
                .value("template", "ID", "The trajectory template, when more than one for a \(k) is configured."),
            ]) { try add(kind, $0) },
            CommandUsage(.word("list"), options: [.flag("all", "Include the trajectories that ended."), .json]) { try list(kind, $0) },
            CommandUsage(.word("show"), "ID", options: [.json]) { try show(kind, $0) },
            CommandUsage(.word("done"), "ID EVENT", options: [on]) { try done(kind, $0) },
            CommandUsage(.word("end"), "ID", options: [.choice("reason", ["left", "finished"], required: true, "Why it ended."), on]) {
                try end(kind, $0)
            },
            CommandUsage(.word("outcomes"), options: [.json]) { try outcomes(kind, $0) },
        ]
    }

    static func explanation(_ kind: Trajectory.Kind) -> String {
        let k = kind.rawValue
        // Ids of the bundled template for this kind (a test checks that they exist there).
        let examples = kind == .starter ? "welkomstgesprek or lesbezoek-periode-1#2" : "kennismaking or lesbezoek#2"
        return """
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

    /// What every action reads: the workspace, the store, today and the trajectories.
    private struct Scene {
        let workspace: Workspace
        let store: Store
        let today: LocalDate
        let book: TrajectoryBook
        var view: TrajectoryView { TrajectoryView(workspace: workspace, book: book, today: today) }

        init(_ context: CommandContext) throws {
            workspace = try context.workspace()
            store = try context.openStore(workspace)
            today = workspace.config.timeZone.localDate(of: try context.now(workspace.config.timeZone))
            book = try TrajectoryBook(workspace: workspace, store: store)
        }
    }

    private static func add(_ kind: Trajectory.Kind, _ context: CommandContext) throws -> CommandOutput {
        let scene = try Scene(context)
        try context.arguments.expectPositionals(atMost: 1)
        return CommandOutput(stdout: try add(kind, context, workspace: scene.workspace, store: scene.store) + "\n")
    }

    private static func list(_ kind: Trajectory.Kind, _ context: CommandContext) throws -> CommandOutput {
        let scene = try Scene(context)
        try context.arguments.expectPositionals(atMost: 1)
        let all = context.arguments.flags.contains("all")
        let list = scene.book.trajectories.filter { $0.kind == kind && (all || $0.isRunning(on: scene.today)) }
        if context.json { return CommandOutput(stdout: try context.encode(list.map(scene.view.summary))) }
        return CommandOutput(stdout: scene.view.listText(list, kind: kind, includingEnded: all))
    }

    private static func show(_ kind: Trajectory.Kind, _ context: CommandContext) throws -> CommandOutput {
        let scene = try Scene(context)
        try context.arguments.expectPositionals(atMost: 2)
        let t = try trajectory(kind, context, scene.book)
        if context.json { return CommandOutput(stdout: try context.encode(scene.view.detail(t))) }
        return CommandOutput(stdout: scene.view.detailText(t))
    }

    private static func done(_ kind: Trajectory.Kind, _ context: CommandContext) throws -> CommandOutput {
        let scene = try Scene(context)
        try context.arguments.expectPositionals(atMost: 3)
        let t = try trajectory(kind, context, scene.book)
        let event = try context.arguments.positional(2, "EVENT (an id from `koers \(kind.rawValue) show \(t.id)`)")
        let on = try day(context, "on") ?? scene.today
        guard on <= scene.today else { throw TrajectoryError.doneInFuture(on) }
        let occurrence = try TrajectoryError.occurrence(event, in: scene.book.plan(of: t), of: t)
        try scene.store.recordDone(t.id, occurrence: occurrence.id, on: on)
        return CommandOutput(stdout: "\(t.id): \(occurrence.id) recorded as done on \(on)\n")
    }

    private static func end(_ kind: Trajectory.Kind, _ context: CommandContext) throws -> CommandOutput {
        let scene = try Scene(context)
        try context.arguments.expectPositionals(atMost: 2)
        let t = try trajectory(kind, context, scene.book)
        let text = try context.required("reason")
        guard let reason = Trajectory.EndReason(rawValue: text) else {
            throw UsageError("--reason \"\(text)\" is not a reason; expected left or finished")
        }
        let on = try day(context, "on") ?? scene.today
        guard on >= t.start else { throw TrajectoryError.endBeforeStart(t.id, t.start) }
        guard try scene.store.endTrajectory(t.id, on: on, reason: reason) else { throw TrajectoryError.alreadyEnded(t.id, t.end?.on) }
        let erasedFrom = on.adding(months: scene.workspace.config.privacy.retentionMonths)
        return CommandOutput(stdout: "\(t.id) ended on \(on) (\(reason.rawValue)); no reminders for events after that day. "
                             + "Its personal data is erased from \(erasedFrom) on.\n")
    }

    private static func outcomes(_ kind: Trajectory.Kind, _ context: CommandContext) throws -> CommandOutput {
        let scene = try Scene(context)
        try context.arguments.expectPositionals(atMost: 1)
        let outcomes = TrajectoryOutcomes(kind: kind, book: scene.book, tombstones: try scene.store.trajectoryTombstones(kind),
                                          today: scene.today)
        if context.json { return CommandOutput(stdout: try context.encode(outcomes)) }
        return CommandOutput(stdout: TrajectoryOutcomesText.render(outcomes, kind: kind, today: scene.today))
    }

    private static func add(_ kind: Trajectory.Kind, _ context: CommandContext, workspace: Workspace, store: Store) throws -> String {
        let config = workspace.config
        func option(_ name: String) throws(UsageError) -> String {
            let value = try context.required(name).trimmingCharacters(in: .whitespaces)
            guard !value.contains(where: \.isNewline) else { throw UsageError("--\(name) must be one line") }
            return value
        }
        let name = try option("name")
        let email = try option("email")
        guard EmailAddress.isPlausible(email) else { throw UsageError("--email \"\(email)\" is not an e-mail address such as naam@school.nl") }
        let school = try option("school")
        guard config.schools.contains(where: { $0.id == school }) else {
            throw UsageError("--school \"\(school)\" is not in the configuration; expected one of: "
                             + config.schools.map(\.id).joined(separator: ", "))
        }
        let startText = try context.required("start")
        guard let start = LocalDate(startText) else { throw UsageError("--start \"\(startText)\" is not a date; expected YYYY-MM-DD") }
        let mentor = try option("mentor"), trainer = try option("trainer")
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
