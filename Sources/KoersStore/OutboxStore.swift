import Foundation
import KoersFormats
import KoersModel

/// The outbox: every message is written here, under its idempotency key, before any attempt to send
/// it. Together with the reminder log it makes sending safe across crashes, restarts and reloads:
/// a reminder key is queued once, a message is claimed before it is sent and marked after.
extension Store {
    /// One message in the outbox.
    public struct OutboxMessage: Sendable, Equatable {
        public enum Status: String, Sendable { case pending, sending, sent, failed }
        public var id: Int64
        public var key: String
        public var person: String
        public var recipient: String
        public var subject: String
        public var message: [UInt8]
        public var messageID: String
        public var status: Status
        public var attempts: Int
        public var nextAttemptAt: Date
        public var lastResponse: String?
        public var createdAt: Date
        public var sentAt: Date?
    }

    /// A message ready to be queued, with the reminder keys it carries.
    public struct NewMessage: Sendable {
        public var key: String
        public var person: String
        public var recipient: String
        public var subject: String
        public var message: [UInt8]
        public var messageID: String
        public var reminderKeys: [String]
        public var sendOn: LocalDate
        /// The day the planner gave each reminder, when it differs from `sendOn` (a reminder caught
        /// up after downtime): what keeps notices of one thing in order.
        public var plannedOn: [String: LocalDate]

        public init(key: String, person: String, recipient: String, subject: String, message: [UInt8],
                    messageID: String, reminderKeys: [String], sendOn: LocalDate, plannedOn: [String: LocalDate] = [:]) {
            self.key = key
            self.person = person
            self.recipient = recipient
            self.subject = subject
            self.message = message
            self.messageID = messageID
            self.reminderKeys = reminderKeys
            self.sendOn = sendOn
            self.plannedOn = plannedOn
        }
    }

    /// Reminder keys already queued or recorded as stale: they are never queued again.
    public func handledReminderKeys(_ keys: [String]) throws -> Set<String> {
        var found: Set<String> = []
        for key in keys where try database.scalarInt("SELECT 1 FROM reminder WHERE key = ?", [.text(key)]) != nil {
            found.insert(key)
        }
        return found
    }

    /// Queues a message and logs its reminders, in one transaction. Returns false (and writes
    /// nothing) when the message key is already in the outbox.
    @discardableResult
    public func enqueue(_ new: NewMessage, at now: Date) throws -> Bool {
        try write {
            if try database.scalarInt("SELECT 1 FROM outbox WHERE key = ?", [.text(new.key)]) != nil { return false }
            let stamp = SQLiteValue.text(Timestamp.format(now))
            try database.run("""
                INSERT INTO outbox (key, person, recipient, subject, message, message_id, status, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)
                """, [.text(new.key), .text(new.person), .text(new.recipient), .text(new.subject), .blob(new.message),
                      .text(new.messageID), stamp, stamp])
            let id = database.lastInsertRowID
            for key in new.reminderKeys {
                try database.run("""
                    INSERT OR IGNORE INTO reminder (key, outbox_id, status, send_on, recorded_at, about, planned_on)
                    VALUES (?, ?, 'queued', ?, ?, ?, ?)
                    """, [.text(key), .integer(id), .text(new.sendOn.description), stamp, Self.about(ofReminderKey: key),
                          .text((new.plannedOn[key] ?? new.sendOn).description)])
            }
            return true
        }
    }

    /// Records reminders that were due while Koers was not running and are no longer relevant:
    /// logged, never sent.
    public func recordStale(_ keys: [(key: String, sendOn: LocalDate)], at now: Date) throws {
        try write {
            for item in keys {
                try database.run("""
                    INSERT OR IGNORE INTO reminder (key, outbox_id, status, send_on, recorded_at, about, planned_on)
                    VALUES (?, NULL, 'stale', ?, ?, ?, ?)
                    """, [.text(item.key), .text(item.sendOn.description), .text(Timestamp.format(now)),
                          Self.about(ofReminderKey: item.key), .text(item.sendOn.description)])
            }
        }
    }

    /// Messages whose next attempt is due, oldest first.
    public func dueMessages(at now: Date, limit: Int = 500) throws -> [OutboxMessage] {
        try database.rows("""
            SELECT \(Self.outboxColumns) FROM outbox
            WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?
            """, [.text(Timestamp.format(now)), .integer(Int64(limit))]).map(Self.outboxMessage)
    }

    /// The earliest moment a pending message should be tried, for the daemon's sleep.
    public func nextAttempt() throws -> Date? {
        try database.rows("SELECT min(next_attempt_at) FROM outbox WHERE status = 'pending'").first?.text(0).flatMap(Timestamp.parse)
    }

    /// Marks a message as being sent, committed before the attempt: a crash during the attempt
    /// leaves it `sending`, and `recoverInterruptedSends` decides what happens to it.
    public func markSending(_ id: Int64) throws {
        try write {
            try database.run("UPDATE outbox SET status = 'sending', attempts = attempts + 1 WHERE id = ? AND status = 'pending'",
                             [.integer(id)])
        }
    }

    public func markSent(_ id: Int64, response: String, at now: Date) throws {
        try write {
            try database.run("UPDATE outbox SET status = 'sent', sent_at = ?, last_response = ? WHERE id = ?",
                             [.text(Timestamp.format(now)), .text(response), .integer(id)])
        }
    }

    /// A transient failure: try again at `retryAt`.
    public func markRetry(_ id: Int64, response: String, retryAt: Date) throws {
        try write {
            try database.run("UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_response = ? WHERE id = ?",
                             [.text(Timestamp.format(retryAt)), .text(response), .integer(id)])
        }
    }

    /// The attempt was cut off because Koers is stopping. Nothing is known about the message, so
    /// it is pending again, due as before, and the attempt is not counted.
    public func markInterrupted(_ id: Int64) throws {
        try write {
            try database.run("UPDATE outbox SET status = 'pending', attempts = max(attempts - 1, 0) WHERE id = ? AND status = 'sending'",
                             [.integer(id)])
        }
    }

    /// The round ended at trouble with the server, not with message `id`: it and every other
    /// pending message due before `until` wait until then. The attempt on `id` is not counted (the
    /// server never judged the message), the others are not touched but for their next attempt.
    /// Returns how many messages wait.
    @discardableResult
    public func holdQueue(after id: Int64, response: String, until: Date) throws -> Int {
        let stamp = SQLiteValue.text(Timestamp.format(until))
        return try write {
            try database.run("""
                UPDATE outbox SET status = 'pending', attempts = max(attempts - 1, 0), last_response = ?, next_attempt_at = ?
                WHERE id = ? AND status = 'sending'
                """, [.text(response), stamp, .integer(id)])
            try database.run("UPDATE outbox SET next_attempt_at = ? WHERE status = 'pending' AND next_attempt_at < ?", [stamp, stamp])
            return Int(try database.scalarInt("SELECT count(*) FROM outbox WHERE status = 'pending' AND next_attempt_at = ?", [stamp]) ?? 0)
        }
    }

    /// A permanent failure: kept, listed by `koers outbox`, and reported to the coordinator.
    public func markFailed(_ id: Int64, response: String) throws {
        try write {
            try database.run("UPDATE outbox SET status = 'failed', last_response = ? WHERE id = ?", [.text(response), .integer(id)])
        }
    }

    /// After a crash, messages left `sending` may or may not have reached the server. They are sent
    /// again (with the same Message-ID): at most one duplicate, never a loss.
    @discardableResult
    public func recoverInterruptedSends() throws -> Int {
        try write {
            try database.run("UPDATE outbox SET status = 'pending' WHERE status = 'sending'")
            return database.changes
        }
    }

    /// Puts a failed (or pending) message back in the queue now: `koers outbox retry ID`.
    public func requeue(_ id: Int64, at now: Date) throws -> Bool {
        try write {
            try database.run("UPDATE outbox SET status = 'pending', next_attempt_at = ?, reported_at = NULL WHERE id = ? AND status IN ('failed', 'pending')",
                             [.text(Timestamp.format(now)), .integer(id)])
            return database.changes == 1
        }
    }

    /// Failed messages not yet reported to the coordinator; `markReported` after they were included.
    public func unreportedFailures() throws -> [OutboxMessage] {
        try database.rows("SELECT \(Self.outboxColumns) FROM outbox WHERE status = 'failed' AND reported_at IS NULL ORDER BY id")
            .map(Self.outboxMessage)
    }

    /// Whether a message to `person` was queued at or after `moment`: the Co-OP'er gets at most one
    /// mail a day, so a report of failures alone waits when she has had one.
    public func hasMessage(for person: String, queuedSince moment: Date) throws -> Bool {
        try database.scalarInt("SELECT 1 FROM outbox WHERE person = ? AND created_at >= ? LIMIT 1",
                               [.text(person), .text(Timestamp.format(moment))]) != nil
    }

    public func markReported(_ ids: [Int64], at now: Date) throws {
        try write {
            for id in ids {
                try database.run("UPDATE outbox SET reported_at = ? WHERE id = ?", [.text(Timestamp.format(now)), .integer(id)])
            }
        }
    }

    /// Messages in the given states, newest first, for `koers outbox`.
    public func outbox(statuses: [OutboxMessage.Status], limit: Int = 200) throws -> [OutboxMessage] {
        let marks = statuses.map { _ in "?" }.joined(separator: ", ")
        return try database.rows("SELECT \(Self.outboxColumns) FROM outbox WHERE status IN (\(marks)) ORDER BY id DESC LIMIT ?",
                                 statuses.map { .text($0.rawValue) } + [.integer(Int64(limit))]).map(Self.outboxMessage)
    }

    public func outboxCounts() throws -> [OutboxMessage.Status: Int] {
        var counts: [OutboxMessage.Status: Int] = [:]
        for row in try database.rows("SELECT status, count(*) FROM outbox GROUP BY status") {
            if let status = row.text(0).flatMap(OutboxMessage.Status.init(rawValue:)) { counts[status] = Int(row.int(1) ?? 0) }
        }
        return counts
    }

    // MARK: Delivery errors

    /// The last failed delivery attempt, kept (in `daemon_state`) until a message goes out, so that
    /// `koers status`, another process, can tell the administrator while mail waits because of it.
    public struct DeliveryError: Sendable, Equatable {
        /// When the attempt was made (the daemon's clock).
        public var at: Date
        public var fault: DeliveryFault
        /// The server's answer or what went wrong, on one line, without e-mail addresses.
        public var text: String
        /// Rounds in a row that ended at a fault concerning every message: the back-off grows with them.
        public var troubledRounds: Int
        /// Until when those rounds hold the queue back, nil once it was released.
        public var heldUntil: Date?

        public init(at: Date, fault: DeliveryFault, text: String, troubledRounds: Int = 0, heldUntil: Date? = nil) {
            self.at = at
            self.fault = fault
            self.text = TerminalText.oneLine(Log.withoutAddresses(text))
            self.troubledRounds = troubledRounds
            self.heldUntil = heldUntil
        }
    }

    private static let deliveryErrorName = "delivery-error"

    public func deliveryError() throws -> DeliveryError? {
        guard let text = try daemonValue(Self.deliveryErrorName),
              let root = try? JSONParser.parse(Array(text.utf8)),
              let at = root["at"]?.string.flatMap(Timestamp.parse),
              let fault = root["kind"]?.string.flatMap(DeliveryFault.init(rawValue:)),
              let message = root["text"]?.string
        else { return nil }
        return DeliveryError(at: at, fault: fault, text: message, troubledRounds: root["troubledRounds"]?.int ?? 0,
                             heldUntil: root["heldUntil"]?.string.flatMap(Timestamp.parse))
    }

    public func recordDeliveryError(_ error: DeliveryError) throws {
        var members: [(String, JSONValue)] = [
            ("at", .string(Timestamp.format(error.at))), ("kind", .string(error.fault.rawValue)), ("text", .string(error.text)),
            ("troubledRounds", .int(error.troubledRounds)),
        ]
        if let held = error.heldUntil { members.append(("heldUntil", .string(Timestamp.format(held)))) }
        try setDaemonValue(Self.deliveryErrorName, JSONWriter.write(.object(members), pretty: false))
    }

    /// A message went out: the error is over, and messages the server's trouble held back are due
    /// at `now`.
    public func clearDeliveryError(at now: Date) throws {
        try write {
            try releaseHeldMessages(at: now)
            try database.run("DELETE FROM daemon_state WHERE name = ?", [.text(Self.deliveryErrorName)])
        }
    }

    /// Makes the messages that wait for the server's trouble to pass due at `now`: when a message
    /// went out, or after a restart or reload, which may well have fixed the settings. The back-off
    /// keeps growing if the trouble is still there. Returns how many messages were released.
    @discardableResult
    public func releaseHeldMessages(at now: Date) throws -> Int {
        try write {
            guard var error = try deliveryError(), let held = error.heldUntil else { return 0 }
            var released = 0
            if held > now {
                try database.run("UPDATE outbox SET next_attempt_at = ? WHERE status = 'pending' AND next_attempt_at = ?",
                                 [.text(Timestamp.format(now)), .text(Timestamp.format(held))])
                released = database.changes
            }
            error.heldUntil = nil
            try recordDeliveryError(error)
            return released
        }
    }

    // MARK: Daemon bookkeeping

    public func daemonValue(_ name: String) throws -> String? {
        try database.rows("SELECT value FROM daemon_state WHERE name = ?", [.text(name)]).first?.text(0)
    }

    public func setDaemonValue(_ name: String, _ value: String) throws {
        try write {
            try database.run("INSERT INTO daemon_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                             [.text(name), .text(value)])
        }
    }

    /// Increases whenever another connection (a `koers set` from the command line) commits; the
    /// daemon re-plans when it changes.
    public func externalChangeCounter() throws -> Int64 { try database.dataVersion }

    private static let outboxColumns =
        "id, key, person, recipient, subject, message, message_id, status, attempts, next_attempt_at, last_response, created_at, sent_at"

    private static func outboxMessage(_ row: Row) throws -> OutboxMessage {
        guard let id = row.int(0), let key = row.text(1), let person = row.text(2), let recipient = row.text(3),
              let subject = row.text(4), let message = row.blob(5), let messageID = row.text(6),
              let status = row.text(7).flatMap(OutboxMessage.Status.init(rawValue:)),
              let next = row.text(9).flatMap(Timestamp.parse), let created = row.text(11).flatMap(Timestamp.parse)
        else { throw StoreError.corrupt(detail: "unreadable row in outbox") }
        return OutboxMessage(id: id, key: key, person: person, recipient: recipient, subject: subject, message: message,
                             messageID: messageID, status: status, attempts: Int(row.int(8) ?? 0), nextAttemptAt: next,
                             lastResponse: row.text(10), createdAt: created, sentAt: row.text(12).flatMap(Timestamp.parse))
    }
}
