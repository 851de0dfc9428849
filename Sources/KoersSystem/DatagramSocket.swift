import Glibc

/// A Unix datagram sent to a named socket: how systemd's notify protocol is spoken without
/// libsystemd. The only place Koers touches socket structures.
public enum DatagramSocket {
    /// Sends `bytes` as one datagram to the socket at `path`; a path starting with `@` names an
    /// abstract socket (addressed with a leading NUL). Never raises SIGPIPE.
    public static func send(_ bytes: [UInt8], to path: String) throws(FileError) {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        // An abstract socket's address length is the offset of sun_path plus the name's length,
        // not the whole struct; a path's includes its terminating NUL.
        var name = Array(path.utf8)
        if name.first == UInt8(ascii: "@") { name[0] = 0 }
        guard name.count < MemoryLayout.size(ofValue: address.sun_path) else { throw .system(path, .send, ENAMETOOLONG) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: name)
        }
        let offset = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path)!
        let length = socklen_t(offset + name.count + (name.first == 0 ? 0 : 1))

        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .system(path, .socket) }
        let socket = FileDescriptor(rawValue: fd, path: path)
        try socket.closeAfter { () throws(FileError) in
            let sent = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                    bytes.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), sa, length) }
                }
            }
            guard sent >= 0 else { throw .system(path, .send) }
        }
    }
}
