import Testing
@testable import KoersFormats

@Suite("Hostile input: control characters in text bound for a terminal")
struct TerminalTextTests {
    @Test("An escape sequence, BEL, backspace, DEL and C1 controls are shown as symbols, not obeyed")
    func controlsBecomeVisible() {
        let note = "klaar\u{1B}]52;c;ZXZpbA==\u{7}\u{1B}[2J\u{8}\u{7F}\u{9B}31m"
        #expect(TerminalText.displayable(note) == "klaar␛]52;c;ZXZpbA==␇␛[2J␈␡\u{FFFD}31m")
    }

    @Test("Line feeds, tabs and CR LF line ends stay; a lone CR, which would overwrite the line, does not")
    func lineEnds() {
        #expect(TerminalText.displayable("a\tb\nc;d\r\ne") == "a\tb\nc;d\r\ne")
        #expect(TerminalText.displayable("echt\rnep") == "echt␍nep")
        #expect(TerminalText.displayable("eind\r") == "eind␍")
    }

    @Test("Unicode text is left whole: accents, combining marks after a line feed, emoji, right-to-left")
    func unicodeStays() {
        let text = "Zoë e\u{301}\u{301} 👩‍👩‍👧‍👦 \u{202E}trevo\u{202C} 日本語\n\u{301}x"
        #expect(TerminalText.displayable(text) == text)
    }

    @Test("On one line, every control character and line separator becomes a space")
    func oneLine() {
        #expect(TerminalText.oneLine("a\r\nb\n\u{301}c\u{1B}d\u{2028}e\u{85}f") == "a  b \u{301}c d e f")
    }
}
