import Foundation

/// Builds the configured transport. Secrets are read from a file or a systemd credential here,
/// never from the configuration text or the command line.
enum MailTransportFactory {
    static func make(_ config: Config, environment: [String: String]) throws(TransportError) -> any MailTransport {
        switch config.mail.transport {
        case .file(let folder):
            return FileTransport(folder: folder)
        case .sendmail(let path):
            return SendmailTransport(path: path)
        case .smtp(let smtp):
            var secret: SMTPSecret?
            if let file = smtp.passwordFile { secret = try SMTPSecret(file: file) }
            if let name = smtp.passwordCredential { secret = try SMTPSecret(credential: name, environment: environment) }
            return SMTPTransport(SMTPSettings(
                url: smtp.url, heloName: smtp.heloName, requireTLS: smtp.requireTLS, username: smtp.username,
                password: secret, timeout: .seconds(smtp.timeoutSeconds), caFile: smtp.caFile))
        }
    }
}
