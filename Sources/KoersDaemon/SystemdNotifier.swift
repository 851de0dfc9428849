import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Speaks systemd's notify protocol (`READY=1`, `STATUS=…`, `RELOADING=1`, `STOPPING=1`) directly
/// over `$NOTIFY_SOCKET`, so no libsystemd is needed. Without the variable (not under systemd) it
/// does nothing. The only place Koers touches socket structures.
public struct SystemdNotifier: ServiceNotifier {
    private let socketPath: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        socketPath = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public var isActive: Bool { socketPath != nil }

    /// Sends one datagram; failures are ignored, as systemd's own `sd_notify` callers do.
    public func send(_ fields: [String: String]) {
        guard let socketPath else { return }
        let text = fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        // An abstract socket is written with a leading '@' and addressed with a leading NUL; its
        // address length is the offset of sun_path plus the name's length, not the whole struct.
        var name = Array(socketPath.utf8)
        if name.first == UInt8(ascii: "@") { name[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard name.count < capacity else { return }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: name)
        }
        let offset = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path)!
        let length = socklen_t(offset + name.count + (name.first == 0 ? 0 : 1))
        let bytes = Array(text.utf8)
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                bytes.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), sa, length) }
            }
        }
    }

    public func ready(status: String) { send(["READY": "1", "STATUS": status]) }
    public func status(_ status: String) { send(["STATUS": status]) }
    public func stopping() { send(["STOPPING": "1"]) }

    /// systemd 252 has no Type=notify-reload; RELOADING=1 with MONOTONIC_USEC, then READY=1.
    public func reloading() {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        send(["RELOADING": "1", "MONOTONIC_USEC": String(Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000)])
    }
}
