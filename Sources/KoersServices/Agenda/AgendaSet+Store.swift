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
