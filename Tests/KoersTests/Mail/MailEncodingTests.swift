import Foundation
@testable import KoersFormats
@testable import KoersModel
import KoersTestSupport
import Testing

@Suite("Mail encodings: quoted-printable, encoded-words, SHA-256")
struct MailEncodingTests {
    @Test("quoted-printable keeps plain text readable and encodes =, non-ASCII, trailing whitespace and a leading dot",
          arguments: [
              ("Hallo wereld", "Hallo wereld=\r\n"),
              ("Hallo wereld\n", "Hallo wereld\r\n"),
              ("", ""),
              ("\n", "\r\n"),
              ("a \nb\t\r\nc", "a=20\r\nb=09\r\nc=\r\n"),
              ("a\rb\r\n\nc\n\r", "a\r\nb\r\n\r\nc\r\n\r\n"),
              ("x = 1 €", "x =3D 1 =E2=82=AC=\r\n"),
              (".\n..\na.b\n", "=2E\r\n=2E.\r\na.b\r\n"),
              ("From Kampen\n", "From Kampen\r\n"),
              ("nul\u{0}del\u{7F}", "nul=00del=7F=\r\n"),
          ])
    func quotedPrintable(input: String, expected: String) {
        #expect(QuotedPrintable.encode(input) == expected)
    }

    @Test("quoted-printable lines are at most 76 characters, soft breaks included, and never split an escape")
    func quotedPrintableLineLength() {
        let a = { (count: Int) in String(repeating: "a", count: count) }
        #expect(QuotedPrintable.encode(a(76) + "\n") == a(76) + "\r\n")
        #expect(QuotedPrintable.encode(a(77) + "\n") == a(75) + "=\r\n" + "aa\r\n")
        // Without a final line break the soft break needs the 76th column.
        #expect(QuotedPrintable.encode(a(76)) == a(75) + "=\r\n" + "a=\r\n")
        #expect(QuotedPrintable.encode(a(74) + "é\n") == a(74) + "=\r\n" + "=C3=A9\r\n")
        #expect(QuotedPrintable.encode(a(68) + "€\n") == a(68) + "=\r\n" + "=E2=82=AC\r\n", "a character's escapes stay together")
        #expect(QuotedPrintable.encode(a(75) + " \n") == a(75) + "=\r\n" + "=20\r\n")
        #expect(QuotedPrintable.encode(a(75) + ".\n") == a(75) + ".\r\n")
        #expect(QuotedPrintable.encode(a(75) + ".x\n") == a(75) + "=\r\n" + "=2Ex\r\n", "a dot starting a continuation line")
        let texts = [String(repeating: "ë€👩‍🏫 x", count: 300), String(repeating: "=", count: 500), a(1_000)]
        for text in texts + texts.map({ $0 + "\n" }) {
            let lines = QuotedPrintable.encode(text).components(separatedBy: "\r\n").dropLast()
            #expect(lines.allSatisfy { $0.utf8.count <= 76 })
            // Each encoded line decodes on its own (no escape cut in two) to whole UTF-8 characters.
            for line in lines {
                let content = decodeQuotedPrintableLine(line)
                #expect(content.flatMap { String(validating: $0, as: UTF8.self) } != nil, "\(line)")
            }
        }
    }

    @Test("encoded-words are at most 75 characters and each holds whole grapheme clusters as valid UTF-8",
          arguments: [
              String(repeating: "👩‍🏫", count: 30),
              String(repeating: "👨‍👩‍👧‍👦🇳🇱", count: 12),
              String(repeating: "Zoe\u{301}", count: 60),
              String(repeating: "שלום", count: 40),
              String(repeating: "ë", count: 100),
              String(repeating: "x", count: 500),
          ])
    func encodedWordsKeepClusters(text: String) throws {
        var line = MailHeaderLine(name: "Subject")
        EncodedWords.append(text, to: &line)
        let words = EncodedWordsInText.find(in: line.text)
        let body = line.text.dropFirst("Subject:".count).replacingOccurrences(of: "\r\n", with: "")
        #expect(body.split(separator: " ").map(String.init) == words, "nothing but encoded-words")
        // Scalar offsets where the text's grapheme clusters end: the only places a word may end.
        var clusterEnds: Set<Int> = [0]
        var offset = 0
        for character in text {
            offset += character.unicodeScalars.count
            clusterEnds.insert(offset)
        }
        var decoded = ""
        for word in words {
            #expect(word.count <= 75, "\(word)")
            let bytes = try #require(EncodedWordsInText.decode(word), "\(word)")
            let piece = try #require(String(validating: bytes, as: UTF8.self), "invalid UTF-8 in \(word)")
            decoded += piece
            #expect(clusterEnds.contains(decoded.unicodeScalars.count), "word ends inside a grapheme cluster: \(word)")
        }
        #expect(Array(decoded.unicodeScalars) == Array(text.unicodeScalars))
        #expect(line.text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
    }

    @Test("Q is chosen for mostly Latin text, B for emoji and other scripts")
    func encodingChoice() {
        #expect(EncodedWords.choose(for: "ideeën") == .q)
        #expect(EncodedWords.choose(for: "👩‍🏫") == .b)
        #expect(EncodedWords.choose(for: "שלום") == .b)
        #expect(EncodedWords.word(Array("é _=?".utf8), .q) == "=?UTF-8?Q?=C3=A9_=5F=3D=3F?=")
        #expect(EncodedWords.word(Array("👩".utf8), .b) == "=?UTF-8?B?8J+RqQ==?=")
    }

    @Test("SHA-256 matches the FIPS 180-4 test vectors")
    func sha256() {
        let vectors = [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
            ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
             "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
            (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        ]
        for (input, expected) in vectors {
            #expect(SHA256.hex(SHA256.hash(Array(input.utf8))) == expected, "\(input)")
        }
    }
}

/// The bytes of one quoted-printable line (without CRLF; a final `=` is a soft break); nil when malformed.
private func decodeQuotedPrintableLine(_ line: String) -> [UInt8]? {
    var bytes: [UInt8] = []
    var iterator = Array(line.utf8).makeIterator()
    while let byte = iterator.next() {
        guard byte == UInt8(ascii: "=") else {
            bytes.append(byte)
            continue
        }
        guard let high = iterator.next() else { break }  // soft line break
        guard let low = iterator.next(),
              let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
        bytes.append(value)
    }
    return bytes
}
