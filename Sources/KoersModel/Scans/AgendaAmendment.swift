import Foundation

/// A step added to the agenda from a scan's development point (`koers scan adopt`): stored in the
/// database, append-only, and merged into the agenda wherever it is shown, until the agenda file's
/// next version contains it (`koers agenda export`).
public struct AgendaAmendment: Sendable, Equatable {
    public var id: Int64
    public var agenda: String
    public var themeCode: String
    public var activityID: String
    /// Set when this amendment opened the activity, the theme's first adopted point: its text.
    public var newActivityText: String?
    public var stepID: String
    public var text: String
    public var period: HalfYear
    public var roles: [RoleDuty]
    public var scanRound: String
    public var scanItem: String
    public var recordedAt: Date
    /// A person id from the configuration, or a name; never written into the agenda file.
    public var recordedBy: String?

    package init(
        id: Int64,
        agenda: String,
        themeCode: String,
        activityID: String,
        newActivityText: String? = nil,
        stepID: String,
        text: String,
        period: HalfYear,
        roles: [RoleDuty],
        scanRound: String,
        scanItem: String,
        recordedAt: Date,
        recordedBy: String? = nil
    ) {
        self.id = id
        self.agenda = agenda
        self.themeCode = themeCode
        self.activityID = activityID
        self.newActivityText = newActivityText
        self.stepID = stepID
        self.text = text
        self.period = period
        self.roles = roles
        self.scanRound = scanRound
        self.scanItem = scanItem
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }

    public var key: StepKey { StepKey(themeCode: themeCode, stepID: stepID) }

    /// The text of an activity opened for adopted points.
    public static let activityText = "Ontwikkelpunten uit de zelfscan"

    /// Where the step comes from, as its `note` says in views and in the exported agenda.
    public var note: String { "Ontwikkelpunt \(scanItem) uit scanronde \(scanRound), toegevoegd met koers scan adopt." }

    var step: Step {
        Step(id: stepID, text: text, period: period, phase: nil, due: nil, roles: roles, note: note)
    }
}

extension Agenda {
    /// The agenda with the amendments it does not contain yet, in the order they were adopted: each
    /// step in its activity (opened when new), the horizon widened to every step's half-year.
    ///
    /// A step whose key the agenda already has is taken to be in it (the file is the exported next
    /// version), so merging twice changes nothing; an amendment for a theme the agenda no longer has
    /// is left out.
    public func amended(by amendments: [AgendaAmendment]) -> Agenda {
        var agenda = self
        for amendment in amendments where amendment.agenda == id {
            guard let t = agenda.themes.firstIndex(where: { $0.code == amendment.themeCode }),
                  !agenda.themes[t].activities.contains(where: { $0.steps.contains { $0.id == amendment.stepID } }) else { continue }
            if !agenda.themes[t].activities.contains(where: { $0.id == amendment.activityID }) {
                agenda.themes[t].activities.append(Activity(
                    id: amendment.activityID, key: ActivityKey(themeCode: amendment.themeCode, activityID: amendment.activityID),
                    text: amendment.newActivityText ?? AgendaAmendment.activityText, subitems: [], responsibilities: nil,
                    roles: amendment.roles, steps: []))
            }
            let a = agenda.themes[t].activities.firstIndex { $0.id == amendment.activityID }!
            agenda.themes[t].activities[a].steps.append(amendment.step)
            agenda.horizon.from = min(agenda.horizon.from, amendment.period)
            agenda.horizon.to = max(agenda.horizon.to, amendment.period)
        }
        return agenda
    }
}
