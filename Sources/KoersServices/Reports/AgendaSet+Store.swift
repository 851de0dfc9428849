import KoersFormats
import KoersModel
import KoersStore

extension AgendaSet {
    /// Reads every loaded agenda's history from the store, with the steps adopted from scans
    /// (`koers scan adopt`) merged in, so every view, reminder, report and the site sees them.
    public init(workspace: Workspace, store: Store) throws {
        try self.init(agendas: workspace.agendas, store: store)
    }

    /// The same for some of the loaded agendas: a report on one agenda reads only its history.
    public init(agendas: [Agenda], store: Store) throws {
        self.init(entries: try agendas.map {
            Entry(agenda: $0.amended(by: try store.amendments(agenda: $0.id)), histories: try store.histories(agenda: $0.id))
        })
    }
}

extension TrajectoryBook {
    /// The trajectories and occurrences held as stored, for the loaded templates.
    public init(workspace: Workspace, store: Store) throws {
        self.init(trajectories: try store.trajectories(), done: try store.doneOccurrences(), workspace: workspace)
    }
}

extension ScanAnalysis {
    /// The board's rounds as stored (or only those held in `held`, with the rounds they are
    /// compared with), with the configured instruments and schools.
    public init(store: Store, workspace: Workspace, held: ClosedRange<LocalDate>? = nil) throws {
        self.init(rounds: try held.map { try store.scanRounds(held: $0) } ?? store.scanRounds(),
                  instruments: workspace.scanInstruments, schools: workspace.config.schools)
    }
}
