/// An assignment within a theme (a, b, c…), with the roles involved and the steps that carry it out.
public struct Activity: Sendable {
    public var id: String
    public var key: ActivityKey
    public var text: String
    public var subitems: [Subitem]
    /// The document's "Rollen en verantwoordelijkheden" text, verbatim.
    public var responsibilities: String?
    public var roles: [RoleDuty]
    public var steps: [Step]
    /// What the activity is planned to cost, where the agenda says so.
    public var budget: Budget?

    package init(
        id: String,
        key: ActivityKey,
        text: String,
        subitems: [Activity.Subitem],
        responsibilities: String? = nil,
        roles: [RoleDuty],
        steps: [Step],
        budget: Budget? = nil
    ) {
        self.id = id
        self.key = key
        self.text = text
        self.subitems = subitems
        self.responsibilities = responsibilities
        self.roles = roles
        self.steps = steps
        self.budget = budget
    }

    /// Numbered sub-parts (i, ii, iii…) of an activity.
    public struct Subitem: Sendable {
        public var id: String
        public var text: String

        package init(id: String, text: String) {
            self.id = id
            self.text = text
        }
    }
}

/// `THEMECODE-letter`, e.g. `KC-b`.
public struct ActivityKey: Hashable, Sendable, CustomStringConvertible {
    public var themeCode: String
    public var activityID: String

    package init(themeCode: String, activityID: String) {
        self.themeCode = themeCode
        self.activityID = activityID
    }
    public var description: String { "\(themeCode)-\(activityID)" }
}
