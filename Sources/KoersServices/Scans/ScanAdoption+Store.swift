import Foundation
import KoersFormats
import KoersModel
import KoersStore

extension ScanAdoption {
    /// Adds the adopted step to its agenda as an amendment, numbered after the steps it already has.
    public func adopt(workspace: Workspace, store: Store, now: Date) throws -> AgendaAmendment {
        guard let round = try store.scanRound(self.round) else {
            throw ScanError.unknownRound(self.round, known: try store.scanRounds().map(\.id))
        }
        guard let instrument = workspace.scanInstruments.first(where: { $0.id == round.instrument }) else {
            throw ScanError.instrumentNotLoaded(round: round.id, instrument: round.instrument)
        }
        guard let item = instrument.item(self.item) else { throw ScanError.unknownItem(self.item, instrument: instrument) }
        let agenda = try agendaToAmend(workspace.agendas)
        let current = workspace.config.timeZone.localDate(of: now).halfYear
        guard period >= current else { throw AdoptionError.periodEnded(period, current: current) }
        guard !roles.isEmpty else { throw AdoptionError.noRoles }
        for duty in roles {
            guard agenda.role(duty.role) != nil else { throw AdoptionError.unknownRole(duty.role, known: agenda.roles.map(\.id)) }
            guard !workspace.config.people(holding: duty.role).isEmpty else { throw AdoptionError.nobodyHolds(duty.role) }
        }
        return try store.write {
            let earlier = try store.amendments(agenda: agenda.id)
            let merged = agenda.amended(by: earlier)
            let wanted = self.theme.lowercased()
            guard let theme = merged.themes.first(where: { $0.code.lowercased() == wanted || $0.id == wanted }) else {
                throw AdoptionError.unknownTheme(self.theme, known: merged.themes.map(\.code))
            }
            var activityID: String
            var newActivityText: String?
            if let named = activity {
                guard let found = theme.activities.first(where: { $0.id == named.lowercased() }) else {
                    throw AdoptionError.unknownActivity(named, theme: theme.code, known: theme.activities.map(\.id))
                }
                activityID = found.id
            } else if let opened = earlier.first(where: { $0.themeCode == theme.code && $0.newActivityText != nil }) {
                activityID = opened.activityID
            } else {
                activityID = try Self.freeActivityID(theme)
                newActivityText = AgendaAmendment.activityText
            }
            return try store.append(AgendaAmendment(
                id: 0, agenda: agenda.id, themeCode: theme.code, activityID: activityID, newActivityText: newActivityText,
                stepID: Self.nextStepID(theme, prefix: activityID.uppercased()),
                text: text ?? "Ontwikkelpunt \(item.item.id) uit de zelfscan: \(item.item.text)",
                period: period, roles: roles, scanRound: round.id, scanItem: item.item.id, recordedAt: now, recordedBy: by))
        }
    }
}
