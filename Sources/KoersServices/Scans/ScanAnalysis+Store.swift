import KoersFormats
import KoersModel
import KoersStore

extension ScanAnalysis {
    /// The board's rounds as stored (or only those held in `held`, with the rounds they are
    /// compared with), with the configured instruments and schools.
    public init(store: Store, workspace: Workspace, held: ClosedRange<LocalDate>? = nil) throws {
        self.init(rounds: try held.map { try store.scanRounds(held: $0) } ?? store.scanRounds(),
                  instruments: workspace.scanInstruments, schools: workspace.config.schools)
    }
}
