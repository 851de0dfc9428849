/// Tells the service manager how the daemon is doing: systemd's notify protocol in production
/// (`SystemdNotifier`).
public protocol ServiceNotifier: Sendable {
    func ready(status: String)
    func status(_ status: String)
    func reloading()
    func stopping()
}
