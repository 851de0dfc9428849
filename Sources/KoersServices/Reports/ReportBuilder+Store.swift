import KoersFormats
import KoersModel
import KoersStore

/// The builder with everything a report draws on read from the installation: the agendas with their
/// histories and amendments, the measurements, the spending and the scan rounds. One place, so
/// `koers report`, the daemon's mailing and the benchmark report on the same inputs.
extension ReportBuilder {
    /// Reads only what a report on `period` needs: the history of `agenda` alone when one is named
    /// (nil: every loaded agenda), and the scan rounds held in the period with the rounds they are
    /// compared with. At national scale a report on one agenda otherwise spent
    /// nearly all its time reading the other 149 agendas' histories and every earlier scan answer.
    /// Throws `Failure.unknownAgenda` when `agenda` is not loaded.
    public init(workspace: Workspace, store: Store, reportingOn period: ReportPeriod, agenda: String? = nil,
                namesRecorders: Bool = true) throws {
        var agendas = workspace.agendas
        if let agenda {
            agendas = agendas.filter { $0.id == agenda }
            if agendas.isEmpty { throw Failure.unknownAgenda(agenda, known: workspace.agendas.map(\.id)) }
        }
        self.init(set: try AgendaSet(agendas: agendas, store: store), config: workspace.config,
                  measurements: try store.measurements(), spending: try store.spending(), namesRecorders: namesRecorders)
        scans = try ScanAnalysis(store: store, workspace: workspace, held: period.firstDay...period.lastDay)
    }
}
