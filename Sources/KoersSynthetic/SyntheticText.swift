/// Dutch-looking sentences in the vocabulary of an ontwikkelagenda, for synthetic agendas: they
/// give generated files the length, the non-ASCII letters (ë, é, ö, –) and the look of the real
/// texts, so parsing, line wrapping and mail encoding do realistic work. They mean nothing.
enum SyntheticText {
    private static let actors = [
        "De schoolopleiders", "Het directieteam", "De werkplekbegeleiders", "De Co-OP'er",
        "De schoolleiders", "De instituutsopleiders", "De kwaliteitsmedewerker", "Elk schoolteam",
        "De directies", "Het overleg van schoolopleiders",
    ]
    private static let verbs = [
        "bespreken", "evalueren", "stellen vast", "ontwerpen", "verkennen", "monitoren", "borgen",
        "leggen vast", "coördineren", "begeleiden", "onderzoeken", "delen",
    ]
    private static let objects = [
        "de resultaten van de zelfscan", "het beroepsbeeld", "de oriëntatie op het partnerschap",
        "het inductieprogramma voor startende leraren", "de leerwerkplekken op de scholen",
        "de begeleiding van studenten", "het opleidingsplan", "de kwaliteitszorg – met feedforward",
        "de samenwerking met de lerarenopleiding", "de praktijkgerichte onderzoeken",
        "het beleidsplan Samen Opleiden & Professionaliseren", "de rapportage aan de Raad van Toezicht",
        "de ideeën uit de schoolteams", "het café voor werkplekbegeleiders",
    ]
    private static let endings = [
        "in het directieoverleg", "met alle scholen van de stichting", "per half jaar",
        "samen met de instituten", "op basis van de nulmeting", "in de Plan-Do-Check-Act-cyclus",
        "vóór de zomervakantie", "binnen het partnerschap", "met de coördinatoren",
    ]

    static func sentence(_ rng: inout SplitMix64) -> String {
        "\(rng.pick(actors)) \(rng.pick(verbs)) \(rng.pick(objects)) \(rng.pick(endings))."
    }

    /// Sentences until the text is at least `length` characters long (at least one sentence).
    static func text(about length: Int, _ rng: inout SplitMix64) -> String {
        var text = sentence(&rng)
        while text.count < length { text += " " + sentence(&rng) }
        return text
    }

    /// Paragraphs separated by a blank line, as agenda files write them, about `length` in all.
    static func paragraphs(about length: Int, _ rng: inout SplitMix64) -> String {
        let count = max(1, length / 400)
        return (0..<count).map { _ in text(about: length / count, &rng) }.joined(separator: "\n\n")
    }

    /// A table cell: mostly a short phrase (what to do, where), sometimes a whole sentence, about
    /// as long as the bundled agenda's steps (57 characters on average).
    static func cell(_ rng: inout SplitMix64) -> String {
        rng.chance(0.8) ? title(&rng) + " " + rng.pick(endings) : sentence(&rng)
    }

    /// A short title: a noun phrase with a capital.
    static func title(_ rng: inout SplitMix64) -> String {
        let object = rng.pick(objects)
        return object.prefix(1).uppercased() + object.dropFirst()
    }
}
