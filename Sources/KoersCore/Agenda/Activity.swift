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

    /// Numbered sub-parts (i, ii, iii…) of an activity.
    public struct Subitem: Sendable {
        public var id: String
        public var text: String
    }
}

/// `THEMECODE-letter`, e.g. `KC-b`.
public struct ActivityKey: Hashable, Sendable, CustomStringConvertible {
    public var themeCode: String
    public var activityID: String
    public var description: String { "\(themeCode)-\(activityID)" }
}
