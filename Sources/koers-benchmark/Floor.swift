import Foundation
import KoersStore

/// The floor under the report and site rows: the same work without Koers' logic. One plain query
/// reads every history row of the agenda through Koers' `Database` (a second connection on the
/// same file), and a string of the same byte count as Koers' output is made by concatenating the
/// rows' texts, over and over. What a row takes above this is building the report or pages.
struct Floor {
    let database: Database
    /// Nil: every agenda's rows.
    let agenda: String?

    init(_ input: HistoryInput) throws {
        try self.init(databasePath: input.databasePath, agenda: input.agenda.id)
    }

    init(databasePath: String, agenda: String?) throws {
        database = try Database(path: databasePath, readOnly: true)
        self.agenda = agenda
    }

    /// The baseline's name in the table, by the rows it reads and the bytes it makes:
    /// `query 79 rows + concat 41.2 KiB`.
    static func name(bytes: Int, _ input: HistoryInput) -> String { name(bytes: bytes, rows: input.events) }

    static func name(bytes: Int, rows: Int) -> String { "query \(rows) rows + concat \(Format.bytes(bytes))" }

    /// Reads the rows and concatenates their texts up to `bytes`; returns the string's byte count.
    @discardableResult
    func run(bytes: Int) throws -> Int {
        let rows = try agenda.map { try database.rows("SELECT * FROM status_event WHERE agenda = ?", [.text($0)]) }
            ?? database.rows("SELECT * FROM status_event")
        var pieces: [String] = []
        for row in rows {
            for index in 0..<row.count { if let text = row.text(index) { pieces.append(text) } }
        }
        if pieces.isEmpty { pieces = ["<td>", "</td>"] }
        var text = ""
        var index = 0
        while text.utf8.count < bytes {
            text += pieces[index]
            index = index + 1 == pieces.count ? 0 : index + 1
        }
        return text.utf8.count
    }
}
