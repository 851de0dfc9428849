/// The lines a person wrote above the message they answer: the body cut at the first sign of the
/// quoted message (a quote header, an attribution line, `>` lines) or of a signature, in the forms
/// Outlook (desktop, web, mobile), Gmail and Apple Mail write in Dutch and English.
///
/// Cutting too early loses at most a signature's worth of text; cutting too late would read the
/// quoted digest as commands, so every marker cuts at its first line.
package enum ReplyText {
    /// The kept lines, trailing spaces removed, without leading or trailing blank lines.
    package static func kept(from body: String) -> String {
        let lines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        var end = lines.count
        for index in lines.indices where isCut(lines, at: index) {
            end = index
            break
        }
        var kept = lines[..<end].map { String($0).trimmingTrailingSpaces() }
        while kept.last?.isEmpty == true { kept.removeLast() }
        while kept.first?.isEmpty == true { kept.removeFirst() }
        return kept.joined(separator: "\n")
    }

    static func isCut(_ lines: [Substring], at index: Int) -> Bool {
        let raw = lines[index]
        if raw.isEmpty { return false }
        // RFC 3676 §4.3's `-- `; transports and clients may add or strip the trailing space.
        if String(raw).trimmingTrailingSpaces() == "--" { return true }
        let line = normalized(raw)
        if line.hasPrefix(">") { return true }
        if line.count >= 10 && line.allSatisfy({ $0 == "_" }) { return true }  // Outlook desktop
        if line.hasPrefix("-----") && separators.contains(where: line.contains) { return true }
        if signatures.contains(where: line.hasPrefix) { return true }
        if isQuoteHeader(lines, at: index, line) { return true }
        return isAttribution(lines, at: index, line)
    }

    /// Lowercased, without leading spaces or Markdown-style bold (`*Van:*` from HTML), at most 200
    /// characters: every test below looks at the start of a line, so long lines cost nothing.
    static func normalized(_ line: Substring) -> String {
        String(line.prefix(200)).lowercased().drop { $0 == " " || $0 == "\t" || $0 == "*" || $0 == "\u{A0}" }
            .replacingOccurrences(of: "*", with: "").trimmingTrailingSpaces()
    }

    static let separators = ["original message", "oorspronkelijk bericht", "doorgestuurd bericht", "forwarded message",
                             "original appointment"]

    /// Closings and client footers that start a signature.
    static let signatures = [
        "met vriendelijke groet", "vriendelijke groet", "met hartelijke groet", "hartelijke groet",
        "kind regards", "best regards", "verzonden vanaf mijn", "verstuurd vanaf mijn", "verzonden met",
        "sent from my", "get outlook for", "outlook voor ios", "outlook voor android", "download outlook voor",
    ]

    /// Outlook's header block: `Van:`/`From:` with, within the next four lines, another header
    /// (`Verzonden:`, `Sent:`, `Datum:`, `Date:`, `Aan:`, `To:`, `Onderwerp:`, `Subject:`).
    static func isQuoteHeader(_ lines: [Substring], at index: Int, _ line: String) -> Bool {
        guard line.hasPrefix("van:") || line.hasPrefix("from:") else { return false }
        let following = ["verzonden:", "sent:", "datum:", "date:", "aan:", "to:", "onderwerp:", "subject:", "cc:"]
        // Outlook web may put the whole block on one line.
        if following.contains(where: { line.contains(" " + $0) }) { return true }
        for next in lines[(index + 1)..<min(lines.count, index + 5)] {
            let next = normalized(next)
            if following.contains(where: next.hasPrefix) { return true }
        }
        return false
    }

    /// Gmail's and Apple Mail's attribution line, possibly wrapped over two lines:
    /// `Op ma 7 dec 2026 om 10:00 schreef X <x@y>:`, `On Mon, Dec 7, 2026 at 10:00 AM X <x@y> wrote:`,
    /// `Op 7 dec. 2026, om 10:00 heeft X <x@y> het volgende geschreven:`.
    static func isAttribution(_ lines: [Substring], at index: Int, _ line: String) -> Bool {
        guard line.hasPrefix("op ") || line.hasPrefix("on ") else { return false }
        let verbs = [" schreef", " wrote", " geschreven", " schrieb"]
        let next = index + 1 < lines.count ? normalized(lines[index + 1]) : ""
        return [line, line + " " + next].contains { text in
            text.hasSuffix(":") && verbs.contains(where: text.contains)
        }
    }
}
