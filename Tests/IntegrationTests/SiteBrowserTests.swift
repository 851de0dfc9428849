import Foundation
import KoersTestSupport
import Testing

/// The site as a browser sees it: `koers site` on the bundled agenda with the demo history, then
/// Debian's Chromium, headless, takes a screenshot and loads every page. Chromium logs every file
/// it loads, every network request and every console message; the test requires that every file
/// loaded exists inside the site, that the pages request nothing from the network, and that the
/// console stays silent. A control page with a missing image, an external one and a console message
/// proves that the check sees such problems.
@Suite("The site in a real browser")
struct SiteBrowserTests {
    @Test("koers site renders in headless Chromium: screenshot, DOM, no console messages, no failed or external loads")
    func chromium() throws {
        guard let chromium = HeadlessChromium.locate() else {
            Issue.record("""
                Chromium is not installed, so the site cannot be checked in a browser. \
                Run scripts/setup (it installs Debian's chromium package), then run the tests again.
                """)
            return
        }
        let site = try Installation()
        var r = try site.koers("history", "import", site.demoHistory, now: "2024-08-01")
        #expect(r.status == 0, "\(r.stderr)")
        let out = site.folder + "/site"
        r = try site.koers("site", "--out", out, now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")
        let browser = HeadlessChromium(executable: chromium, folder: site.folder + "/chromium")

        // The agenda page as a picture.
        let screenshot = site.folder + "/index.png"
        let shot = try browser.run(["--screenshot=\(screenshot)", "--window-size=1280,2000"], url: out + "/index.html")
        #expect(shot.exitStatus == 0, "chromium failed: \(shot.stderr.suffix(2000))")
        let png = (try? Data(contentsOf: URL(fileURLWithPath: screenshot))) ?? Data()
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "not a PNG file")
        #expect(png.count > 50_000 && png.count < 20_000_000, "a 1280×2000 screenshot of the agenda; got \(png.count) bytes")
        #expect(shot.problems(inside: out) == [])
        #expect(shot.loadedFiles.contains(out + "/index.html"))

        // Every page Koers wrote loads, and its DOM is what Koers wrote.
        let expectations = [
            "index.html": ["<table class=\"matrix\"", "Lerende leraar", "Kwaliteitscultuur", "data-step=\"KC-B3\""],
            "stappen.html": ["id=\"stap-ook-sop-LL-A1\"", "Geschiedenis van KC-B3"],
            "mijlpalen.html": ["Komende mijlpalen", "Voorbije mijlpalen", "Zelfscan"],
            "rapporten/index.html": ["Er zijn nog geen rapportages bewaard."],
        ]
        for (page, needles) in expectations.sorted(by: { $0.key < $1.key }) {
            let run = try browser.run(["--dump-dom"], url: out + "/" + page)
            #expect(run.exitStatus == 0, "\(page): chromium failed: \(run.stderr.suffix(2000))")
            #expect(run.stdout.contains("<html lang=\"nl\">"), "\(page): no DOM")
            #expect(run.stdout.contains("Stand per dinsdag 15 oktober 2024, 12:00"), "\(page)")
            for needle in needles { #expect(run.stdout.contains(needle), "\(page): \(needle)") }
            #expect(run.problems(inside: out) == [], "\(page)")
            if page == "index.html" {
                #expect(run.stdout.components(separatedBy: "<table class=\"matrix\"").count - 1 == 4, "one matrix per waarborg")
            }
        }

        // The control: a missing file, an external image and a console message are seen.
        let control = site.folder + "/control"
        try FileManager.default.createDirectory(atPath: control, withIntermediateDirectories: true)
        try """
            <!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>controle</title></head>
            <body><img src="ontbreekt.png" alt=""><img src="http://koers.invalid/extern.png" alt="">
            <script>console.error("controle")</script></body></html>
            """.write(toFile: control + "/index.html", atomically: true, encoding: .utf8)
        let probe = try browser.run(["--dump-dom"], url: control + "/index.html")
        let problems = probe.problems(inside: control)
        #expect(problems.contains("missing file: \(control)/ontbreekt.png"), "\(problems)")
        #expect(problems.contains("network request: http://koers.invalid/extern.png"), "\(problems)")
        #expect(problems.contains { $0.hasPrefix("console: \"controle\"") }, "\(problems)")
    }

    @Test("On a phone (390 px) and a desktop (1280 px) the site and an HTML report fit: nothing wider than the screen outside a labelled scroll region, no text spilling from its cell, no word broken")
    func narrowAndWide() throws {
        guard let chromium = HeadlessChromium.locate() else {
            Issue.record("Chromium is not installed; run scripts/setup, then the tests again.")
            return
        }
        let site = try Installation()
        var r = try site.koers("history", "import", site.demoHistory, now: "2024-08-01")
        #expect(r.status == 0, "\(r.stderr)")
        r = try site.koers("report", "halfyear", "2024-H1", "--archive", now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")
        let out = site.folder + "/site"
        r = try site.koers("site", "--out", out, now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")
        // The yearly report with every part: budget (its amounts scroll sideways on a phone) and zelfscans.
        r = try site.koers("spend", "KC-b", "12500", "--on", "2024-09-01", "--note", "Begeleiding zelfscan door extern bureau",
                           now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")
        for (round, csv, held) in [("zelfscan-2022", ScanJourneyTests.nulmeting, "2022-09-20"), ("zelfscan-2024", ScanJourneyTests.round2024, "2024-09-20")] {
            let file = site.folder + "/\(round).csv"
            try Data(csv.utf8).write(to: URL(fileURLWithPath: file))
            r = try site.koers("scan", "import", round, file, "--instrument", "lerende-organisatie", "--on", held, now: "2024-10-15")
            #expect(r.status == 0, "\(r.stderr)")
        }
        r = try site.koers("report", "year", "2024", "--format", "html", "--out", site.folder + "/jaar-2024.html", now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")

        let year = try String(contentsOfFile: site.folder + "/jaar-2024.html", encoding: .utf8)
        #expect(year.contains(">Budget</h3>") && year.contains(">Zelfscans in deze periode</h2>"))
        let pages = ["index.html", "stappen.html", "mijlpalen.html", "rapporten/index.html", "rapporten/halfyear-2024-H1.html"]
            .map { out + "/" + $0 } + [site.folder + "/jaar-2024.html"]
        for page in pages {
            for (width, height) in [(390, 844), (1280, 900)] {
                let name = page.replacingOccurrences(of: site.folder + "/", with: "").replacingOccurrences(of: "/", with: "-")
                let screenshot = site.folder + "/\(name)-\(width).png"
                let layout = try BrowserLayout.check(page, width: width, height: height, screenshot: screenshot, chromium: chromium,
                                                     profile: site.folder + "/chromium-layout")
                #expect(layout.viewport == width, "\(name): the page is laid out at \(width) px")
                #expect(layout.problems == [], "\(name) at \(width) px")
                let png = (try? Data(contentsOf: URL(fileURLWithPath: screenshot))) ?? Data()
                #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47], "\(name) at \(width) px: a PNG screenshot")
            }
        }

        // The check sees what it is for: a table too wide for a phone, a word broken mid-word, an
        // unlabelled scroll region and text spilling out of its cell.
        let control = site.folder + "/control.html"
        try """
            <!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>controle</title></head><body>
            <table><tr><td style="white-space:nowrap">Werkplekbegeleiders en schoolopleiders van alle scholen samen</td></tr></table>
            <p style="width:120px;overflow-wrap:anywhere">Opleidingsschoolontwikkelingstraject</p>
            <div style="overflow-x:auto"><div style="width:900px">breed</div></div>
            <table style="table-layout:fixed;width:100px"><tr><td style="overflow:hidden;white-space:nowrap">Kwaliteitscultuur</td></tr></table>
            </body></html>
            """.write(toFile: control, atomically: true, encoding: .utf8)
        let seen = try BrowserLayout.check(control, width: 390, height: 844, screenshot: site.folder + "/control.png",
                                           chromium: chromium, profile: site.folder + "/chromium-layout").problems
        #expect(seen.contains { $0.hasPrefix("wider than the viewport") && $0.contains("Werkplekbegeleiders") }, "\(seen)")
        #expect(seen.contains { $0.hasPrefix("word broken mid-word: \"Opleidingsschoolontwikkelingstraject\"") }, "\(seen)")
        #expect(seen.contains { $0.hasPrefix("scroll container a keyboard cannot reach") }, "\(seen)")
        #expect(seen.contains { $0.hasPrefix("scroll container without a label") }, "\(seen)")
        #expect(seen.contains { $0.hasPrefix("text overflows its cell") && $0.contains("Kwaliteitscultuur") }, "\(seen)")
    }
}

/// `Tests/Support/browser_layout.py`: a page in headless Chromium at a viewport of the given size
/// (set through the DevTools protocol, since Chromium's own window cannot be narrower than 500 px),
/// what goes wrong in its layout, and a screenshot.
enum BrowserLayout {
    struct Result: Decodable {
        var viewport: Int
        var documentWidth: Int
        var problems: [String]
    }

    static func check(_ page: String, width: Int, height: Int, screenshot: String, chromium: String, profile: String) throws -> Result {
        let r = try KoersProcess.python([KoersProcess.repository + "/Tests/Support/browser_layout.py", chromium, page, String(width),
                                         String(height), screenshot, profile])
        #expect(r.status == 0, "browser_layout.py: \(r.stderr.suffix(2000))")
        return try JSONDecoder().decode(Result.self, from: Data(r.stdout.utf8))
    }
}

/// Debian's Chromium, headless, with a profile, home and cache of its own, and the logging the
/// test reads: file loads (`file_url_loader_factory`), network requests (`network_delegate`) and
/// console messages. Host names resolve to nothing, so no request leaves the machine.
struct HeadlessChromium {
    let executable: String
    let folder: String

    static func locate() -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/chromium"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    struct Run {
        var stdout: String
        var stderr: String
        var exitStatus: Int32

        /// `file://` URLs Chromium loaded, as paths.
        var loadedFiles: [String] {
            logged("FileURLLoader::Start: ").compactMap { URL(string: $0)?.path }
        }

        /// What a reader would see go wrong: console messages, files that are missing or outside
        /// `folder`, and requests to the network. Chromium's own background requests (to Google's
        /// update, time and account services) are not the page's and are left out.
        func problems(inside folder: String) -> [String] {
            var result: [String] = []
            for line in stderr.split(separator: "\n") where line.contains(":CONSOLE") {
                result.append("console: " + line.split(separator: "]", maxSplits: 1).last.map(String.init)!.trimmingCharacters(in: .whitespaces))
            }
            for path in loadedFiles {
                if !path.hasPrefix(folder + "/") { result.append("file outside the site: \(path)") }
                else if !FileManager.default.fileExists(atPath: path) { result.append("missing file: \(path)") }
            }
            let browserHosts = ["google.com", "googleapis.com", "gvt1.com", "gstatic.com"]
            for url in logged("NetworkDelegate::NotifyBeforeURLRequest: ") {
                let host = URL(string: url)?.host ?? ""
                if browserHosts.contains(where: { host == $0 || host.hasSuffix("." + $0) }) { continue }
                result.append("network request: \(url)")
            }
            return result
        }

        private func logged(_ marker: String) -> [String] {
            stderr.split(separator: "\n").compactMap { line in
                line.range(of: marker).map { String(line[$0.upperBound...]).trimmingCharacters(in: .whitespaces) }
            }
        }
    }

    /// One headless run on `url` (a file path) with `arguments`; each run gets a fresh profile.
    func run(_ arguments: [String], url path: String, timeout: TimeInterval = 60) throws -> Run {
        let run = folder + "/run-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: run + "/home", withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(run)/profile",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--enable-logging=stderr", "--v=0", "--vmodule=file_url_loader_factory=1,network_delegate=1",
        ] + arguments + [URL(fileURLWithPath: path).absoluteString]
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": run + "/home",
                               "XDG_CONFIG_HOME": run + "/home/.config", "XDG_CACHE_HOME": run + "/home/.cache"]
        _ = FileManager.default.createFile(atPath: run + "/stdout", contents: nil)
        _ = FileManager.default.createFile(atPath: run + "/stderr", contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: run + "/stdout")
        process.standardError = FileHandle(forWritingAtPath: run + "/stderr")
        process.standardInput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if exited.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL); exited.wait() }
            Issue.record("chromium did not finish within \(Int(timeout)) s on \(path)")
        }
        let stdout = (try? String(contentsOfFile: run + "/stdout", encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: run + "/stderr", encoding: .utf8)) ?? ""
        return Run(stdout: stdout, stderr: stderr, exitStatus: process.terminationStatus)
    }
}
