import KoersModel

extension ReportFormat {
    /// A scan report in this format: the same formats, and the same conventions, as agenda reports.
    public func render(_ scan: ScanReport) -> String {
        switch self {
        case .text: ScanTextRenderer().render(scan)
        case .markdown: ScanMarkdownRenderer().render(scan)
        case .html: ScanHTMLRenderer().render(scan)
        case .json: ScanJSONRenderer().render(scan)
        }
    }
}
