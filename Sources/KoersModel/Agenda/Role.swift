/// A role the agenda names (schoolleiders, directieteam, co-oper…). People hold roles in the
/// configuration; reminders go to roles, never to names written in the agenda.
public struct Role: Sendable {
    public var id: String
    public var name: String
    public var description: String?

    package init(id: String, name: String, description: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
    }
}

/// What a role does for an activity or step.
public enum Duty: String, Sendable, CaseIterable {
    case executes, proposes, decides, consulted, informed

    /// Dutch verb phrase for views: "schoolleiders stellen voor".
    public var dutch: String {
        switch self {
        case .executes: "voert uit"
        case .proposes: "stelt voor"
        case .decides: "besluit"
        case .consulted: "wordt geraadpleegd"
        case .informed: "wordt geïnformeerd"
        }
    }
}

public struct RoleDuty: Hashable, Sendable {
    public var role: String
    public var duty: Duty

    package init(role: String, duty: Duty) {
        self.role = role
        self.duty = duty
    }
}
