/// Text bound for a terminal or a log line, where control characters are commands rather than
/// text: an escape sequence in a step's note could recolour the screen, rewrite the window title,
/// or (OSC 52) fill the reader's clipboard, and a line break in a mail server's answer could forge a
/// log line. Works on Unicode scalars, since a line feed followed by a combining mark is one
/// `Character` that compares equal to neither.
public enum TerminalText {
    /// `text` as a terminal should show it: line feeds and tabs kept, a carriage return kept only
    /// before a line feed (CSV rows end in CR LF), and every other control character (C0, DEL, C1)
    /// shown as a visible symbol, ESC as `␛`. For output to a terminal only: piped or redirected
    /// output stays byte for byte what Koers made.
    public static func displayable(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\n", "\t":
                out.append(scalar)
            case "\r" where index + 1 < scalars.count && scalars[index + 1] == "\n":
                out.append(scalar)
            default:
                out.append(isControl(scalar) ? picture(of: scalar) : scalar)
            }
        }
        return String(out)
    }

    /// `text` on one line: every control character, line breaks included, becomes a space.
    public static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) || isLineSeparator($0) ? " " : $0 }))
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// LINE SEPARATOR and PARAGRAPH SEPARATOR, which some log viewers break lines at.
    private static func isLineSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// The Control Pictures block's symbol for C0 and DEL (`␛` for ESC, `␡` for DEL); the
    /// replacement character for C1, which has no pictures.
    private static func picture(of scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case ..<0x20: Unicode.Scalar(0x2400 + scalar.value)!
        case 0x7F: "\u{2421}"
        default: "\u{FFFD}"
        }
    }
}
