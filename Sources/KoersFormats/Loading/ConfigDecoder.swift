import KoersModel

/// Turns a parsed configuration file (`koers-config/1`) into a `Config`. Relative paths are resolved
/// by the caller: the database and the files the configuration names against the configuration's
/// folder, the other state (site, mail folder) against the database's folder.
struct ConfigDecoder {
    static let format = "koers-config/1"
    let log: DiagnosticLog

    struct Raw {
        /// As written; nil: `Config.defaultDatabasePath`.
        var database: String?
        var timeZone: AgendaTimeZone
        /// The files the configuration names, as written, each with where it is named.
        var agendas: [Sourced<String>]
        var templates: [Sourced<String>]
        var schools: [Config.School]
        var people: [Person]
        var mail: MailConfig?
        var reminders: ReminderRules
        var quietPeriods: QuietPeriods
        /// `quietPeriods.include`: quiet-periods files, as written (relative to the configuration's folder).
        var quietPeriodFiles: [Sourced<String>] = []
        var reports = ReportRules()
        var trajectories: [Sourced<String>] = []
        var privacy = PrivacyRules()
        /// `scanInstruments`: instrument files, as written (relative to the configuration's folder).
        var scanInstruments: [Sourced<String>] = []
    }

    func decode(_ root: JSONNode) -> Raw? {
        guard let r = ObjectReader(root, path: .root, log: log, what: "a configuration") else { return nil }
        r.expectFormat(Self.format)
        let database = r.string("database", required: false)
        let timeZone = r.parsed("timeZone", expected: "an IANA time zone such as \"Europe/Amsterdam\"") {
            AgendaTimeZone(identifier: $0)
        }
        let agendas = r.sourcedStrings("agendas", required: true) ?? []
        let templates = r.sourcedStrings("templates") ?? []
        // Every id a school entry gives counts as defined, even when the entry has another error,
        // so a person at that school is not reported as well.
        var schoolIDs: [String] = []
        let schools: [Config.School] = r.array("schools", required: false)?.compactMap { item in
            guard let s = ObjectReader(item.node, path: item.path, log: log, what: "a school") else { return nil }
            let id = s.identifier("id", .slug), name = s.string("name", limit: .name)
            s.finish()
            if let id, !schoolIDs.contains(id) { schoolIDs.append(id) }
            guard let id, let name else { return nil }
            return Config.School(id: id, name: name)
        } ?? []
        var seen = SeenPeople()
        let people = r.array("people")?.compactMap { person($0, schools: schoolIDs, seen: &seen) } ?? []
        let mail = r.object("mail", required: false, what: "mail settings").flatMap(mailConfig)
        let reminders = r.object("reminders", required: false, what: "reminder settings").map(reminderRules) ?? ReminderRules()
        let quiet = r.object("quietPeriods", required: false, what: "quiet periods").map(quietPeriods) ?? (periods: QuietPeriods(), include: [])
        let reports = r.object("reports", required: false, what: "report settings").map(reportRules)
        let trajectories = r.sourcedStrings("trajectories") ?? []
        let privacy = r.object("privacy", required: false, what: "privacy settings").map(privacyRules) ?? PrivacyRules()
        let scanInstruments = r.sourcedStrings("scanInstruments") ?? []
        r.finish()
        guard let timeZone else { return nil }
        return Raw(database: database, timeZone: timeZone, agendas: agendas, templates: templates,
                   schools: schools, people: people, mail: mail, reminders: reminders, quietPeriods: quiet.periods,
                   quietPeriodFiles: quiet.include, reports: reports ?? ReportRules(),
                   trajectories: trajectories, privacy: privacy, scanInstruments: scanInstruments)
    }

    /// The ids and addresses of the people read so far, to report a repeat where it stands.
    private struct SeenPeople {
        var ids: Set<String> = []
        var emails: Set<String> = []
    }

    /// One person; their school must be one of `schools` (checked here, where the person's own
    /// place in the file is known).
    private func person(_ item: (node: JSONNode, path: JSONPath), schools: [String], seen: inout SeenPeople) -> Person? {
        guard let r = ObjectReader(item.node, path: item.path, log: log, what: "a person") else { return nil }
        let id = r.identifier("id", .personID)
        if let id, !seen.ids.insert(id).inserted {
            log.error("duplicate person id \"\(id)\"; ids must be unique", at: r.node["id"], path: r.path.appending("id"))
        }
        let name = r.line("name")
        let email = r.parsed("email", expected: "an e-mail address such as \"naam@school.nl\"") {
            EmailAddress.isPlausible($0) ? $0 : nil
        }
        if let email, !seen.emails.insert(email.lowercased()).inserted {
            log.warning("this address is also used by another person in the list", at: r.node["email"], path: r.path.appending("email"))
        }
        let school = r.identifier("school", .slug, required: false)
        if let school, !schools.contains(school) {
            let expected = Choices.expected(school, among: schools,
                none: "no schools are defined; add it to \"schools\" ({\"id\": \"\(school)\", \"name\": \"…\"}) or leave \"school\" out")
            log.error("no school \"\(school)\" in \"schools\"; \(expected)", at: r.node["school"], path: r.path.appending("school"))
        }
        let roles = r.array("roles")?.compactMap { role in
            ObjectReader.parse(role.node, path: role.path, log: log, expected: IdentifierPattern.slug.expected) {
                IdentifierPattern.slug.matches($0) ? $0 : nil
            }
        } ?? []
        r.finish()
        guard let id, let name, let email else { return nil }
        return Person(id: id, name: name, email: email, school: school, roles: roles)
    }
}

extension ConfigDecoder {
    private func leadTime(_ r: ObjectReader, _ key: String) -> LeadTime? {
        r.parsed(key, required: false, expected: "a lead time such as \"8w\" (weeks), \"14d\" (days) or \"2wd\" (working days)") {
            LeadTime($0)
        }
    }

    func reminderRules(_ r: ObjectReader) -> ReminderRules {
        var rules = ReminderRules()
        if let time = r.parsed("sendTime", required: false, expected: "a local time HH:MM such as \"08:00\"", Self.clockTime) {
            rules.sendTime = time
        }
        if let items = r.array("milestoneLeadTimes", required: false) {
            rules.milestoneLeadTimes = items.compactMap { item in
                ObjectReader.parse(item.node, path: item.path, log: log,
                                   expected: "a lead time such as \"8w\", \"14d\" or \"2wd\"") { LeadTime($0) }
            }
        }
        if let day = r.integer("halfYearStartDay", required: false, atLeast: 1) { rules.halfYearStartDay = day }
        if let lead = leadTime(r, "halfYearEnding") { rules.halfYearEndLead = lead }
        if let lead = leadTime(r, "escalateToCoordinator") { rules.escalateToCoordinatorAfter = lead }
        if let lead = leadTime(r, "escalateToDeciders") { rules.escalateToDecidersAfter = lead }
        if r.node["repeatEvery"]?.isNull == true {
            _ = r.node("repeatEvery", required: false, expected: "")
            rules.repeatEvery = nil
        } else if let lead = leadTime(r, "repeatEvery") {
            rules.repeatEvery = lead
        }
        if let max = r.integer("maxEscalations", required: false, atLeast: 0) { rules.maxReminders = max }
        if let role = r.identifier("coordinatorRole", .slug, required: false) { rules.coordinatorRole = role }
        r.finish()
        return rules
    }

    func reportRules(_ r: ObjectReader) -> ReportRules {
        var rules = ReportRules()
        if let mail = r.bool("mail", required: false) { rules.mail = mail }
        if let recipients = r.array("recipientRoles", required: false) {
            rules.recipientRoles = recipients.compactMap { role in
                ObjectReader.parse(role.node, path: role.path, log: log, expected: IdentifierPattern.slug.expected) {
                    IdentifierPattern.slug.matches($0) ? $0 : nil
                }
            }
        }
        if let day = r.integer("halfYearWorkingDay", required: false, atLeast: 1) { rules.halfYearWorkingDay = day }
        if let month = r.integer("yearMonth", required: false, atLeast: 1) {
            if month <= 12 { rules.yearMonth = month } else {
                log.error("\(month) is not a month; expected 1 to 12", at: r.node["yearMonth"], path: r.path.appending("yearMonth"))
            }
        }
        if let day = r.integer("yearWorkingDay", required: false, atLeast: 1) { rules.yearWorkingDay = day }
        rules.siteFolder = r.string("siteFolder", required: false)
        r.finish()
        return rules
    }

    func privacyRules(_ r: ObjectReader) -> PrivacyRules {
        var rules = PrivacyRules()
        if let months = r.integer("retentionMonths", required: false, atLeast: 1) { rules.retentionMonths = months }
        r.finish()
        return rules
    }

    static func clockTime(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return (h, m)
    }

    /// The inline quiet periods, and the files named by `include` (their periods are added by the workspace).
    func quietPeriods(_ r: ObjectReader) -> (periods: QuietPeriods, include: [Sourced<String>]) {
        let weekends = r.bool("weekends", required: false) ?? true
        let periods: [QuietPeriods.Period] = r.array("periods", required: false)?.compactMap {
            QuietPeriodsFile.period($0, log: log)
        } ?? []
        let include = r.array("include", required: false)?.compactMap { item in
            ObjectReader.parse(item.node, path: item.path, log: log, expected: "the path of a quiet-periods file (\(QuietPeriodsFile.format))") {
                $0.isEmpty ? nil : Sourced(value: $0, path: item.path)
            }
        } ?? []
        r.finish()
        return (QuietPeriods(periods, weekends: weekends), include)
    }

    func mailConfig(_ r: ObjectReader) -> MailConfig? {
        let from = r.object("from", what: "the sender, {\"name\", \"address\"}")
        let fromName = from?.line("name")
        let fromAddress = from?.parsed("address", expected: "an e-mail address") { EmailAddress.isPlausible($0) ? $0 : nil }
        from?.finish()
        let replyTo = r.identifier("replyToRole", .slug, required: false) ?? "co-oper"
        let domain = r.parsed("messageIdDomain", required: false, expected: "a domain name such as \"koers.school.nl\"") {
            $0.utf8.count <= 200 && MailAddress.isDotAtom(ArraySlice($0.utf8)) ? $0 : nil
        }
        let kind = r.parsed("transport", expected: "\"file\", \"sendmail\" or \"smtp\"") { ["file", "sendmail", "smtp"].contains($0) ? $0 : nil }
        let folder = r.string("folder", required: kind == "file")
        let sendmail = r.string("sendmail", required: false)
        let smtp = r.object("smtp", required: kind == "smtp", what: "SMTP settings").flatMap(smtpConfig)
        r.finish()
        guard let fromName, let fromAddress, let kind else { return nil }
        let transport: MailConfig.Transport
        switch kind {
        case "file":
            guard let folder else { return nil }
            transport = .file(folder: folder)
        case "sendmail": transport = .sendmail(path: sendmail ?? "/usr/sbin/sendmail")
        default:
            guard let smtp else { return nil }
            transport = .smtp(smtp)
        }
        let fallbackDomain = String(fromAddress.split(separator: "@").last ?? "koers.invalid")
        return MailConfig(fromName: fromName, fromAddress: fromAddress, replyToRole: replyTo,
                          messageIDDomain: domain ?? fallbackDomain, transport: transport)
    }

    private func smtpConfig(_ r: ObjectReader) -> MailConfig.SMTP? {
        let url = r.parsed("url", expected: "smtp://host:port or smtps://host:port") {
            ($0.hasPrefix("smtp://") || $0.hasPrefix("smtps://")) && !$0.contains("@") ? $0 : nil
        }
        let helo = r.string("heloName")
        let requireTLS = r.bool("requireTLS", required: false) ?? true
        let username = r.string("username", required: false)
        let passwordFile = r.string("passwordFile", required: false)
        let passwordCredential = r.string("passwordCredential", required: false)
        if r.node["password"] != nil {
            log.error("a password never goes in the configuration file; put it in a file (\"passwordFile\", mode 0600) or a systemd credential (\"passwordCredential\")",
                      at: r.node["password"], path: r.path.appending("password"))
            _ = r.node("password", required: false, expected: "")
        }
        let oauth2: MailConfig.OAuth2? = r.object("oauth2", required: false, what: "OAuth2 settings").flatMap { o in
            let tokenURL = o.parsed("tokenUrl", expected: "an https:// URL") { $0.hasPrefix("https://") ? $0 : nil }
            let clientID = o.string("clientId")
            let secretFile = o.string("clientSecretFile", required: false)
            let secretCredential = o.string("clientSecretCredential", required: false)
            let scope = o.string("scope", required: false) ?? "https://outlook.office365.com/.default"
            let caFile = o.string("caFile", required: false)
            if (secretFile == nil) == (secretCredential == nil) {
                log.error("give exactly one of \"clientSecretFile\" (a file, mode 0600) and \"clientSecretCredential\" (a systemd credential)",
                          at: o.node, path: o.path)
            }
            o.finish()
            guard let tokenURL, let clientID else { return nil }
            return MailConfig.OAuth2(tokenURL: tokenURL, clientID: clientID, clientSecretFile: secretFile,
                                     clientSecretCredential: secretCredential, scope: scope, caFile: caFile)
        }
        if oauth2 != nil, passwordFile != nil || passwordCredential != nil {
            log.error("OAuth2 replaces the password: remove \"passwordFile\" and \"passwordCredential\", or \"oauth2\"",
                      at: r.node["oauth2"], path: r.path.appending("oauth2"))
        }
        if oauth2 != nil || passwordFile != nil || passwordCredential != nil, username == nil {
            log.error("authentication needs \"username\": the mailbox Koers sends as, e.g. \"koers@bestuur.nl\"",
                      at: r.node, path: r.path)
        }
        let caFile = r.string("caFile", required: false)
        let timeout = r.integer("timeoutSeconds", required: false, atLeast: 1) ?? 30
        r.finish()
        guard let url, let helo else { return nil }
        return MailConfig.SMTP(url: url, heloName: helo, requireTLS: requireTLS, username: username,
                               passwordFile: passwordFile, passwordCredential: passwordCredential, oauth2: oauth2,
                               caFile: caFile, timeoutSeconds: timeout)
    }
}

/// The check for configured addresses: exactly what the mail builder can write into a header (the
/// plain dot-atom address `MailAddress.isValid` accepts); the mail server has the final word. A
/// looser check let addresses such as `zoë@school.nl` load, and then every digest to them failed
/// to build, which stopped the daemon's planning for everyone.
package enum EmailAddress {
    package static func isPlausible(_ s: String) -> Bool {
        MailAddress.isValid(s)
    }
}
