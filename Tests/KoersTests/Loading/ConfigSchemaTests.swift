import Foundation
@testable import KoersFormats
import KoersTestSupport
import Testing

/// `Config/koers.schema.json` is what editors check a configuration against while it is written;
/// it must say yes and no where Koers's loader does, or an administrator learns only at start-up
/// that an address the editor accepted cannot be mailed.
@Suite("The configuration schema agrees with the loader")
struct ConfigSchemaTests {
    static let localPart64 = String(repeating: "a", count: 64)
    static let addresses = [
        "c.jansen@example.org", "user@localhost", "o'brien+tag@sub.school.nl", "x!#$%&*/=?^_`{|}~-@example.org",
        localPart64 + "@example.org", localPart64 + "a@example.org",
        "a@" + String(repeating: "b", count: 240) + ".nl", "a@" + String(repeating: "b", count: 250) + ".nl",
        "zoë@example.org", "carla@exämple.org", "a..b@example.org", "\"carla\"@example.org", "carla@[192.0.2.1]",
        ".carla@example.org", "carla@example..org", "carla@example.org.", "carla", "carla@", "@example.org",
        "carla @example.org", "carla@example.org\n",
    ]
    static let domains = ["koers.school.nl", "localhost", "a..b", "exämple.org", "-x.nl", String(repeating: "d", count: 201)]

    @Test("people's and the sender's addresses, and the Message-ID domain")
    func addressesAndDomains() throws {
        let fixture = Fixture()
        var loader: [Bool] = []
        for address in Self.addresses {
            fixture.standard(config: Fixture.config.replacingOccurrences(
                of: "\"c.jansen@example.org\"", with: JSONWriter.write(.string(address), pretty: false)))
            loader.append(!fixture.check().diagnostics.contains { $0.severity == .error && $0.path?.description == "people[0].email" })
        }
        var loaderDomains: [Bool] = []
        for domain in Self.domains {
            let mail = "\"mail\": { \"from\": { \"name\": \"Koers\", \"address\": \"koers@example.org\" }, "
                + "\"messageIdDomain\": \(JSONWriter.write(.string(domain), pretty: false)), \"transport\": \"file\", \"folder\": \"mail\" },"
            fixture.standard(config: Fixture.config.replacingOccurrences(of: "\"agendas\": [\"agenda.json\"],",
                                                                         with: "\"agendas\": [\"agenda.json\"], " + mail))
            loaderDomains.append(!fixture.check().diagnostics.contains { $0.severity == .error && $0.path?.description == "mail.messageIdDomain" })
        }
        #expect(loader == [true, true, true, true, true, false, true, false] + Array(repeating: false, count: 13))
        #expect(loaderDomains == [true, true, false, false, true, false])

        let schema = try Self.schemaVerdicts(addresses: Self.addresses, domains: Self.domains)
        #expect(schema.people == loader, "people[].email")
        #expect(schema.sender == loader, "mail.from.address")
        #expect(schema.domains == loaderDomains, "mail.messageIdDomain")
    }

    /// Validates with python3-jsonschema (installed by scripts/setup, as for scripts/validate-schemas.py).
    static func schemaVerdicts(addresses: [String], domains: [String]) throws -> (people: [Bool], sender: [Bool], domains: [Bool]) {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            cases = json.load(sys.stdin)
            props = schema["properties"]
            person = props["people"]["items"]["properties"]["email"]
            sender = props["mail"]["properties"]["from"]["properties"]["address"]
            domain = props["mail"]["properties"]["messageIdDomain"]
            ok = lambda s, x: jsonschema.Draft202012Validator(s).is_valid(x)
            json.dump({"people": [ok(person, a) for a in cases["addresses"]],
                       "sender": [ok(sender, a) for a in cases["addresses"]],
                       "domains": [ok(domain, d) for d in cases["domains"]]}, sys.stdout)
            """
        let cases = try JSONSerialization.data(withJSONObject: ["addresses": addresses, "domains": domains])
        let data = try Python.run(["-c", script, Fixture.repository + "/Config/koers.schema.json"], input: cases)
        let result = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [Bool]])
        return (result["people"] ?? [], result["sender"] ?? [], result["domains"] ?? [])
    }
}
