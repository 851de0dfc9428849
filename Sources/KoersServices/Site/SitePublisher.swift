import Foundation
import KoersFormats
import KoersModel
import KoersStore

/// Keeps the agenda site (`reports.siteFolder`) current while the daemon runs: written at start,
/// after every change to the database (a status recorded with `koers set`, a report archived),
/// after a reload, and once a day, because "overdue" depends on the date.
///
/// A site that cannot be written is logged and tried again at the next occasion; it never stops
/// reminders or reports.
package final class SitePublisher {
    private let log: Log
    private var lastDay: LocalDate?
    private var lastChange: Int64?
    private var lastFolder: String?

    package init(log: Log) { self.log = log }

    package func publishIfNeeded(workspace: Workspace, store: Store, now: Date, force: Bool = false) {
        guard let folder = workspace.config.reports.siteFolder else { return }
        let today = workspace.config.timeZone.localDate(of: now)
        let change = try? store.externalChangeCounter()
        guard force || folder != lastFolder || today != lastDay || change != lastChange else { return }
        do {
            let pages = try SiteBuilder(workspace: workspace, store: store, now: now).pages()
            try SiteWriter.write(pages, to: folder)
            (lastDay, lastChange, lastFolder) = (today, change, folder)
            log.info("site written to \(folder) (\(pages.count) files)")
        } catch {
            log.error("could not write the site: \(error); trying again at the next change")
        }
    }
}
