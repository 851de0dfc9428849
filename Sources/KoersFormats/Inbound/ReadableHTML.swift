/// The text of an HTML-only reply (Outlook mobile, some webmail): what a reader sees, with block
/// elements on their own lines and quoted blocks marked `> `, so `ReplyText` can cut them as in
/// a plain-text reply.
///
/// One pass over the scalars: every search for a tag's or comment's end either consumes what it
/// skipped or ends the reading, so time stays linear on any input.
enum ReadableHTML {
    static func text(of html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        var lines: [String] = []
        var line = ""
        var pendingSpace = false
        var quoteDepth = 0
        var lineQuoted = false
        func breakLine() {
            let trimmed = line.trimmingTrailingSpaces()
            lines.append(lineQuoted && !trimmed.isEmpty ? "> " + trimmed : trimmed)
            line = ""
            pendingSpace = false
            lineQuoted = quoteDepth > 0
        }
        func append(_ text: String) {
            if line.isEmpty { lineQuoted = quoteDepth > 0 }
            if pendingSpace && !line.isEmpty { line += " " }
            pendingSpace = false
            line += text
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                if starts(scalars, at: index, with: "<!--") {
                    guard let end = find(scalars, "-->", from: index + 4) else { break }
                    index = end + 3
                    continue
                }
                guard let close = scalars[index...].firstIndex(of: ">") else { break }
                let tag = Tag(scalars[(index + 1)..<close])
                index = close + 1
                if ["style", "script", "head", "title"].contains(tag.name) && !tag.closing {
                    guard let end = find(scalars, "</" + tag.name, from: index, caseInsensitive: true) else { break }
                    index = scalars[end...].firstIndex(of: ">").map { $0 + 1 } ?? scalars.count
                    continue
                }
                if tag.name == "blockquote" {
                    if !line.isEmpty { breakLine() }
                    quoteDepth = max(0, quoteDepth + (tag.closing ? -1 : 1))
                    lineQuoted = quoteDepth > 0
                } else if tag.name == "br" || (Self.blocks.contains(tag.name) && !line.isEmpty) {
                    breakLine()
                }
                continue
            }
            if scalar == "&", let (decoded, end) = entity(scalars, at: index) {
                append(decoded)
                index = end
                continue
            }
            index += 1
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                pendingSpace = true
            } else {
                append(String(scalar))
            }
        }
        if !line.isEmpty { breakLine() }
        var result: [String] = []
        for line in lines where !(line.isEmpty && (result.last?.isEmpty ?? true)) { result.append(line) }
        while result.last?.isEmpty == true { result.removeLast() }
        return result.joined(separator: "\n")
    }

    /// Elements that start a new line when they open or close.
    static let blocks: Set<String> = ["p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5",
                                      "h6", "hr", "pre", "section", "article", "header", "footer", "body", "html",
                                      "dt", "dd", "center", "address"]

    struct Tag {
        var name: String
        var closing: Bool

        init(_ inner: ArraySlice<Unicode.Scalar>) {
            var rest = inner.drop { $0 == " " }
            closing = rest.first == "/"
            if closing { rest = rest.dropFirst() }
            name = String(String.UnicodeScalarView(rest.prefix { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.prefix(20))).lowercased()
        }
    }

    static let named: [String: String] = [
        "nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "euro": "€", "hellip": "…",
        "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "copy": "©",
        "eacute": "é", "egrave": "è", "euml": "ë", "ecirc": "ê", "iuml": "ï", "ouml": "ö", "uuml": "ü",
        "auml": "ä", "aacute": "á", "oacute": "ó", "ccedil": "ç", "Eacute": "É",
    ]

    /// `&name;`, `&#123;` or `&#x7B;` at `index`: its text and where it ends. Unknown or broken
    /// references stay as written.
    static func entity(_ scalars: [Unicode.Scalar], at index: Int) -> (String, Int)? {
        let end = min(scalars.count, index + 12)
        guard let semicolon = scalars[(index + 1)..<end].firstIndex(of: ";") else { return nil }
        let body = String(String.UnicodeScalarView(scalars[(index + 1)..<semicolon]))
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value), value != 0 else { return nil }
            return (value == 0xA0 ? " " : String(scalar), semicolon + 1)
        }
        return named[body].map { ($0, semicolon + 1) }
    }

    static func starts(_ scalars: [Unicode.Scalar], at index: Int, with text: String) -> Bool {
        scalars[index...].starts(with: text.unicodeScalars)
    }

    /// The first index at or after `from` where `text` starts.
    static func find(_ scalars: [Unicode.Scalar], _ text: String, from: Int, caseInsensitive: Bool = false) -> Int? {
        let needle = Array(text.lowercased().unicodeScalars)
        guard let first = needle.first else { return nil }
        var index = from
        while index + needle.count <= scalars.count {
            let scalar = caseInsensitive ? lower(scalars[index]) : scalars[index]
            if scalar == first && (1..<needle.count).allSatisfy({ (caseInsensitive ? lower(scalars[index + $0]) : scalars[index + $0]) == needle[$0] }) {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = Substring(self)
        while let last = copy.last, last == " " || last == "\t" || last == "\u{A0}" { copy.removeLast() }
        return String(copy)
    }
}
