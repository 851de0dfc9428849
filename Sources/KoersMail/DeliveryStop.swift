/// Tells a mail session that Koers is stopping, so that a server that hangs cannot hold up a stop
/// for the length of its timeout.
///
/// A transfer in flight when the stop comes gets `grace` to finish: a healthy server answers well
/// within it, and the message is then sent rather than sent again after the restart. After that
/// the transfer is cut off and the outcome is `.interrupted`: nothing is known about the message,
/// so it stays queued.
public struct DeliveryStop: Sendable {
    /// Long enough for a healthy server, short enough that a stop takes well under 10 seconds.
    public static let grace: Duration = .seconds(3)

    /// For sends that nothing stops: `koers mail test`, `koers preview`, tests.
    public static let never = DeliveryStop { false }

    private let check: @Sendable () -> Bool

    /// `isRequested` is asked from the sending thread, often: make it cheap and thread-safe.
    public init(_ isRequested: @escaping @Sendable () -> Bool) {
        check = isRequested
    }

    var isRequested: Bool { check() }

    /// The check for one transfer: true from `grace` after it first saw the stop request.
    func cutoff(grace: Duration = DeliveryStop.grace) -> () -> Bool {
        let clock = ContinuousClock()
        var seen: ContinuousClock.Instant?
        return {
            guard isRequested else { return false }
            let now = clock.now
            if seen == nil { seen = now }
            return now - (seen ?? now) >= grace
        }
    }
}
