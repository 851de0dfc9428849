import KoersModel

/// `koers starter outcomes` as Dutch tables for the board, one row per start year and a total:
/// how the trajectories went, then the events held and missed.
package enum TrajectoryOutcomesText {
    package static func render(_ outcomes: TrajectoryOutcomes, kind: Trajectory.Kind, today: LocalDate) -> String {
        let who = kind == .starter ? "startende leraren" : "studenten op een leerwerkplek"
        var out = "Uitkomsten trajecten \(who), stand \(ReminderText.day(today))\n"
        out += "Anoniem: aantallen per startjaar, gewiste trajecten meegeteld.\n\n"
        let rows = outcomes.cohorts + [outcomes.total]
        func year(_ c: TrajectoryOutcomes.Cohort) -> String { c.year.map(String.init) ?? "totaal" }
        out += table(["jaar", "gestart", "loopt", "afgerond", "vertrokken", "gewist"] + outcomes.total.stayed.map { "na \($0.years) jr" },
                     rows.map { c in
                         [year(c), "\(c.started)", "\(c.running)", "\(c.finished)", "\(c.left)", "\(c.erased)"]
                             + c.stayed.map { $0.eligible == 0 ? "–" : "\($0.stayed)/\($0.eligible)" }
                     })
        out += "\n" + table(["jaar", "gepland", "gehouden", "gemist"],
                            rows.map { [year($0), "\($0.eventsDue)", "\($0.eventsDone)", "\($0.eventsMissed)"] })
        out += "\n" + TextLayout.wrap("\"jaar\": het jaar waarin het traject begon. \"gewist\": gewist terwijl het traject nog "
            + "liep, dus niet vertrokken en niet afgerond. \"na 1 jr\": van wie minstens een jaar geleden begon, hoeveel er nog in het "
            + "traject zaten of het hadden afgerond (– als nog niemand zo lang geleden begon; wie eerder gewist is, telt niet mee). "
            + "\"gepland\": gesprekken en checks waarvan de dag "
            + "voorbij is terwijl het traject liep; \"gemist\": daarvan niet als gehouden vastgelegd.") + "\n"
        return out
    }

    /// Columns as wide as their heading or widest cell; the first left-aligned, the others right-aligned.
    private static func table(_ heads: [String], _ rows: [[String]]) -> String {
        let widths = heads.indices.map { i in ([heads] + rows).map { $0[i].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).enumerated().map { i, pair in
                i == 0 ? TextLayout.pad(pair.0, pair.1) : String(repeating: " ", count: max(pair.1 - pair.0.count, 0)) + pair.0
            }.joined(separator: "  ") + "\n"
        }
        return ([heads] + rows).map(line).joined()
    }
}
