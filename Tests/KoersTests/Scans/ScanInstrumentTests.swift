import Foundation
@testable import KoersFormats
import KoersTestSupport
import Testing

@Suite("Scan instruments: the bundled checklists, and files checked like agendas")
struct ScanInstrumentTests {
    @Test("The example configuration loads both checklists of the reference document, verbatim, on the three-level scale")
    func bundled() throws {
        let workspace = try Workspace.load(configPath: Fixture.repository + "/Config/koers.example.json", environment: [:])
        #expect(workspace.scanInstruments.map(\.id) == ["lerende-organisatie", "lerend-partnerschap"])
        let organisation = workspace.scanInstruments[0], partnership = workspace.scanInstruments[1]
        #expect(organisation.title == "Checklist lerende organisatie")
        #expect(organisation.categories.map(\.title) == ["Ondersteunende cultuur", "Focus op ontwikkeling", "Expertise benutten"])
        #expect(organisation.categories.map { $0.items.map(\.id).joined(separator: " ") }
                == ["OC1 OC2 OC3 OC4 OC5 OC6", "FO1 FO2 FO3 FO4 FO5 FO6", "EB1 EB2 EB3 EB4 EB5 EB6"])
        #expect(organisation.item("oc5")?.item.text
                == "er is sprake van een ‘bespreekcultuur’; leraren gaan het gesprek aan als ze mogelijkheden voor verbetering zien")
        #expect(organisation.item("EB4")?.item.note != nil, "the damaged line in the source is noted")
        #expect(partnership.categories.map(\.title) == ["In ons partnerschap"])
        #expect(partnership.placedItems.count == 9)
        #expect(partnership.item("LP8")?.item.text == "hebben we een onderzoekswerkplaats of een vergelijkbaar initiatief, "
                + "waarin gezamenlijk kennis wordt ontwikkeld over een specifiek thema")
        for instrument in workspace.scanInstruments {
            #expect(instrument.scale.map(\.value) == [1, 2, 3])
            #expect(instrument.scale.map(\.label) == ["nog in startfase", "gedeeltelijk ontwikkeld", "sterk ontwikkeld"])
        }
        #expect(organisation.level(parsing: " Sterk  Ontwikkeld ")?.value == 3)
        #expect(organisation.level(parsing: "2")?.label == "gedeeltelijk ontwikkeld")
        #expect(organisation.level(parsing: "4") == nil)
    }

    @Test("A bad instrument file: every problem with its line, column and JSON path, and what would be valid")
    func invalid() throws {
        let fixture = Fixture()
        fixture.write("scan.json", """
            {
              "format": "koers-scan-instrument/1",
              "id": "proef",
              "titel": "Proef",
              "language": "nl",
              "scale": [
                { "value": 2, "label": "laag" },
                { "value": 1, "label": "Laag" },
                { "value": 3, "label": "3" }
              ],
              "categories": [
                { "id": "a", "title": "A", "items": [{ "id": "A1", "text": "een" }, { "id": "a2", "text": "twee" }] },
                { "id": "b", "title": "B", "items": [{ "id": "A1", "text": "drie" }] }
              ]
            }
            """)
        fixture.standard(config: Fixture.config.replacingOccurrences(of: "\"agendas\"", with: "\"scanInstruments\": [\"scan.json\"], \"agendas\""))
        let problems = fixture.check().diagnostics.filter { $0.file.hasSuffix("scan.json") }.map(\.description)
        let file = fixture.folder + "/scan.json"
        #expect(problems == [
            "\(file):1:1: error: missing required key \"title\" (a text)",
            "\(file):12:81: error: categories[0].items[1].id: \"a2\" is not valid here; expected an upper-case letter followed by upper-case letters or digits (e.g. \"A1\")",
            "\(file):4:3: error: titel: unknown key \"titel\"; did you mean \"title\"? expected one of: \"categories\", \"description\", \"format\", \"id\", \"language\", \"scale\", \"source\", \"title\"",
        ])

        fixture.write("scan.json", """
            {
              "format": "koers-scan-instrument/1", "id": "proef", "title": "Proef", "language": "nl",
              "scale": [{ "value": 2, "label": "laag" }, { "value": 1, "label": "Laag" }, { "value": 3, "label": "3" }],
              "categories": [
                { "id": "a", "title": "A", "items": [{ "id": "A1", "text": "een" }] },
                { "id": "b", "title": "B", "items": [{ "id": "A1", "text": "drie" }] }
              ]
            }
            """)
        #expect(fixture.check().diagnostics.filter { $0.file.hasSuffix("scan.json") }.map(\.description) == [
            "\(file):3:57: error: scale[1].value: level values must increase from the lowest level to the highest; 1 follows 2",
            "\(file):3:69: error: scale[1].label: the label \"Laag\" is also level 1's; answers name levels, so labels must differ",
            "\(file):3:102: error: scale[2].label: a label cannot be a number (answers give levels as numbers or labels)",
            "\(file):6:50: error: categories[1].items[0].id: duplicate item id \"A1\" (also in category \"a\"); item ids must be unique in the instrument",
        ])
    }

    @Test("Two instrument files with the same id are refused where the configuration names the second")
    func duplicateID() throws {
        let fixture = Fixture()
        fixture.write("een.json", ScanFixture.instrument)
        fixture.write("twee.json", ScanFixture.instrument)
        fixture.standard(config: Fixture.config.replacingOccurrences(
            of: "\"agendas\"", with: "\"scanInstruments\": [\"een.json\", \"twee.json\"],\n  \"agendas\""))
        let errors = fixture.check().diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors == ["\(fixture.folder)/koers.json:5:35: error: scanInstruments[1]: another scan instrument has the id \"proef\" too; "
                           + "instrument ids must be unique"])
    }
}
