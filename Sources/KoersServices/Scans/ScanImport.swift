import Foundation
import KoersFormats
import KoersModel
import KoersStore

/// Imports the answers of a scan round from a CSV file as a spreadsheet or form exports it, all or
/// nothing: every row is checked first, every problem is reported with its row, and one
/// transaction writes the answers (and starts the round when it is new).
///
/// Two layouts are read, told apart by the header (Dutch or English names, any case):
/// - *long*, one answer per row: `school;respondent;item;score` (`respondent` optional; also
///   `vraag`/`question` for the item and `niveau`/`level` for the score);
/// - *wide*, one row per school and respondent, one column per item: `school;respondent;OC1;OC2;…`,
///   where a column heading may continue after the item id (`OC1. alle leraren…`), as form tools
///   write the question. An empty cell is a question left unanswered. `tijdstempel`/`timestamp`
///   columns are ignored.
///
/// Schools are given by id or name; levels by number or label.
public struct ScanImport: Sendable {
    public let instrument: ScanInstrument
    public let schools: [Config.School]

    public init(instrument: ScanInstrument, schools: [Config.School]) {
        self.instrument = instrument
        self.schools = schools
    }

    /// What is wrong with one row (row 0: with the file as a whole).
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var row: Int
        public var line: Int
        /// The column's heading, for a wide file's answer cells.
        public var column: String?
        public var message: String

        public var description: String {
            guard row > 0 else { return message }
            return "row \(row)" + (column.map { ", column \($0)" } ?? "") + ": " + message
        }
    }

    /// The file is not imported; `problems` says why, row by row.
    public struct Rejected: Error, Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var problems: [Problem]

        public var description: String {
            problems.map { $0.row > 0 ? "\(file):\($0.line): \($0)" : "\(file): \($0)" }.joined(separator: "\n")
        }
    }

    /// One answer read from the file, with where it stands.
    public struct Answer: Sendable, Equatable {
        public var response: ScanResponse
        public var row: Int
        public var line: Int
        public var column: String?
    }

    public struct Result: Sendable, Equatable {
        public var answers: Int
        public var schools: Int
    }

    /// Reads, checks and records the file in one transaction.
    public func run(file: String, round: ScanRound, store: Store, at now: Date) throws -> Result {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw Rejected(file: file, problems: [Problem(row: 0, line: 0, message: "cannot be read (no such file, or no permission)")])
        }
        let answers = try read([UInt8](data), file: file)
        do {
            try store.recordScanResponses(answers.map(\.response), round: round, replacing: false, at: now)
        } catch let already as AlreadyAnswered {
            let rows = Dictionary(answers.map { ($0.response.key, $0) }, uniquingKeysWith: { first, _ in first })
            throw Rejected(file: file, problems: already.earlier.compactMap { earlier in
                rows[earlier.key].map { answer in
                    Problem(row: answer.row, line: answer.line, column: answer.column,
                            message: "\(earlier.key) already has an answer in round \(round.id) (level \(earlier.level)); "
                                + "remove the row, or correct the answer with `koers scan record --replace`")
                }
            }.sorted { ($0.row, $0.line) < ($1.row, $1.line) })
        }
        return Result(answers: answers.count, schools: Set(answers.map(\.response.school)).count)
    }

    /// Every answer of the file, or every problem in it.
    public func read(_ bytes: [UInt8], file: String) throws(Rejected) -> [Answer] {
        let table: CSVReader
        do {
            table = try CSVReader(bytes)
        } catch {
            throw Rejected(file: file, problems: [Problem(row: 0, line: 0, message: error.description)])
        }
        var problems: [Problem] = []
        guard let header = table.records.first else {
            throw Rejected(file: file, problems: [Problem(row: 0, line: 0, message: CSVReader.Failure.empty.description)])
        }
        let layout = self.layout(header, problems: &problems)
        var answers: [Answer] = []
        var firstRow: [ScanResponse.Key: Int] = [:]
        var firstRespondentRow: [String: Int] = [:]
        for record in table.records.dropFirst() where !(record.isBlank && record.problem == nil) {
            func problem(_ message: String, column: String? = nil) {
                problems.append(Problem(row: record.row, line: record.line, column: column, message: message))
            }
            if let trouble = record.problem {
                problem(trouble)
                continue
            }
            if record.fields.count > header.fields.count, record.fields[header.fields.count...].contains(where: { !$0.isEmpty }) {
                problem("\(record.fields.count) fields, but the header has \(header.fields.count) columns")
                continue
            }
            guard let layout else { continue }
            func field(_ index: Int) -> String { index < record.fields.count ? record.fields[index] : "" }
            var school: String?
            switch resolveSchool(field(layout.school)) {
            case .success(let id): school = id
            case .failure(let error): problem(error.description)
            }
            var respondent: String?
            if let column = layout.respondent, !field(column).isEmpty {
                respondent = field(column)
                if let trouble = ScanResponse.respondentProblem(field(column)) { problem(trouble); school = nil }
            }
            var found: [(item: String, level: Int, column: String?)] = []
            if let items = layout.items {
                // Long: one answer per row.
                let itemText = field(items.item), levelText = field(items.level)
                let item = itemText.isEmpty ? nil : Self.item(matching: itemText, in: instrument)
                if itemText.isEmpty { problem("no item; expected an item id such as \(instrument.placedItems.first?.item.id ?? "OC1")") }
                else if item == nil { problem(ScanError.unknownItem(itemText, instrument: instrument).description) }
                let level = levelText.isEmpty ? nil : instrument.level(parsing: levelText)
                if levelText.isEmpty { problem("no level; expected \(instrument.levelSpellings)") }
                else if level == nil { problem(ScanError.badLevel(levelText, instrument: instrument).description) }
                if let item, let level { found.append((item.item.id, level.value, nil)) }
            } else {
                // Wide: one row per school and respondent.
                if let school {
                    let who = "\(school)|\(respondent ?? "")"
                    if let first = firstRespondentRow[who] {
                        problem("a second row for school \(school)" + (respondent.map { ", respondent \"\($0)\"" } ?? "")
                                + " (the first is row \(first)); one row per school and respondent")
                        continue
                    }
                    firstRespondentRow[who] = record.row
                }
                for (index, item) in layout.answerColumns where !field(index).isEmpty {
                    if let level = instrument.level(parsing: field(index)) {
                        found.append((item, level.value, item))
                    } else {
                        problem(ScanError.badLevel(field(index), instrument: instrument).description, column: item)
                    }
                }
            }
            guard let school else { continue }
            for answer in found {
                let response = ScanResponse(school: school, respondent: respondent, item: answer.item, level: answer.level)
                if let first = firstRow[response.key] {
                    problem("a second answer for \(response.key) (the first is on row \(first))", column: answer.column)
                    continue
                }
                firstRow[response.key] = record.row
                answers.append(Answer(response: response, row: record.row, line: record.line, column: answer.column))
            }
        }
        if problems.isEmpty && answers.isEmpty {
            problems.append(Problem(row: 1, line: header.line, message: "the file holds no answers, only a header"))
        }
        guard problems.isEmpty else { throw Rejected(file: file, problems: problems) }
        return answers
    }

    // MARK: The header

    struct Layout {
        var school: Int
        var respondent: Int?
        /// The long layout's item and level columns; nil for the wide layout.
        var items: (item: Int, level: Int)?
        /// The wide layout's columns: index → item id.
        var answerColumns: [(Int, String)]
    }

    enum Heading: Hashable {
        case school, respondent, item, level, ignored
        case answer(item: String)

        static let names: [(Heading, [String])] = [
            (.school, ["school", "school id", "school-id", "schoolid"]),
            (.respondent, ["respondent", "invuller"]),
            (.item, ["item", "item id", "item-id", "vraag", "question"]),
            (.level, ["score", "niveau", "level", "antwoord", "answer"]),
            (.ignored, ["tijdstempel", "timestamp"]),
        ]
    }

    private func layout(_ header: CSVReader.Record, problems: inout [Problem]) -> Layout? {
        func problem(_ message: String) { problems.append(Problem(row: 1, line: header.line, message: message)) }
        if let trouble = header.problem {
            problem(trouble)
            return nil
        }
        var columns: [Heading: Int] = [:]
        var answerColumns: [(Int, String)] = []
        var unknown: [String] = []
        for (index, text) in header.fields.enumerated() {
            let name = ScanInstrument.normalised(text)
            if name.isEmpty { continue }
            let heading = Heading.names.first { $0.1.contains(name) }?.0
                ?? Self.item(matching: text, in: instrument).map { .answer(item: $0.item.id) }
            guard let heading else {
                unknown.append(text)
                continue
            }
            if case .answer(let item) = heading {
                if answerColumns.contains(where: { $0.1 == item }) {
                    problem("two columns for item \(item); one column per item")
                }
                answerColumns.append((index, item))
            } else if heading != .ignored {
                if columns[heading] != nil { problem("two columns named \"\(text)\"; one column each") }
                columns[heading] = columns[heading] ?? index
            }
        }
        let long = columns[.item] != nil || columns[.level] != nil
        let expected = long ? "school, respondent, item (vraag) and score (niveau, level)"
                            : "school, respondent, and item ids of instrument \(instrument.id) (\(instrument.itemSpellings))"
        for text in unknown { problem("unknown column \"\(text)\"; expected \(expected)") }
        if long && !answerColumns.isEmpty {
            problem("the header has both an item column and item ids as columns; use one layout: one answer per row "
                    + "(school;respondent;item;score) or one row per respondent (school;respondent;OC1;OC2;…)")
        }
        guard let school = columns[.school] else {
            problem("no school column; expected a column named school, with the school's id or name")
            return nil
        }
        if long {
            guard let item = columns[.item], let level = columns[.level] else {
                problem(columns[.item] == nil ? "no item column; expected a column named item (or vraag, question)"
                                              : "no score column; expected a column named score (or niveau, level)")
                return nil
            }
            return Layout(school: school, respondent: columns[.respondent], items: (item, level), answerColumns: [])
        }
        guard !answerColumns.isEmpty else {
            problem("no answers in the header: expected item and score columns, or one column per item id "
                    + "of instrument \(instrument.id) (\(instrument.itemSpellings))")
            return nil
        }
        return Layout(school: school, respondent: columns[.respondent], items: nil, answerColumns: answerColumns)
    }

    /// The item a heading or cell names: its id, alone or followed by more text after a
    /// non-alphanumeric character (`OC1. alle leraren…`, `OC1: …`).
    static func item(matching text: String, in instrument: ScanInstrument) -> ScanInstrument.PlacedItem? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let exact = instrument.item(trimmed) { return exact }
        let head = trimmed.prefix { $0.isLetter || $0.isNumber }
        guard head.count < trimmed.count else { return nil }
        return instrument.item(String(head))
    }

    private func resolveSchool(_ text: String) -> Swift.Result<String, ScanError> {
        guard !text.isEmpty else { return .failure(.noSchool(known: schools.map(\.id))) }
        guard let school = Self.school(text, in: schools) else { return .failure(.unknownSchool(text, known: schools.map(\.id))) }
        return .success(school.id)
    }

    /// The school a spreadsheet or command names: by id or by name, ignoring case and repeated spaces.
    package static func school(_ text: String, in schools: [Config.School]) -> Config.School? {
        let wanted = ScanInstrument.normalised(text)
        return schools.first { $0.id == wanted || ScanInstrument.normalised($0.name) == wanted }
    }
}
