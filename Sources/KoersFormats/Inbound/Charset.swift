import Foundation

/// The character sets replies come in: UTF-8 from every current client, Windows-1252 and the ISO
/// Latin sets from older Outlook versions and Dutch webmail.
enum Charset {
    /// The text of `bytes` in the charset named `name` (an IANA name or alias, any case), or nil
    /// for a charset Koers does not know. Bytes that are invalid in a known charset become U+FFFD.
    static func decode(_ bytes: some Collection<UInt8>, charset name: String) -> String? {
        switch name.lowercased() {
        case "utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968", "":
            // Mail that says US-ASCII but holds 8-bit bytes is nearly always UTF-8.
            return String(decoding: bytes, as: UTF8.self)
        case "iso-8859-1", "iso8859-1", "latin1", "iso_8859-1", "l1":
            return String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
        case "iso-8859-15", "iso8859-15", "latin-9", "latin9":
            return String(String.UnicodeScalarView(bytes.map(latin9)))
        case "windows-1252", "cp1252", "x-cp1252":
            let array = Array(bytes)
            // Five bytes are undefined in Windows-1252; Foundation then refuses the whole text.
            return String(bytes: array, encoding: .windowsCP1252)
                ?? String(decoding: array.map { UInt16($0) }, as: UTF16.self)
        default:
            return nil
        }
    }

    /// ISO-8859-15 is ISO-8859-1 with eight code points replaced, the euro sign among them.
    private static func latin9(_ byte: UInt8) -> Unicode.Scalar {
        let replaced: [UInt8: UInt32] = [0xA4: 0x20AC, 0xA6: 0x160, 0xA8: 0x161, 0xB4: 0x17D, 0xB8: 0x17E,
                                         0xBC: 0x152, 0xBD: 0x153, 0xBE: 0x178]
        return Unicode.Scalar(replaced[byte] ?? UInt32(byte)) ?? "\u{FFFD}"
    }
}
