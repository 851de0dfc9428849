@testable import KoersModel
@testable import KoersServices

/// The importer behind `koers scan import`: whatever the bytes (separator, BOM, quoting, headers
/// in Dutch or English, long or wide layout), it returns answers or a list of positioned problems,
/// never crashes; and every answer it accepts names a known school and item and a level on the scale.
enum ScanCSVFuzzTarget: FuzzTarget {
    static let name = "scancsv"

    static let instrument = ScanInstrument(
        id: "proef", title: "Proef", description: nil, source: nil, language: "nl",
        scale: [.init(value: 1, label: "nog in startfase"), .init(value: 2, label: "gedeeltelijk ontwikkeld"),
                .init(value: 3, label: "sterk ontwikkeld")],
        categories: [.init(id: "oc", title: "Onderwijs", items: [.init(id: "A1", text: "Een", note: nil),
                                                                  .init(id: "A2", text: "Twee", note: nil)]),
                     .init(id: "pb", title: "Partnerschap", items: [.init(id: "B1", text: "Drie", note: nil)])])
    static let schools = [Config.School(id: "noord", name: "OBS Noord"), Config.School(id: "zuid", name: "CBS Zuid")]

    static func check(_ input: [UInt8]) throws(FuzzFailure) {
        let reader = ScanImport(instrument: instrument, schools: schools)
        let answers: [ScanImport.Answer]
        do {
            answers = try reader.read(input, file: "fuzz.csv")
        } catch {
            try require(!error.problems.isEmpty, "rejected without saying why")
            for problem in error.problems {
                try require(problem.row >= 0 && problem.line >= 0 && !problem.message.isEmpty, "problem without position or text")
            }
            return
        }
        for answer in answers {
            let response = answer.response
            try require(schools.contains { $0.id == response.school }, "accepted unknown school \(response.school)")
            try require(instrument.item(response.item) != nil, "accepted unknown item \(response.item)")
            try require(instrument.scale.contains { $0.value == response.level }, "accepted level \(response.level)")
            try require(answer.row >= 1 && answer.line >= 1, "answer without a position")
        }
    }
}
