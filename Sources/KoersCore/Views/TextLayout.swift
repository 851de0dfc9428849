/// Plain-text layout for an 80-column terminal: wrapping and padding by character count.
enum TextLayout {
    static let width = 80

    /// Wraps `text` to `width` columns; the first line starts after `firstIndent` (already printed),
    /// following lines are indented with `indent`. Paragraph breaks are kept.
    static func wrap(_ text: String, width: Int = TextLayout.width, indent: String = "", firstIndent: Int? = nil) -> String {
        var lines: [String] = []
        for (p, paragraph) in text.components(separatedBy: "\n").enumerated() {
            var line = ""
            var lineStart = p == 0 ? (firstIndent ?? indent.count) : indent.count
            var prefix = p == 0 ? "" : indent
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                if !line.isEmpty && lineStart + line.count + 1 + word.count > width {
                    lines.append(prefix + line)
                    line = ""
                    prefix = indent
                    lineStart = indent.count
                }
                line += (line.isEmpty ? "" : " ") + word
            }
            lines.append(prefix + line)
        }
        return lines.joined(separator: "\n")
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    static func rule(_ character: Character = "─", width: Int = TextLayout.width) -> String {
        String(repeating: character, count: width)
    }
}
