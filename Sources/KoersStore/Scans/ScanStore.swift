import Foundation
import KoersModel

/// Scan rounds and their answers in the database. Answers are written in one transaction that also
/// starts the round when it is new and checks for earlier answers, so an import is all or nothing.
extension Store {
    /// Every round with its answers, oldest first.
    public func scanRounds() throws -> [ScanRound] {
        let headers = try roundHeaders()
        let responses = try scanResponses(where: "1")
        return headers.map { round in
            var round = round
            round.responses = responses[round.id] ?? []
            return round
        }
    }

    /// The rounds held in `days`, each with the round it is compared with (`previous`), oldest
    /// first, with their answers: what a report on a period draws on, without reading the answers
    /// of every other round.
    public func scanRounds(held days: ClosedRange<LocalDate>) throws -> [ScanRound] {
        let headers = try roundHeaders()
        let recent = headers.filter { days.contains($0.heldOn) }
        let wanted = Set(recent.map(\.id) + recent.compactMap { $0.previous(in: headers)?.id })
        return try headers.filter { wanted.contains($0.id) }.map { round in
            var round = round
            round.responses = try scanResponses(where: "round = ?", [.text(round.id)])[round.id] ?? []
            return round
        }
    }

    private func scanResponses(where condition: String, _ values: [SQLiteValue] = []) throws -> [String: [ScanResponse]] {
        var responses: [String: [ScanResponse]] = [:]
        for row in try database.rows("""
            SELECT round, school, respondent, item, level FROM scan_response WHERE \(condition)
            ORDER BY round, school, respondent, item
            """, values) {
            guard let round = row.text(0), let school = row.text(1), let respondent = row.text(2), let item = row.text(3),
                  let level = row.int(4) else { throw StoreError.corrupt(detail: "unreadable row in scan_response") }
            responses[round, default: []].append(ScanResponse(school: school, respondent: respondent.isEmpty ? nil : respondent,
                                                              item: item, level: Int(level)))
        }
        return responses
    }

    /// The round's id, instrument and day, without its answers; nil when there is no such round.
    public func scanRound(_ id: String) throws -> ScanRound? {
        try roundHeaders(where: "id = ?", [.text(id)]).first
    }

    /// Records answers to `round`, starting it when it is new. With `replacing`, an answer given
    /// before is replaced; without, any earlier answer refuses the whole batch with
    /// `AlreadyAnswered`, listing every one.
    public func recordScanResponses(_ responses: [ScanResponse], round: ScanRound, replacing: Bool, at now: Date) throws {
        try write {
            if let existing = try scanRound(round.id) {
                guard existing.instrument == round.instrument, existing.heldOn == round.heldOn else {
                    throw ScanError.roundDiffers(existing, instrument: round.instrument, heldOn: round.heldOn)
                }
            } else {
                try database.run("INSERT INTO scan_round (id, instrument, held_on, recorded_at) VALUES (?, ?, ?, ?)",
                                 [.text(round.id), .text(round.instrument), .text(round.heldOn.description),
                                  .text(Timestamp.format(now))])
            }
            if !replacing {
                let lookup = try database.prepare("""
                    SELECT level FROM scan_response WHERE round = ? AND school = ? AND respondent = ? AND item = ?
                    """)
                var earlier: [ScanResponse] = []
                for response in responses {
                    if let level = try lookup.rows(key(round.id, response)).first?.int(0) {
                        earlier.append(ScanResponse(school: response.school, respondent: response.respondent, item: response.item,
                                                    level: Int(level)))
                    }
                }
                if !earlier.isEmpty { throw AlreadyAnswered(round: round.id, earlier: earlier) }
            }
            let insert = try database.prepare("""
                INSERT INTO scan_response (round, school, respondent, item, level, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (round, school, respondent, item) DO UPDATE SET level = excluded.level, recorded_at = excluded.recorded_at
                """)
            for response in responses {
                try insert.run(key(round.id, response) + [.integer(Int64(response.level)), .text(Timestamp.format(now))])
            }
        }
    }

    private func key(_ round: String, _ response: ScanResponse) -> [SQLiteValue] {
        [.text(round), .text(response.school), .text(response.respondent ?? ""), .text(response.item)]
    }

    private func roundHeaders(where condition: String = "1", _ values: [SQLiteValue] = []) throws -> [ScanRound] {
        try database.rows("SELECT id, instrument, held_on FROM scan_round WHERE \(condition) ORDER BY held_on, id", values).map { row in
            guard let id = row.text(0), let instrument = row.text(1), let heldOn = row.text(2).flatMap(LocalDate.init) else {
                throw StoreError.corrupt(detail: "unreadable row in scan_round")
            }
            return ScanRound(id: id, instrument: instrument, heldOn: heldOn)
        }
    }
}

/// Answers the round already had: a batch holding any of them is refused whole, and the caller says
/// where each one is (`koers scan record --replace` corrects an answer).
public struct AlreadyAnswered: Error, Sendable, Equatable, CustomStringConvertible {
    public var round: String
    /// The answers as recorded before, with their levels.
    public var earlier: [ScanResponse]

    public var description: String {
        earlier.map { "\($0.key) already has an answer in round \(round) (level \($0.level)); use --replace to correct it" }
            .joined(separator: "\n")
    }
}
