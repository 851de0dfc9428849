/// What an erasure removed, for the administrator. Counts only: the point is that the data is gone.
public struct Erasure: Sendable, Equatable, Encodable {
    public var trajectories = 0
    /// Messages to the person, or not yet sent: deleted with their reminder log (unsent reminders
    /// for others are planned again without the erased person).
    public var messagesDeleted = 0
    /// Sent or failed messages to others that named the person: content, recipient and subject wiped.
    public var messagesScrubbed = 0
    public var remindersDeleted = 0
    /// Status changes whose recorder was this person: the recorder is cleared, the change kept.
    public var recordersCleared = 0
    /// Archived reports that named the person: deleted (the archive cannot be edited).
    public var reportsDeleted = 0
    /// Status notes that mention the name: kept (the history is append-only); the admin decides.
    public var notesMentioningName = 0
    /// Trajectories that still name this person as mentor or school trainer (configuration people).
    public var trajectoriesReferring: [String] = []

    package init() {

    }
}
