/// The builder with everything a report draws on read from the installation: the agendas with their
/// histories and amendments, the measurements, the spending and the scan rounds. One place, so
/// `koers report`, the daemon's mailing and the benchmark report on the same inputs.
extension ReportBuilder {
    public init(workspace: Workspace, store: Store, namesRecorders: Bool = true) throws {
        self.init(set: try AgendaSet(workspace: workspace, store: store), config: workspace.config,
                  measurements: try store.measurements(), spending: try store.spending(), namesRecorders: namesRecorders)
        scans = try ScanAnalysis(store: store, workspace: workspace)
    }
}
