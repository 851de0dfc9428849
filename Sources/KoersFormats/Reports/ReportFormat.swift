import KoersModel

/// Turns a report into one document.
public protocol ReportRenderer: Sendable {
    func render(_ report: Report) -> String
}

/// The formats a report is rendered in: `--format`, and what the archive, mail and site use.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// For an 80-column terminal.
    case text
    case markdown
    /// One self-contained file for mail clients (Outlook included) and browsers; prints to PDF.
    case html
    /// For machines: stable keys, `format` "koers-report/1".
    case json

    public var renderer: any ReportRenderer {
        switch self {
        case .text: TextReportRenderer()
        case .markdown: MarkdownReportRenderer()
        case .html: HTMLReportRenderer()
        case .json: JSONReportRenderer()
        }
    }

    public func render(_ report: Report) -> String { renderer.render(report) }

    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .html: "html"
        case .json: "json"
        }
    }

    public var mediaType: String {
        switch self {
        case .text: "text/plain; charset=utf-8"
        case .markdown: "text/markdown; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .json: "application/json"
        }
    }
}
