import Foundation

/// `koers mail test --to ADDRESS`: one message through the configured transport, reporting exactly
/// what the server said. Not queued: this is how an admin checks the mail settings.
enum MailCommand: Subcommand {
    static let name = "mail"
    static let summary = "Send a test message through the configured transport."
    static let usages = [CommandUsage(.word("test"), options: [.value("to", "ADDRESS", required: true, "The address to send the test message to.")],
                                      run: run)]
    static let explanation = """
    Sends one test message through the configured transport (file, sendmail or SMTP) and prints
    the server's answer. Exit status 0 when the message was accepted, 1 otherwise.

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
        let line = "via \(transport.description): \(outcome)\n"
        return outcome.isAccepted ? CommandOutput(stdout: "accepted " + line) : CommandOutput(stderr: "Error: not accepted " + line, exitCode: .refused)
    }
}
