/// What wakes the sleeping daemon besides its clock: a signal (`SignalEvents`), a change to the
/// database (`DatabaseWatcher`). A source posts to the daemon's `Wakeup` from its own queue, from
/// `start` until `stop`.
public protocol WakeupSource: AnyObject {
    /// Starts posting to `wakeup`, for a daemon on the database at `databasePath`.
    func start(posting wakeup: Wakeup, databasePath: String)
    func stop()
}
