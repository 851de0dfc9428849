/// Problems setting up a transport, phrased for the administrator who must fix them.
///
/// Descriptions name files, settings and system error texts, never a secret's value and never an
/// e-mail address.
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The secret file could not be read (missing, permissions, a directory …).
    case secretUnreadable(SMTPSecret.Kind, source: String, reason: String)
    /// The secret file is empty (after removing one trailing newline).
    case secretEmpty(SMTPSecret.Kind, source: String)
    /// The systemd credential is empty: the unit's default when the file `LoadCredential=` names is
    /// missing, so that a transport without a secret starts.
    case credentialEmpty(SMTPSecret.Kind, name: String)
    /// The secret holds a NUL, CR or LF (other than one trailing newline): most likely the wrong
    /// file, or a file with several lines.
    case secretMalformed(SMTPSecret.Kind, source: String)
    /// A systemd credential was asked for, but `$CREDENTIALS_DIRECTORY` is not set.
    case credentialsDirectoryUnset(name: String)
    /// A credential name that is not a plain file name.
    case invalidCredentialName(String)
    /// The SMTP settings cannot work (URL, EHLO name, credentials in the URL …).
    case invalidSettings(String)
    /// An OAuth2 token could not be obtained. Thrown by an `SMTPSettings.oauthToken` provider:
    /// `temporary` makes the delivery transient (network trouble, the token endpoint is down),
    /// otherwise it is a configuration problem (wrong client id or secret).
    case tokenUnavailable(reason: String, temporary: Bool)
    /// Koers is stopping and cut off the request (see `DeliveryStop`); the message stays queued.
    case stopped

    public var description: String {
        switch self {
        case let .secretUnreadable(kind, source, reason):
            return "Could not read the \(kind.rawValue) from \(source): \(reason). "
                + "Check that it exists and that the Koers user may read it."
        case let .secretEmpty(kind, source):
            return "The \(kind.rawValue) in \(source) is empty. Write the \(kind.rawValue) into it, on one line."
        case let .credentialEmpty(kind, name):
            return "The \(kind.rawValue) in systemd credential \(name) is empty: the file the unit's LoadCredential=\(name):… line "
                + "names (/etc/koers/\(name) in the unit Koers ships) is missing or empty. Write the \(kind.rawValue) into it, "
                + "on one line, mode 0600, owned by root; then: systemctl restart koers."
        case let .secretMalformed(kind, source):
            return "The \(kind.rawValue) in \(source) contains a line break or NUL character. "
                + "It must hold the \(kind.rawValue) alone, on one line."
        case let .credentialsDirectoryUnset(name):
            return "The systemd credential '\(name)' is not available: $CREDENTIALS_DIRECTORY is not set. "
                + "Add LoadCredential=\(name):/path/to/secret to the service unit, or use a password file."
        case let .invalidCredentialName(name):
            return "'\(name)' is not a valid credential name: use a plain file name without '/'."
        case let .invalidSettings(reason):
            return "The SMTP settings are invalid: \(reason)."
        case let .tokenUnavailable(reason, temporary):
            return "Could not obtain an OAuth2 token: \(reason)"
                + (temporary ? " (temporary; will try again)." : ". Check the OAuth2 client settings.")
        case .stopped:
            return "Interrupted: Koers is stopping. The message stays queued."
        }
    }
}
