/// Why a scan round or answer cannot be recorded or reported; each message says what to do instead.
public enum ScanError: Error, Equatable, CustomStringConvertible {
    case unknownRound(String, known: [String])
    case newRoundNeedsInstrumentAndDate(String)
    case roundDiffers(ScanRound, instrument: String?, heldOn: LocalDate?)
    case unknownInstrument(String, known: [String])
    case unknownSchool(String, known: [String])
    case noSchool(known: [String])
    case instrumentNotLoaded(round: String, instrument: String)
    case noAnswers(school: String, round: String)
    case unknownItem(String, instrument: ScanInstrument)
    case badLevel(String, instrument: ScanInstrument)
    case badRespondent(String)
    case heldInFuture(LocalDate, today: LocalDate)

    public var description: String {
        switch self {
        case .unknownRound(let id, let known):
            let list = known.isEmpty ? "there are none yet; `koers scan import` or `koers scan record` with --instrument and --on starts one"
                                     : "known rounds: \(known.joined(separator: ", "))"
            return "no scan round \"\(id)\"; \(list)"
        case .newRoundNeedsInstrumentAndDate(let id):
            return "scan round \"\(id)\" is new: give --instrument ID and --on YYYY-MM-DD (the day it was held) to start it"
        case .roundDiffers(let round, let instrument, let heldOn):
            var given: [String] = []
            if let instrument, instrument != round.instrument { given.append("--instrument \(instrument)") }
            if let heldOn, heldOn != round.heldOn { given.append("--on \(heldOn)") }
            return "scan round \(round.id) was held on \(round.heldOn) with instrument \(round.instrument), not "
                + given.joined(separator: " and ") + "; leave those options out, or choose another round id"
        case .unknownInstrument(let id, let known):
            let list = known.isEmpty ? "none is configured; add instrument files to \"scanInstruments\" in the configuration"
                                     : "configured are: \(known.joined(separator: ", "))"
            return "no scan instrument \"\(id)\"; \(list)"
        case .unknownSchool(let id, let known):
            return "no school \"\(id)\" in the configuration; expected a school id or name: \(known.joined(separator: ", "))"
        case .instrumentNotLoaded(let round, let instrument):
            return "scan round \(round) used instrument \(instrument), which the configuration does not load; "
                + "add its file to \"scanInstruments\""
        case .noAnswers(let school, let round):
            return "school \(school) has no answers in scan round \(round)"
        case .noSchool(let known):
            return "no school; expected a school id or name: \(known.joined(separator: ", "))"
        case .unknownItem(let id, let instrument):
            return "no item \"\(id)\" in instrument \(instrument.id); its items are \(instrument.itemSpellings)"
        case .badLevel(let text, let instrument):
            return "\"\(text)\" is not a level of instrument \(instrument.id); expected \(instrument.levelSpellings)"
        case .badRespondent(let problem):
            return problem
        case .heldInFuture(let day, let today):
            return "--on \(day) lies after today (\(today)); a scan round is recorded once it has been held"
        }
    }
}
