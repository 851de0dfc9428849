import Foundation
import KoersSystem

/// A mail secret (the SMTP password, or the OAuth2 client secret), read from a file of its own or
/// from a systemd credential (`LoadCredential=NAME:/etc/koers/smtp-password` makes it
/// `$CREDENTIALS_DIRECTORY/NAME`).
///
/// There is deliberately no way to take a password from the configuration text or the command
/// line: those end up in backups, `ps` output and shell history. The file holds the password
/// alone; one trailing newline (`\n` or `\r\n`) is removed, as editors add one.
///
/// The value never shows: `description`, `debugDescription`, `dump` and string interpolation all
/// print only where the secret came from.
public struct SMTPSecret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Which secret this is, so that an error names what the administrator must fix.
    public enum Kind: String, Sendable {
        case smtpPassword = "SMTP password"
        case oauth2ClientSecret = "OAuth2 client secret"
    }

    /// Where the secret came from, for messages: `file /etc/koers/smtp-password` or
    /// `systemd credential smtp-password`.
    public let source: String
    /// The secret itself. Internal: only the SMTP transport hands it to libcurl.
    let value: String

    /// Reads the secret from `path`.
    public init(file path: String, kind: Kind = .smtpPassword) throws(TransportError) {
        try self.init(readingFile: path, source: "file \(path)", kind: kind)
    }

    /// Reads the systemd credential `name` from `$CREDENTIALS_DIRECTORY/name`.
    public init(credential name: String, kind: Kind = .smtpPassword,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws(TransportError) {
        guard !name.isEmpty, !name.contains("/"), name != ".", name != "..", !name.contains("\0") else {
            throw .invalidCredentialName(name)
        }
        guard let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty else {
            throw .credentialsDirectoryUnset(name: name)
        }
        do {
            try self.init(readingFile: directory + "/" + name, source: "systemd credential \(name)", kind: kind)
        } catch .secretEmpty {
            throw .credentialEmpty(kind, name: name)
        }
    }

    /// A secret already in memory (tests, and tokens obtained at run time). Not public, so that no
    /// configuration path can put a password into Koers's configuration text.
    package init(value: String, source: String) {
        self.value = value
        self.source = source
    }

    private init(readingFile path: String, source: String, kind: Kind) throws(TransportError) {
        let bytes = try Self.readFile(path, source: source, kind: kind)
        var end = bytes.endIndex
        if end > bytes.startIndex, bytes[end - 1] == UInt8(ascii: "\n") {
            end -= 1
            if end > bytes.startIndex, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        }
        let secret = bytes[bytes.startIndex..<end]
        guard !secret.isEmpty else { throw .secretEmpty(kind, source: source) }
        guard !secret.contains(0), !secret.contains(UInt8(ascii: "\n")), !secret.contains(UInt8(ascii: "\r")),
              let text = String(validating: secret, as: UTF8.self)
        else { throw .secretMalformed(kind, source: source) }
        self.init(value: text, source: source)
    }

    /// Reads at most 64 KiB; a secret file larger than that is certainly the wrong file.
    private static func readFile(_ path: String, source: String, kind: Kind) throws(TransportError) -> [UInt8] {
        do throws(FileError) {
            return try FileDescriptor.readFile(path, limit: 64 * 1024)
        } catch {
            let reason = switch error.cause {
            case .system: error.reason
            case .folder, .notRegularFile: "not a regular file"
            case .tooLarge: "larger than 64 KiB, so not a file holding only the \(kind.rawValue)"
            }
            throw .secretUnreadable(kind, source: source, reason: reason)
        }
    }

    public var description: String { "SMTPSecret(from \(source), value hidden)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["source": source], displayStyle: .struct) }
}
