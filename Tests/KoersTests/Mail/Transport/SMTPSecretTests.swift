import Foundation
import Testing
@testable import KoersMail

@Suite("SMTP secret")
struct SMTPSecretTests {
    @Test("a password file is read with one trailing newline removed", arguments: [
        ("s3cret pass\n", "s3cret pass"),
        ("s3cret pass\r\n", "s3cret pass"),
        ("s3cret pass", "s3cret pass"),
        ("  spaces kept  \n", "  spaces kept  "),
    ])
    func readsFile(content: String, expected: String) throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/smtp-password"
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        let secret = try SMTPSecret(file: path)
        #expect(secret.value == expected)
        #expect(secret.source == "file \(path)")
    }

    @Test("a systemd credential is read from $CREDENTIALS_DIRECTORY/NAME")
    func readsCredential() throws {
        let folder = try TemporaryFolder()
        try "from-systemd\n".write(toFile: folder.path + "/smtp-password", atomically: true, encoding: .utf8)
        let secret = try SMTPSecret(credential: "smtp-password", environment: ["CREDENTIALS_DIRECTORY": folder.path])
        #expect(secret.value == "from-systemd")
        #expect(secret.source == "systemd credential smtp-password")
    }

    @Test("without $CREDENTIALS_DIRECTORY, or with a name that is a path, a credential is refused")
    func credentialProblems() throws {
        #expect(throws: TransportError.credentialsDirectoryUnset(name: "smtp-password")) {
            try SMTPSecret(credential: "smtp-password", environment: [:])
        }
        #expect(throws: TransportError.invalidCredentialName("../etc/shadow")) {
            try SMTPSecret(credential: "../etc/shadow", environment: ["CREDENTIALS_DIRECTORY": "/run/credentials/koers.service"])
        }
    }

    @Test("an empty, multi-line or missing file is refused, and the error never shows the content")
    func fileProblems() throws {
        let folder = try TemporaryFolder()
        try "\n".write(toFile: folder.path + "/empty", atomically: true, encoding: .utf8)
        try "first-line-secret\nsecond\n".write(toFile: folder.path + "/two-lines", atomically: true, encoding: .utf8)
        try "double-newline-secret\n\n".write(toFile: folder.path + "/double", atomically: true, encoding: .utf8)

        #expect(throws: TransportError.secretEmpty(.smtpPassword, source: "file \(folder.path)/empty")) {
            try SMTPSecret(file: folder.path + "/empty")
        }
        for name in ["two-lines", "double"] {
            do {
                _ = try SMTPSecret(file: folder.path + "/" + name)
                Issue.record("\(name) should be refused")
            } catch {
                #expect(error == .secretMalformed(.smtpPassword, source: "file \(folder.path)/\(name)"))
                #expect(!error.description.contains("secret\n") && !error.description.contains("-secret"))
            }
        }
        #expect(throws: TransportError.secretUnreadable(.smtpPassword, source: "file \(folder.path)/missing", reason: "No such file or directory")) {
            try SMTPSecret(file: folder.path + "/missing")
        }
        #expect(throws: TransportError.secretUnreadable(.smtpPassword, source: "file \(folder.path)", reason: "not a regular file")) {
            try SMTPSecret(file: folder.path)
        }
    }

    @Test("description, debug description, interpolation and dump never show the secret")
    func neverShown() throws {
        let folder = try TemporaryFolder()
        try "hunter2-geheim\n".write(toFile: folder.path + "/pw", atomically: true, encoding: .utf8)
        let secret = try SMTPSecret(file: folder.path + "/pw")
        var dumped = ""
        dump(secret, to: &dumped)
        let settings = SMTPSettings(url: "smtp://mail.example:587", heloName: "koers.example", username: "koers", password: secret)
        var dumpedSettings = ""
        dump(settings, to: &dumpedSettings)
        for text in [secret.description, secret.debugDescription, "\(secret)", String(reflecting: secret), dumped,
                     "\(settings)", String(reflecting: settings), dumpedSettings] {
            #expect(!text.contains("hunter2"), "\(text)")
        }
        #expect(secret.description == "SMTPSecret(from file \(folder.path)/pw, value hidden)")
    }
}
