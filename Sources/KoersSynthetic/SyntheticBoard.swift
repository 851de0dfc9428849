import KoersModel

/// The school board behind the synthetic agendas: the roles every agenda names and the schools and
/// people the configuration lists, shaped like the bundled OOK agenda and example configuration
/// (six schools, one Co-OP'er, three schoolopleiders, …), so reminder counts per person are
/// comparable with the real ones. Every role is held by someone and every person holds a role an
/// agenda uses, so the configuration gives no diagnostics.
enum SyntheticBoard {
    struct RoleDefinition {
        var id: String
        var name: String
    }

    struct Person {
        var id: String
        var name: String
        var school: String?
        var roles: [String]
    }

    static let roles = [
        RoleDefinition(id: "co-oper", name: "Co-OP'er"),
        RoleDefinition(id: "schoolleiders", name: "Schoolleiders"),
        RoleDefinition(id: "directieteam", name: "Directieteam"),
        RoleDefinition(id: "directies", name: "Directies"),
        RoleDefinition(id: "schoolopleiders", name: "Schoolopleiders"),
        RoleDefinition(id: "werkplekbegeleiders", name: "Werkplekbegeleiders"),
        RoleDefinition(id: "kwaliteitsmedewerker", name: "Kwaliteitsmedewerker"),
        RoleDefinition(id: "instituutsopleiders", name: "Instituutsopleiders"),
        RoleDefinition(id: "schoolteams", name: "Schoolteams"),
    ]

    static let schools = [
        ("lichtboei", "OBS De Lichtboei"), ("vlotgras", "OBS Het Vlotgras"), ("dwarsstroom", "OBS De Dwarsstroom"),
        ("kroosveld", "OBS Het Kroosveld"), ("zandloper", "OBS De Zandloper"), ("kwakel", "OBS De Kwakel"),
    ]

    private static let givenNames = ["Anouk", "Bram", "Carla", "Daan", "Eva", "Femke", "Gerrit", "Hanna", "Ingrid",
                                     "Joost", "Lotte", "Marieke", "Niels", "Pieter", "Ruud", "Sanne", "Thijs", "Yara"]
    private static let familyNames = ["de Wit", "Hoekstra", "Jansen", "Kuiper", "Veenstra", "Dijkman", "Brouwer",
                                      "Mulder", "Smit", "van Dam", "Bosman", "Koster", "Meijer", "Visser", "Wolters"]

    /// Seventeen people: the Co-OP'er, a kwaliteitsmedewerker, a director per school (the first
    /// three also in the directieteam), three schoolopleiders, three werkplekbegeleiders, two
    /// instituutsopleiders and the schoolteams' shared address. Names vary with the seed.
    static func people(_ rng: inout SplitMix64) -> [Person] {
        var roleLists: [(school: String?, roles: [String])] = [(nil, ["co-oper"]), (nil, ["kwaliteitsmedewerker"])]
        for (index, school) in schools.enumerated() {
            roleLists.append((school.0, ["directies", "schoolleiders"] + (index < 3 ? ["directieteam"] : [])))
        }
        for index in 0..<3 { roleLists.append((schools[index * 2].0, ["schoolopleiders"])) }
        for index in 0..<3 { roleLists.append((schools[index * 2 + 1].0, ["werkplekbegeleiders"])) }
        roleLists += [(nil, ["instituutsopleiders"]), (nil, ["instituutsopleiders"])]

        var used: Set<String> = ["teams"]
        var people = roleLists.map { entry -> Person in
            let given = rng.pick(givenNames), family = rng.pick(familyNames)
            let base = (given.prefix(1) + "." + family.split(separator: " ").last!).lowercased()
            var id = base, n = 2
            while !used.insert(id).inserted { id = "\(base)\(n)"; n += 1 }
            return Person(id: id, name: "\(given) \(family)", school: entry.school, roles: entry.roles)
        }
        people.append(Person(id: "teams", name: "Schoolteams", school: nil, roles: ["schoolteams"]))
        return people
    }
}
