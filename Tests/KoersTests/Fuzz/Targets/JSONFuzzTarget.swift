@testable import KoersFormats

/// The JSON parser under every loader: a document parses and survives writing and parsing again,
/// or the error points inside the input.
enum JSONFuzzTarget: FuzzTarget {
    static let name = "json"

    static func check(_ input: [UInt8]) throws(FuzzFailure) {
        let node: JSONNode
        do {
            node = try JSONParser.parse(input)
        } catch {
            let lines = input.count(where: { $0 == 0x0A || $0 == 0x0D }) + 1
            try require(error.position.line >= 1 && error.position.line <= lines,
                        "error line \(error.position.line) outside the input's \(lines) line(s): \(error)")
            try require(error.position.column >= 1 && error.position.column <= input.count + 1,
                        "error column \(error.position.column) outside the input: \(error)")
            try require(!error.message.isEmpty, "an error without a message")
            return
        }
        let again: JSONNode
        do {
            again = try JSONParser.parse(JSONWriter.write(node))
        } catch {
            throw FuzzFailure(description: "the writer's output does not parse: \(error)")
        }
        try require(again.isStructurallyEqual(to: node), "writing and parsing again changed the document")
    }
}
