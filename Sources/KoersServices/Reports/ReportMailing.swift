import Foundation
import KoersFormats
import KoersModel
import KoersStore

/// The daemon's report delivery: on the scheduled day each recipient gets the report of the
/// period, through the outbox like every reminder (once per recipient, never lost). The report is
/// archived the first time it is built, and every copy, also one sent after a crash or restart,
/// is made from the archived text: what was mailed is exactly what the archive shows.
///
/// Reports built here leave out who recorded each change: the archive is published on the site.
extension ReminderService {
    var reportSchedule: ReportSchedule {
        let config = workspace.config
        return ReportSchedule(rules: config.reports, quiet: config.quietPeriods, timeZone: config.timeZone,
                              sendTime: config.reminders.sendTime)
    }

    /// Queues the reports due at `now` that were not queued before; returns how many messages.
    /// A report whose moment passed while Koers was not running is still sent while relevant (in
    /// the half-year after its period), else recorded as stale.
    @discardableResult
    public func enqueueDueReports(now: Date) throws -> Int {
        let config = workspace.config
        let today = config.timeZone.localDate(of: now)
        let from = try store.daemonValue("reports-planned-through").flatMap { LocalDate($0) } ?? today
        let recipients = config.reports.recipientRoles.flatMap { config.people(holding: $0) }
            .reduce(into: [Person]()) { list, person in if !list.contains(where: { $0.id == person.id }) { list.append(person) } }
        var queued = 0
        for delivery in reportSchedule.deliveries(from: min(from, today), through: today) where delivery.sendAt <= now {
            let keys = recipients.map { (person: $0, key: delivery.key + "|" + $0.id) }
            let handled = try store.handledReminderKeys(keys.map(\.key))
            let open = keys.filter { !handled.contains($0.key) }
            if open.isEmpty { continue }
            if delivery.relevantThrough < today {
                try store.recordStale(open.map { (key: $0.key, sendOn: delivery.sendOn) }, at: now)
                log.info("report \(delivery.period) recorded as stale: its moment passed while Koers was not running")
                continue
            }
            let archived = try archivedReport(delivery, now: now)
            for (person, key) in open {
                let message = MailMessage(
                    from: MailAddress(name: config.mail.fromName, address: config.mail.fromAddress),
                    to: [MailAddress(name: person.name, address: person.email)],
                    replyTo: config.people(holding: config.mail.replyToRole).first.map { MailAddress(name: $0.name, address: $0.email) },
                    subject: archived.title, date: now,
                    messageID: MessageBuilder.messageID(forKey: key, domain: config.mail.messageIDDomain),
                    text: archived.text, html: archived.html, extraHeaders: [])
                let bytes = try MessageBuilder.build(message, timeZone: config.timeZone.timeZone)
                observer?(person, message, [archived.title])
                if try store.enqueue(.init(key: key, person: person.id, recipient: person.email, subject: message.subject,
                                           message: bytes, messageID: message.messageID, reminderKeys: [key],
                                           sendOn: today), at: now) {
                    queued += 1
                }
            }
            log.info("report \(delivery.period) queued for \(open.count) recipient(s)")
        }
        try store.setDaemonValue("reports-planned-through", today.description)
        return queued
    }

    /// The archived report of the delivery's period, built and archived now if it is not there yet.
    private func archivedReport(_ delivery: ReportDelivery, now: Date) throws -> Store.ArchivedReport {
        if let archived = try store.archivedReport(kind: delivery.period.kind, period: delivery.period.description) {
            return archived
        }
        let today = workspace.config.timeZone.localDate(of: now)
        let builder = try ReportBuilder(workspace: workspace, store: store, reportingOn: delivery.period, namesRecorders: false)
        let report = try builder.report(delivery.period, asOf: min(delivery.asOf, today))
        return try store.archive(report, at: now).report
    }
}
