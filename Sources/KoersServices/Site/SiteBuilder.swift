import Foundation
import KoersFormats
import KoersModel
import KoersStore

/// The static website of the agenda, as files: a pure function from the agendas with their
/// histories, the milestones, the archived reports, the configuration and a moment to
/// `[relative path: bytes]`. Nothing is read from disk or the clock, so the daemon can rebuild the
/// site whenever the state changes and tests can check every byte. `SiteWriter` puts it in place.
///
/// Pages (Dutch, no scripts, no external assets; relative links, so the folder works from any web
/// server path and from a file share):
/// - `index.html`: per agenda and waarborg the goal and the matrix of activities × half-years;
/// - `stappen.html`: every step in full with its history, the matrix's link targets;
/// - `mijlpalen.html`: coming milestones, then past ones, with their steps;
/// - `rapporten/index.html` and `rapporten/<kind>-<period>.html`: the archived reports, as stored.
public struct SiteBuilder: Sendable {
    public var agendas: AgendaSet
    public var milestones: MilestoneView
    public var reports: [Store.ArchivedReport]
    public var config: Config
    public var now: Date

    public init(agendas: AgendaSet, milestones: MilestoneView, reports: [Store.ArchivedReport], config: Config, now: Date) {
        self.agendas = agendas
        self.milestones = milestones
        self.reports = reports
        self.config = config
        self.now = now
    }

    /// With the milestones `koers milestones` lists by default: from the start of the agendas'
    /// horizon to two years after the later of today and the horizon's end.
    public init(agendas: AgendaSet, reports: [Store.ArchivedReport], config: Config, now: Date) {
        let today = config.timeZone.localDate(of: now)
        let window = Self.milestoneWindow(agendas: agendas, today: today)
        self.init(agendas: agendas,
                  milestones: MilestoneView(agendas, from: window.from, to: window.to, moment: now, timeZone: config.timeZone),
                  reports: reports, config: config, now: now)
    }

    public static func milestoneWindow(agendas: AgendaSet, today: LocalDate) -> (from: LocalDate, to: LocalDate) {
        let from = agendas.entries.map(\.agenda.horizon.from.firstDay).min() ?? today
        let to = max(today, agendas.entries.map(\.agenda.horizon.to.lastDay).max() ?? today).adding(months: 24)
        return (from, to)
    }

    /// Every file of the site by its path relative to the site's folder (`index.html`,
    /// `rapporten/halfyear-2024-H1.html`), as UTF-8 bytes.
    public func pages() -> [String: [UInt8]] {
        let tz = config.timeZone
        let stand = SiteHTML.moment(now, timeZone: tz)
        let name = siteName
        var files: [String: [UInt8]] = [:]
        func add(_ page: SitePage) { files[page.path] = Array(page.html(siteName: name, stand: stand).utf8) }

        // Without a filter the view cannot fail.
        let parts = (try? AgendaView(agendas, filter: AgendaView.Filter(), moment: now, timeZone: tz))?.agendas ?? []
        add(AgendaMatrixPage(agendas: parts, set: agendas, current: tz.localDate(of: now).halfYear).page())
        add(StepsPage(set: agendas, config: config, moment: now, milestones: milestones).page())
        add(MilestonesPage(view: milestones, set: agendas).page())
        add(ReportsPage(reports: reports, timeZone: tz).page())
        for report in reports {
            files[ReportsPage.path(of: report)] = Array(report.html.utf8)
        }
        return files
    }

    /// The path of an archived report's page in the site, e.g. `rapporten/halfyear-2024-H1.html`.
    public static func path(of report: Store.ArchivedReport) -> String { ReportsPage.path(of: report) }

    /// "Ontwikkelagenda OOK": the organisations' short names.
    var siteName: String {
        var names: [String] = []
        for entry in agendas.entries {
            let name = entry.agenda.organisation.shortName ?? entry.agenda.organisation.name
            if !names.contains(name) { names.append(name) }
        }
        return names.isEmpty ? "Ontwikkelagenda" : "Ontwikkelagenda " + names.joined(separator: ", ")
    }
}

extension SiteBuilder {
    /// The site of an installation: its agendas with their histories, and every archived report.
    /// Shared by `koers site` and the daemon's publisher.
    public init(workspace: Workspace, store: Store, now: Date) throws {
        self.init(agendas: try AgendaSet(workspace: workspace, store: store), reports: try store.archivedReports(),
                  config: workspace.config, now: now)
    }
}
