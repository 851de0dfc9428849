import Foundation
import KoersFormats
import KoersModel

/// The reports Koers mailed, exactly as mailed: a director who asks in 2027 what the 2024-H1
/// report said gets those bytes, not a fresh computation. One report per period; the archive is
/// append-only (erasure of personal data, issue 5, is the one exception and deletes).
extension Store {
    public struct ArchivedReport: Sendable, Equatable {
        public typealias Kind = ReportPeriod.Kind
        public var id: Int64
        public var kind: Kind
        /// "2024-H1" or "2024".
        public var period: String
        public var asOf: LocalDate
        public var title: String
        public var html: String
        public var text: String
        public var json: String
        public var createdAt: Date
    }

    /// Archives a report unless its period is archived already; returns the archived one either way.
    @discardableResult
    public func archiveReport(kind: ArchivedReport.Kind, period: String, asOf: LocalDate, title: String,
                              html: String, text: String, json: String, at now: Date) throws -> ArchivedReport {
        try addReport(kind: kind, period: period, asOf: asOf, title: title, html: html, text: text, json: json, at: now).report
    }

    /// Archives a report unless its period is archived already, and says which happened: `isNew`
    /// is false when the archive already held a report on the period (returned as it is; the
    /// archive keeps one report per period and never replaces it). Checked and stored in one
    /// transaction, so the daemon and `koers report --archive` cannot both store one.
    public func addReport(kind: ArchivedReport.Kind, period: String, asOf: LocalDate, title: String,
                          html: String, text: String, json: String, at now: Date) throws -> (report: ArchivedReport, isNew: Bool) {
        try write {
            try database.run("""
                INSERT OR IGNORE INTO report (kind, period, as_of, title, html, text, json, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(kind.rawValue), .text(period), .text(asOf.description), .text(title), .text(html),
                      .text(text), .text(json), .text(Timestamp.format(now))])
            let isNew = database.changes == 1
            guard let report = try archivedReports(where: "kind = ? AND period = ?", [.text(kind.rawValue), .text(period)]).first else {
                throw StoreError.corrupt(detail: "the archived report \(period) could not be read back from \(path)")
            }
            return (report, isNew)
        }
    }

    /// Archives `report` in the three forms the archive keeps (text, HTML, JSON), rendered as they are
    /// mailed. See `addReport` for a period already archived.
    public func archive(_ report: Report, at now: Date) throws -> (report: ArchivedReport, isNew: Bool) {
        try addReport(kind: report.period.kind, period: report.period.description, asOf: report.asOf, title: report.title,
                      html: HTMLReportRenderer().render(report), text: TextReportRenderer().render(report),
                      json: JSONReportRenderer().render(report), at: now)
    }

    /// All archived reports, oldest period first.
    public func archivedReports() throws -> [ArchivedReport] {
        try archivedReports(where: "1", [])
    }

    public func archivedReport(id: Int64) throws -> ArchivedReport? {
        try archivedReports(where: "id = ?", [.integer(id)]).first
    }

    public func archivedReport(kind: ArchivedReport.Kind, period: String) throws -> ArchivedReport? {
        try archivedReports(where: "kind = ? AND period = ?", [.text(kind.rawValue), .text(period)]).first
    }

    private func archivedReports(where condition: String, _ values: [SQLiteValue]) throws -> [ArchivedReport] {
        try database.rows("""
            SELECT id, kind, period, as_of, title, html, text, json, created_at FROM report
            WHERE \(condition) ORDER BY period, kind, id
            """, values).compactMap { row in
            guard let id = row.int(0), let kind = row.text(1).flatMap(ArchivedReport.Kind.init(rawValue:)),
                  let period = row.text(2), let asOf = row.text(3).flatMap(LocalDate.init),
                  let title = row.text(4), let html = row.text(5), let text = row.text(6), let json = row.text(7),
                  let createdAt = row.text(8).flatMap(Timestamp.parse) else { return nil }
            return ArchivedReport(id: id, kind: kind, period: period, asOf: asOf, title: title, html: html,
                                  text: text, json: json, createdAt: createdAt)
        }
    }
}
