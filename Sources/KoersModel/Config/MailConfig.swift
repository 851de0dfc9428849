/// How Koers sends mail, as configured. Secrets are never here: only where to read them.
public struct MailConfig: Sendable {
    public var fromName: String
    public var fromAddress: String
    /// The role whose holder replies go to (the Co-OP'er).
    public var replyToRole: String
    /// Right-hand side of Message-IDs, e.g. the board's mail domain.
    public var messageIDDomain: String
    public var transport: Transport

    package init(
        fromName: String,
        fromAddress: String,
        replyToRole: String,
        messageIDDomain: String,
        transport: MailConfig.Transport
    ) {
        self.fromName = fromName
        self.fromAddress = fromAddress
        self.replyToRole = replyToRole
        self.messageIDDomain = messageIDDomain
        self.transport = transport
    }

    public enum Transport: Sendable {
        /// Each message an `.eml` file in a folder: the default, needs no mail server.
        case file(folder: String)
        case sendmail(path: String)
        case smtp(SMTP)
    }

    public struct SMTP: Sendable {
        /// `smtp://host:587` (STARTTLS) or `smtps://host:465`.
        public var url: String
        public var heloName: String
        public var requireTLS: Bool
        public var username: String?
        /// A file holding the password (mode 0600), or the name of a systemd credential.
        public var passwordFile: String?
        public var passwordCredential: String?
        public var oauth2: OAuth2?
        public var caFile: String?
        public var timeoutSeconds: Int

        package init(
            url: String,
            heloName: String,
            requireTLS: Bool,
            username: String? = nil,
            passwordFile: String? = nil,
            passwordCredential: String? = nil,
            oauth2: MailConfig.OAuth2? = nil,
            caFile: String? = nil,
            timeoutSeconds: Int
        ) {
            self.url = url
            self.heloName = heloName
            self.requireTLS = requireTLS
            self.username = username
            self.passwordFile = passwordFile
            self.passwordCredential = passwordCredential
            self.oauth2 = oauth2
            self.caFile = caFile
            self.timeoutSeconds = timeoutSeconds
        }
    }

    /// Microsoft 365's client-credentials flow (SASL XOAUTH2): Koers fetches and refreshes its own
    /// token over HTTPS and caches it in the state folder.
    public struct OAuth2: Sendable {
        public var tokenURL: String
        public var clientID: String
        public var clientSecretFile: String?
        public var clientSecretCredential: String?
        public var scope: String
        /// PEM file of the certificate authority for the token endpoint, instead of the system's.
        public var caFile: String?

        package init(
            tokenURL: String,
            clientID: String,
            clientSecretFile: String? = nil,
            clientSecretCredential: String? = nil,
            scope: String,
            caFile: String? = nil
        ) {
            self.tokenURL = tokenURL
            self.clientID = clientID
            self.clientSecretFile = clientSecretFile
            self.clientSecretCredential = clientSecretCredential
            self.scope = scope
            self.caFile = caFile
        }
    }

    /// Writes `.eml` files next to the database: what the example configuration does.
    public static func fileDefault(folder: String) -> MailConfig {
        MailConfig(fromName: "Koers", fromAddress: "koers@localhost.invalid", replyToRole: "co-oper",
                   messageIDDomain: "koers.invalid", transport: .file(folder: folder))
    }
}
