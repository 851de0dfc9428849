import KoersModel

/// Plain-text layout for an 80-column terminal: wrapping and padding by character count.
package enum TextLayout {
    static let width = 80

    /// Wraps `text` to `width` columns. The first line starts at column `firstIndent` (what the
    /// caller already printed on it, default `indent.count`); following lines start with `indent`.
    /// Paragraph breaks and each paragraph's leading spaces are kept.
    package static func wrap(_ text: String, width: Int = TextLayout.width, indent: String = "", firstIndent: Int? = nil) -> String {
        var lines: [String] = []
        for (p, paragraph) in text.components(separatedBy: "\n").enumerated() {
            let leading = String(paragraph.prefix { $0 == " " })
            var prefix = (p == 0 ? "" : indent) + leading
            var used = (p == 0 ? (firstIndent ?? indent.count) : indent.count) + leading.count
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                if !line.isEmpty && used + line.count + 1 + word.count > width {
                    lines.append(prefix + line)
                    line = ""
                    prefix = indent
                    used = indent.count
                }
                line += (line.isEmpty ? "" : " ") + word
            }
            lines.append(prefix + line)
        }
        return lines.joined(separator: "\n")
    }

    /// A label followed by a wrapped value aligned after it: `Waarborg:    Kwaliteitscultuur`.
    static func labelled(_ label: String, _ value: String, column: Int = 13) -> String {
        let head = pad(label, column)
        return head + wrap(value, indent: String(repeating: " ", count: head.count), firstIndent: head.count)
    }

    package static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    static func rule(_ character: Character = "─", width: Int = TextLayout.width) -> String {
        String(repeating: character, count: width)
    }
}
