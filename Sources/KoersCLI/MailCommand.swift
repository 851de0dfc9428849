import Foundation
import KoersFormats
import KoersMail
import KoersModel
import KoersServices

/// `koers mail test --to ADDRESS`: one message through the configured transport, reporting exactly
/// what the server said. Not queued: this is how an admin checks the mail settings.
enum MailCommand: Subcommand {
    static let name = "mail"
    static let summary = "Send a test message through the configured transport."
    static let usages = [CommandUsage(.word("test"), options: [.value("to", "ADDRESS", required: true, "The address to send the test message to.")],
                                      run: run)]
    static let explanation = """
    Sends one test message through the configured transport (file, sendmail or SMTP) and prints
    the server's answer. Exit status 0 when the message was accepted; 1 when the server refused it
    (for this address); 75 when the server could not be reached or said to try later; 78 when the
    transport is set up wrongly (login refused, TLS, an unreadable secret, invalid settings).

    """

    static func run(_ context: CommandContext) throws -> CommandOutput {
        try context.arguments.expectPositionals(atMost: 1)
        let to = try context.required("to")
        guard EmailAddress.isPlausible(to) else { throw UsageError("\"\(to)\" is not an e-mail address") }
        let workspace = try context.workspace()
        let config = workspace.config
        let now = try context.now(config.timeZone)
        let transport = try MailTransportFactory.make(config, environment: context.environment)
        let message = MailMessage(
            from: MailAddress(name: config.mail.fromName, address: config.mail.fromAddress),
            to: [MailAddress(name: nil, address: to)],
            subject: "Koers: testbericht",
            date: now,
            messageID: MessageBuilder.messageID(forKey: "test|\(Timestamp.format(now))|\(to)", domain: config.mail.messageIDDomain),
            text: "Dit is een testbericht van Koers. Als u dit leest, werkt de verzending.\n")
        let bytes = try MessageBuilder.build(message, timeZone: config.timeZone.timeZone)
        let session = transport.openSession()
        defer { session.close() }
        let outcome = session.send(from: config.mail.fromAddress, to: to, message: bytes)
        guard outcome.isAccepted else { throw NotAccepted(transport: transport.description, outcome: outcome) }
        return CommandOutput(stdout: "accepted via \(transport.description): \(outcome)\n")
    }

    /// The test message was not accepted. Its exit status says what to do: try again later (75),
    /// fix the transport's settings (78), or look at the address (1: the server refused it).
    struct NotAccepted: ExitStatusCarrying {
        var transport: String
        var outcome: DeliveryOutcome

        var description: String { "not accepted via \(transport): \(outcome)" }

        var exitCode: ExitCode {
            switch outcome {
            case .accepted, .permanent: .refused
            case .transient, .interrupted: .busy
            case .configuration: .configuration
            }
        }
    }
}
