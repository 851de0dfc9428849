import Foundation
import KoersMail
import KoersModel

/// Builds the configured transport. Secrets are read from a file or a systemd credential here,
/// never from the configuration text or the command line.
package enum MailTransportFactory {
    package static func make(_ config: Config, environment: [String: String]) throws(TransportError) -> any MailTransport {
        switch config.mail.transport {
        case .file(let folder):
            return FileTransport(folder: folder)
        case .sendmail(let path):
            return SendmailTransport(path: path)
        case .smtp(let smtp):
            var secret: SMTPSecret?
            if let file = smtp.passwordFile { secret = try SMTPSecret(file: file) }
            if let name = smtp.passwordCredential { secret = try SMTPSecret(credential: name, environment: environment) }
            var token: (@Sendable (_ abortWhen: @escaping () -> Bool) throws -> String)?
            if let oauth2 = smtp.oauth2 {
                let source = try tokenSource(oauth2, smtp: smtp, cacheFolder: config.stateFolder, environment: environment)
                token = { abortWhen in try source.token(abortWhen: abortWhen) }
            }
            // timeoutSeconds bounds every wait for the server, connecting (greeting, EHLO, AUTH) included.
            let timeout = Duration.seconds(smtp.timeoutSeconds)
            return SMTPTransport(SMTPSettings(
                url: smtp.url, heloName: smtp.heloName, requireTLS: smtp.requireTLS, username: smtp.username,
                password: secret, oauthToken: token, connectTimeout: timeout, timeout: timeout, caFile: smtp.caFile))
        }
    }

    /// The token is cached next to the database, in the state folder only Koers may read.
    private static func tokenSource(_ oauth2: MailConfig.OAuth2, smtp: MailConfig.SMTP, cacheFolder: String,
                                    environment: [String: String]) throws(TransportError) -> OAuth2TokenSource {
        let secret: SMTPSecret
        if let name = oauth2.clientSecretCredential {
            secret = try SMTPSecret(credential: name, kind: .oauth2ClientSecret, environment: environment)
        } else if let file = oauth2.clientSecretFile {
            secret = try SMTPSecret(file: file, kind: .oauth2ClientSecret)
        } else {
            throw .invalidSettings("mail.smtp.oauth2 needs \"clientSecretFile\" or \"clientSecretCredential\"")
        }
        return OAuth2TokenSource(
            .init(tokenURL: oauth2.tokenURL, clientID: oauth2.clientID, clientSecret: secret, scope: oauth2.scope,
                  caFile: oauth2.caFile, timeout: .seconds(smtp.timeoutSeconds)),
            cachePath: cacheFolder + "/oauth2-token.json")
    }
}
