import Foundation

/// Turns one person's digest into a mail: Dutch, grouped by waarborg, plain text plus a simple HTML
/// table that Outlook renders (inline styles, no scripts, no images).
struct ReminderMail {
    let config: Config

    struct Failure {
        var recipient: String
        var subject: String
        var response: String
    }

    func message(for person: Person, digest: Digest, failures: [Failure], date: Date, key: String) -> MailMessage {
        let coordinator = config.people(holding: config.mail.replyToRole).first
        let items = digest.reminders
        let subject: String
        if items.count == 1 && failures.isEmpty {
            subject = "Koers: \(items[0].title)"
        } else if items.isEmpty {
            subject = "Koers: \(failures.count) bericht(en) niet afgeleverd"
        } else {
            subject = "Koers: \(items.count) punten voor de ontwikkelagenda (\(PlannedDate.day(digest.sendOn).dutch))"
        }
        return MailMessage(
            from: MailAddress(name: config.mail.fromName, address: config.mail.fromAddress),
            to: [MailAddress(name: person.name, address: person.email)],
            replyTo: coordinator.map { MailAddress(name: $0.name, address: $0.email) },
            subject: subject,
            date: date,
            messageID: MessageBuilder.messageID(forKey: key, domain: config.mail.messageIDDomain),
            text: text(person: person, digest: digest, failures: failures, coordinator: coordinator),
            html: html(person: person, digest: digest, failures: failures, coordinator: coordinator),
            extraHeaders: [])
    }

    private func text(person: Person, digest: Digest, failures: [Failure], coordinator: Person?) -> String {
        var lines = ["Beste \(person.name),", ""]
        if !digest.reminders.isEmpty {
            lines += ["Dit vraagt nu uw aandacht in de ontwikkelagenda:", ""]
            for group in digest.groups {
                lines.append(group.theme.uppercased())
                for r in group.reminders {
                    lines.append("- \(r.title)")
                    if let detail = r.detail { lines.append("  \(detail)") }
                }
                lines.append("")
            }
        }
        if !failures.isEmpty {
            lines += ["Deze berichten konden niet worden afgeleverd:", ""]
            for f in failures { lines.append("- \(f.recipient): \(f.subject) (\(f.response))") }
            lines += ["", "Controleer de adressen in de configuratie; `koers outbox` toont ze, `koers outbox retry ID` probeert opnieuw.", ""]
        }
        lines += ["Met vriendelijke groet,", "Koers"]
        if let coordinator { lines += ["", "Dit bericht is automatisch verstuurd. Een antwoord gaat naar \(coordinator.name)."] }
        return lines.joined(separator: "\n") + "\n"
    }

    private func html(person: Person, digest: Digest, failures: [Failure], coordinator: Person?) -> String {
        func esc(_ s: String) -> String { HTMLText.escape(s) }
        let cell = "padding:6px 10px;border-bottom:1px solid #d0d7de;vertical-align:top;"
        var h = "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Koers</title></head>"
        h += "<body style=\"font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#1f2328;\">"
        h += "<p>Beste \(esc(person.name)),</p>"
        if !digest.reminders.isEmpty {
            h += "<p>Dit vraagt nu uw aandacht in de ontwikkelagenda:</p>"
            h += "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse;width:100%;max-width:640px;\">"
            for group in digest.groups {
                h += "<tr><th colspan=\"2\" scope=\"colgroup\" style=\"text-align:left;padding:10px 10px 4px;background:#eef2f6;\">\(esc(group.theme))</th></tr>"
                for r in group.reminders {
                    h += "<tr><td style=\"\(cell)width:1%;white-space:nowrap;\">\(esc(r.subject.split(separator: ":").last.map(String.init) ?? r.subject))</td>"
                    h += "<td style=\"\(cell)\"><strong>\(esc(r.title))</strong>"
                    if let detail = r.detail { h += "<br>\(esc(detail))" }
                    h += "</td></tr>"
                }
            }
            h += "</table>"
        }
        if !failures.isEmpty {
            h += "<p><strong>Deze berichten konden niet worden afgeleverd:</strong></p><ul>"
            for f in failures { h += "<li>\(esc(f.recipient)): \(esc(f.subject)) (\(esc(f.response)))</li>" }
            h += "</ul>"
        }
        h += "<p>Met vriendelijke groet,<br>Koers</p>"
        if let coordinator {
            h += "<p style=\"color:#59636e;font-size:12px;\">Dit bericht is automatisch verstuurd. Een antwoord gaat naar \(esc(coordinator.name)).</p>"
        }
        return h + "</body></html>\n"
    }
}
