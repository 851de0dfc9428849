import Foundation
@testable import KoersCLI
@testable import KoersFormats
@testable import KoersMail
@testable import KoersModel
@testable import KoersServices
@testable import KoersStore
@testable import KoersSystem
import KoersTestSupport
import Testing

/// Every error carries its exit status by its type; nothing becomes "1 refused" because nobody
/// said otherwise: a file that cannot be written is 73, a mail server that is down 75, a
/// transport set up wrongly 78, and an error Koers did not expect 70.
@Suite("exit statuses by error type")
struct ExitStatusTests {
    struct Unexpected: Error, CustomStringConvertible {
        var description: String { "something nobody planned for" }
    }

    static let samples: [(error: any Error, status: ExitCode)] = [
        (UsageError("--on \"x\" is not a date"), .usage),
        (CSVTable.SeparatorError.unusable("\""), .usage),
        (Workspace.Invalid(diagnostics: [Diagnostic(.error, file: "koers.json", "no agendas")]), .invalidData),
        (ScanImport.Rejected(file: "scan.csv", problems: [.init(row: 2, line: 3, message: "no school \"x\"")]), .invalidData),
        (MailError.emptyRecipients, .invalidData),
        (AgendaExport.Unchecked(diagnostics: []), .software),
        (FileError(path: "/x/out.csv", operation: .create, cause: .system(ENOENT)), .cannotCreate),
        (FileError(path: "/x/in.csv", operation: .read, cause: .system(EIO)), .invalidData),
        (SiteWriter.Failure(kind: .io, path: "/x/site", reason: "the folder /x does not exist; create it first"), .cannotCreate),
        (PreviewCommand.ScratchFolderFailure(path: "/tmp/koers-preview-1", reason: "No space left on device"), .cannotCreate),
        (StoreError.full, .storage),
        (StoreError.readOnly(path: "/var/lib/koers/koers.sqlite"), .storage),
        (StoreError.busy(sql: "BEGIN IMMEDIATE"), .busy),
        (TransportError.tokenUnavailable(reason: "the token endpoint did not answer", temporary: true), .busy),
        (TransportError.stopped, .busy),
        (MailCommand.NotAccepted(transport: "smtp://127.0.0.1:1", outcome: .transient(code: nil, response: "refused", fault: .connection)), .busy),
        (TransportError.secretEmpty(.smtpPassword, source: "/etc/koers/smtp-password"), .configuration),
        (TransportError.tokenUnavailable(reason: "invalid client secret", temporary: false), .configuration),
        (TransportError.invalidSettings("no host in the URL"), .configuration),
        (MailCommand.NotAccepted(transport: "smtp://mail", outcome: .configuration(code: 535, response: "535 no", fault: .authentication)),
         .configuration),
        (MailCommand.NotAccepted(transport: "smtp://mail", outcome: .permanent(code: 550, response: "550 user unknown")), .refused),
        (SiteWriter.Failure(kind: .refused, path: "/etc", reason: "the folder is not empty"), .refused),
        (AgendaSet.LookupError.unknownStep("LL-Z9", suggestions: []), .refused),
        (AgendaSet.ActivityLookupError.unknownActivity("LL-z", suggestions: []), .refused),
        (AgendaView.FilterError.unknownRole("bestuur", known: ["co-oper"]), .refused),
        (ReportBuilder.Failure.unknownAgenda("x", known: ["ook-sop"]), .refused),
        (CalendarExport.AudienceError.unknownRole("bestuur", known: ["co-oper"]), .refused),
        (PersonError.unknown("niemand"), .refused),
        (ScanError.unknownRound("zelfscan-2030", known: []), .refused),
        (AdoptionError.noRoles, .refused),
        (HolidaysCommand.ImportRefusal.otherRegion(path: "v.json", holds: "zuid", asked: "noord"), .refused),
        (Unexpected(), .software),
    ]

    @Test("each error type ends a command with its own exit status and says what happened")
    func statusByType() {
        for (error, status) in Self.samples {
            let output = KoersTool.failure(error, help: "Usage: koers something\n")
            #expect(output.exitCode == status, "\(type(of: error)): \(error)")
            #expect(output.stdout.isEmpty)
            let expected = switch (error as? any ExitStatusCarrying)?.report {
            case _ where status == .usage: "Error: \(error)\n\nUsage: koers something\n"
            case let report?: report
            case nil: "Error: \(error)\nKoers did not expect this error: please report it as a bug, with this message.\n"
            }
            #expect(output.stderr == expected, "\(type(of: error))")
            #expect(output.stderr.contains("\(error)") || error is Workspace.Invalid, "\(type(of: error)): \(output.stderr)")
        }
        let invalid = KoersTool.failure(Workspace.Invalid(diagnostics: [Diagnostic(.error, file: "koers.json", "no agendas")]), help: "")
        #expect(invalid.stderr == "koers.json: error: no agendas\nError: 1 error(s); fix them and run `koers check` again.\n")
        let unexpected = KoersTool.failure(Unexpected(), help: "")
        #expect(unexpected.stderr == "Error: something nobody planned for\n"
                + "Koers did not expect this error: please report it as a bug, with this message.\n")
    }

    @Test("every exit status has a line in koers --help")
    func overviewListsStatuses() {
        for code in ExitCode.allCases {
            #expect(KoersTool.overview.contains("\n  \(TextLayout.pad(String(code.rawValue), 4))\(code.meaning)\n"), "\(code)")
        }
    }

    // MARK: Real commands

    func koers(_ fixture: Fixture, _ arguments: String...) -> CommandOutput {
        KoersTool.run(["--config", fixture.folder + "/koers.json", "--now", "2024-10-15"] + arguments, environment: [:])
    }

    @Test("a --out file or site folder that cannot be created is 73, not a refusal")
    func cannotCreate() {
        let fixture = Fixture()
        fixture.standard()
        let export = koers(fixture, "export", "csv", "--out", fixture.folder + "/missing/steps.csv")
        #expect(export.exitCode == .cannotCreate, "\(export.stderr)")
        #expect(export.stderr.hasPrefix("Error: Could not create \(fixture.folder)/missing/steps.csv: No such file or directory. Check that the path is right and that its folder exists."), "\(export.stderr)")
        let site = koers(fixture, "site", "--out", fixture.folder + "/missing/site")
        #expect(site.exitCode == .cannotCreate, "\(site.stderr)")
        let refused = koers(fixture, "site", "--out", fixture.folder)
        #expect(refused.exitCode == .refused, "a folder that is not Koers's stays a refusal: \(refused.stderr)")
    }

    @Test("a database whose folder cannot be created is a database error (74) that names the folder, not an unexpected one")
    func databaseFolder() throws {
        let fixture = Fixture()
        fixture.write("file", "not a folder\n")
        fixture.standard(config: Fixture.config.replacingOccurrences(of: "\"database\": \"koers.sqlite\"",
                                                                      with: "\"database\": \"file/state/koers.sqlite\""))
        #expect(throws: StoreError.self) { try Store(path: fixture.folder + "/file/state/koers.sqlite") }
        let r = koers(fixture, "status")
        #expect(r.exitCode == .storage, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("Error: Could not open the database at \(fixture.folder)/file/state/koers.sqlite: "
                                   + "cannot create the folder \(fixture.folder)/file/state: Not a directory (SQLite SQLITE_CANTOPEN"), "\(r.stderr)")
    }

    /// The standard fixture, mailing through SMTP at `url` with these extra settings.
    func smtpFixture(url: String, _ settings: String) -> Fixture {
        let fixture = Fixture()
        fixture.standard(config: Fixture.config.replacingOccurrences(of: "\"timeZone\": \"Europe/Amsterdam\",", with: """
            "timeZone": "Europe/Amsterdam",
            "mail": { "from": { "name": "Koers", "address": "koers@example.org" }, "transport": "smtp",
                      "smtp": { "url": "\(url)", "heloName": "koers.test", "timeoutSeconds": 5\(settings) } },
            """))
        return fixture
    }

    @Test("koers mail test: a server that cannot be reached is 75 (try again), a transport set up wrongly 78, a refused address 1")
    func mailTest() throws {
        let down = smtpFixture(url: "smtp://127.0.0.1:1", "")
        let unreachable = koers(down, "mail", "test", "--to", "p.smit@example.org")
        #expect(unreachable.exitCode == .busy, "\(unreachable.stderr)")
        #expect(unreachable.stderr.hasPrefix("Error: not accepted via smtp://127.0.0.1:1"), "\(unreachable.stderr)")

        let noSecret = smtpFixture(url: "smtp://127.0.0.1:1", #", "username": "koers", "passwordFile": "missing-password""#)
        let unreadable = koers(noSecret, "mail", "test", "--to", "p.smit@example.org")
        #expect(unreadable.exitCode == .configuration, "\(unreadable.stderr)")
        #expect(unreadable.stderr.hasPrefix("Error: Could not read the SMTP password from"), "\(unreadable.stderr)")

        let server = try SMTPTestServer(.reject)
        let password = Fixture()
        let secret = password.write("password", SMTPTestServer.password + "\n")
        let settings = #", "username": "\#(SMTPTestServer.user)", "caFile": "\#(server.certificate)", "passwordFile": "\#(secret)""#
        let rejecting = koers(smtpFixture(url: server.url, settings), "mail", "test", "--to", "p.smit@example.org")
        #expect(rejecting.exitCode == .refused, "\(rejecting.stderr)")
        #expect(rejecting.stderr.contains("550"), "\(rejecting.stderr)")

        let wrong = password.write("wrong", "not the password\n")
        let login = koers(smtpFixture(url: server.url, settings.replacingOccurrences(of: secret, with: wrong)),
                          "mail", "test", "--to", "p.smit@example.org")
        #expect(login.exitCode == .configuration, "\(login.stderr)")
    }
}
