import Foundation
import KoersFormats
import KoersModel

/// Turns one person's digest into a mail: Dutch, grouped by waarborg, every item numbered and saying
/// what to do by which day and why this reader receives it; plain text plus a simple HTML table that
/// Outlook renders (inline styles, no scripts, no images).
struct ReminderMail {
    let config: Config

    struct Failure {
        var recipient: String
        var subject: String
        var response: String
    }

    /// A block the Co-OP'er reads before the items: the overview after a start or a downtime, or
    /// what in the configuration needs her attention.
    struct Section {
        var heading: String
        /// Paragraphs before the list.
        var text: [String] = []
        var items: [String] = []
    }

    func message(for person: Person, digest: Digest, failures: [Failure], sections: [Section] = [], subject: String? = nil,
                 date: Date, key: String) -> MailMessage {
        let coordinator = config.people(holding: config.mail.replyToRole).first
        let items = digest.reminders
        let day = PlannedDate.day(digest.sendOn).dutch
        let title: String
        if let subject {
            title = subject
        } else if items.count == 1 && failures.isEmpty && sections.isEmpty {
            title = items[0].title
        } else if items.isEmpty && sections.isEmpty {
            title = "\(failures.count) bericht(en) niet afgeleverd"
        } else if items.isEmpty {
            title = "\(sections[0].heading) (\(day))"
        } else {
            title = "\(items.count) \(items.count == 1 ? "punt" : "punten") voor de ontwikkelagenda (\(day))"
        }
        return MailMessage(
            from: MailAddress(name: config.mail.fromName, address: config.mail.fromAddress),
            to: [MailAddress(name: person.name, address: person.email)],
            replyTo: coordinator.map { MailAddress(name: $0.name, address: $0.email) },
            subject: "Koers: " + title,
            date: date,
            messageID: MessageBuilder.messageID(forKey: key, domain: config.mail.messageIDDomain),
            text: text(person: person, digest: digest, failures: failures, sections: sections, coordinator: coordinator),
            html: html(person: person, digest: digest, failures: failures, sections: sections, coordinator: coordinator),
            extraHeaders: [])
    }

    /// The item's title with how far off its day is on the day the mail goes out (nothing once it
    /// has begun: a month's milestone caught up on its first working day).
    static func heading(_ reminder: Reminder, on day: LocalDate) -> String {
        guard let target = reminder.countdownTo, target >= day else { return reminder.title }
        return "\(reminder.title) (\(ReminderText.distance(from: day, to: target)))"
    }

    /// The closing line: where an answer goes, and that Koers sent it.
    private func footer(_ coordinator: Person?) -> String? {
        coordinator.map {
            "Dit bericht is automatisch verstuurd door Koers. Is een stap al klaar, of klopt er iets niet? "
                + "Beantwoord dit bericht: uw antwoord gaat naar \($0.name), die het vastlegt."
        }
    }

    private func text(person: Person, digest: Digest, failures: [Failure], sections: [Section], coordinator: Person?) -> String {
        var lines = ["Beste \(person.name),", ""]
        for section in sections {
            lines += [section.heading.uppercased(), ""]
            for paragraph in section.text { lines += [paragraph, ""] }
            if !section.items.isEmpty { lines += section.items.map { "- \($0)" } + [""] }
        }
        if !digest.reminders.isEmpty {
            lines += ["Dit vraagt nu uw aandacht in de ontwikkelagenda:", ""]
            var number = 0
            for group in digest.groups {
                lines += [group.theme.uppercased(), ""]
                for r in group.reminders {
                    number += 1
                    let indent = String(repeating: " ", count: "\(number). ".count)
                    lines.append("\(number). " + Self.heading(r, on: digest.sendOn))
                    for part in [r.action, r.reason, r.detail ?? ""] where !part.isEmpty { lines.append(indent + part) }
                    lines.append("")
                }
            }
        }
        if !failures.isEmpty {
            lines += ["Deze berichten konden niet worden afgeleverd:", ""]
            for f in failures { lines.append("- \(f.recipient): \(f.subject) (\(f.response))") }
            lines += ["", "Controleer de adressen in de configuratie; `koers outbox` toont ze, `koers outbox retry ID` probeert opnieuw.", ""]
        }
        lines += ["Met vriendelijke groet,", "Koers"]
        if let footer = footer(coordinator) { lines += ["", footer] }
        return lines.joined(separator: "\n") + "\n"
    }

    private func html(person: Person, digest: Digest, failures: [Failure], sections: [Section], coordinator: Person?) -> String {
        func esc(_ s: String) -> String { HTMLText.escape(s) }
        let cell = "padding:6px 10px;border-bottom:1px solid #d0d7de;vertical-align:top;"
        let quiet = "color:#59636e;"
        var h = "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Koers</title></head>"
        h += "<body style=\"font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#1f2328;\">"
        h += "<p>Beste \(esc(person.name)),</p>"
        for section in sections {
            h += "<h2 style=\"font-size:16px;margin:16px 0 6px;\">\(esc(section.heading))</h2>"
            for paragraph in section.text { h += "<p>\(esc(paragraph))</p>" }
            if !section.items.isEmpty { h += "<ul>" + section.items.map { "<li>\(esc($0))</li>" }.joined() + "</ul>" }
        }
        if !digest.reminders.isEmpty {
            h += "<p>Dit vraagt nu uw aandacht in de ontwikkelagenda:</p>"
            h += "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse;width:100%;max-width:640px;\">"
            var number = 0
            for group in digest.groups {
                h += "<tr><th colspan=\"2\" scope=\"colgroup\" style=\"text-align:left;padding:10px 10px 4px;background:#eef2f6;\">\(esc(group.theme))</th></tr>"
                for r in group.reminders {
                    number += 1
                    h += "<tr><td style=\"\(cell)width:1%;white-space:nowrap;\">\(number).</td>"
                    h += "<td style=\"\(cell)\"><strong>\(esc(Self.heading(r, on: digest.sendOn)))</strong>"
                    if !r.action.isEmpty { h += "<br>\(esc(r.action))" }
                    if !r.reason.isEmpty { h += "<br><span style=\"\(quiet)\">\(esc(r.reason))</span>" }
                    if let detail = r.detail { h += "<br><span style=\"\(quiet)\">\(esc(detail))</span>" }
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
        if let footer = footer(coordinator) { h += "<p style=\"\(quiet)font-size:12px;\">\(esc(footer))</p>" }
        return h + "</body></html>\n"
    }
}
