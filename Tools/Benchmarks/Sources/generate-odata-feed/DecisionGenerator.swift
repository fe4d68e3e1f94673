import GeneratorSupport

/// Builds Decision entities shaped like the InforMEA OData v2 verbose feeds (see
/// `/work/shared/samples/informea-odata/v1/Decisions.json` for the real thing), one at a time.
struct DecisionGenerator {
    private struct Meeting {
        let id: String
        let title: String
    }

    private var rng: SplitMix64
    /// `meetings[treaty][number - 1]`: stable ids and titles, shared by all decisions of a meeting.
    private let meetings: [[Meeting]]
    private var displayOrder = 0

    /// Per-language probability (percent) that a record carries that language besides English.
    private static let languageOdds = ["fr": 70, "es": 60, "ar": 35, "zh": 35, "ru": 40]

    init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
        var meetingRNG = SplitMix64(seed: seed ^ 0x6D65_6574_696E_6773)
        meetings = Corpus.treaties.map { treaty in
            Corpus.ordinals.map { ordinal in
                Meeting(
                    id: meetingRNG.guid(),
                    title: "\(ordinal) meeting of the Conference of the Parties to the \(treaty.meetingNoun)"
                )
            }
        }
    }

    // swiftlint:disable:next function_body_length
    mutating func next() -> JSON {
        let treatyIndex = rng.below(Corpus.treaties.count)
        let treaty = Corpus.treaties[treatyIndex]
        let id = rng.guid()
        // About a third of the records are written the way PHP's json_encode does it: non-ASCII as \uXXXX and
        // slashes as \/. The rest carry raw UTF-8, like the .NET services.
        let php = rng.percent(35)
        let textEscaping: JSON.Escaping = php ? [.asciiOnly, .slashes] : []
        let urlEscaping: JSON.Escaping = php ? [.slashes] : []
        let meetingNumber = rng.inRange(1...Corpus.ordinals.count)
        let meeting = meetings[treatyIndex][meetingNumber - 1]
        let body = rng.pick(treaty.bodies)
        let item = rng.inRange(1...40)
        let number = treaty.dotted ? "\(body) \(meetingNumber).\(item)" : "\(body)-\(meetingNumber)/\(item)"
        let slug = String(number.map { $0 == "/" || $0 == " " ? "-" : $0 })
        let entityURI = "\(treaty.serviceRoot)/Decisions(guid'\(id)')"
        let published = 1_072_915_200_000 + Int(rng.next() % 662_256_000_000)  // 2004 … 2024
        let updated = rng.percent(30) ? published : published + Int(rng.next() % 94_608_000_000)
        displayOrder += rng.inRange(1...20)

        var languages = ["en"]
        for language in Corpus.languages.dropFirst() where rng.percent(Self.languageOdds[language] ?? 0) {
            languages.append(language)
        }
        let topic = rng.below(Corpus.topics.count)
        let suffixed = rng.percent(30)

        let decisionType = rng.percent(85) ? "decision" : rng.pick(Corpus.decisionTypes)
        let status = rng.percent(80) ? "active" : rng.pick(Corpus.statuses)

        var members: [(String, JSON)] = [
            (
                "__metadata",
                .object([
                    ("uri", .string(entityURI, urlEscaping)),
                    ("type", .string("\(treaty.model).Decisions")),
                ])
            ),
            ("protocolVersion", .int(1)),
            ("id", .string(id)),
            ("link", rng.percent(15) ? .null : .string("http://\(host(treaty))/decisions/\(slug)", urlEscaping)),
            ("type", .string(decisionType)),
            ("status", .string(status)),
            ("number", .string(number, urlEscaping)),
            ("treaty", .string(treaty.id)),
            ("published", .string("/Date(\(published))/", .slashes)),
            ("updated", .string("/Date(\(updated))/", .slashes)),
            ("meetingId", .string(meeting.id)),
            ("meetingTitle", rng.percent(10) ? .null : .string(meeting.title)),
            (
                "meetingUrl",
                rng.percent(10) ? .null : .string("http://\(host(treaty))/meetings/COP\(meetingNumber)", urlEscaping)
            ),
            ("displayOrder", .int(displayOrder)),
            ("keywords", .object([("__deferred", .object([("uri", .string(entityURI + "/keywords", urlEscaping))]))])),
        ]

        func localized(_ kind: String, _ value: (Int) -> String, languageFilter: [String]) -> JSON {
            var items: [JSON] = []
            for language in languageFilter {
                guard let languageIndex = Corpus.languages.firstIndex(of: language) else { continue }
                // The English entry reuses the entity id, as the BRS services do; the others have their own.
                let elementID = language == "en" ? id : rng.guid()
                let elementURI = "\(treaty.serviceRoot)/\(kind)(guid'\(elementID)')"
                items.append(
                    .object([
                        (
                            "__metadata",
                            .object([
                                ("uri", .string(elementURI, urlEscaping)),
                                ("type", .string("\(treaty.model).\(kind)")),
                            ])
                        ),
                        ("id", .string(elementID)),
                        ("documentId", .string(id)),
                        ("language", .string(language)),
                        ("value", .string(value(languageIndex), textEscaping)),
                        (
                            "Decisions",
                            .object([
                                ("__deferred", .object([("uri", .string(elementURI + "/Decisions", urlEscaping))]))
                            ])
                        ),
                    ])
                )
            }
            return .object([("results", .array(items))])
        }

        members.append(
            (
                "title",
                localized(
                    "title",
                    { Corpus.topics[topic][$0] + (suffixed ? " (\(number))" : "") },
                    languageFilter: languages
                )
            )
        )
        if rng.percent(10) {
            members.append(("summary", .object([("results", .array([]))])))
        } else {
            members.append(
                (
                    "summary",
                    localized(
                        "summary",
                        { sentences(language: $0, count: rng.inRange(1...2)) },
                        languageFilter: languages
                    )
                )
            )
        }
        let contentLanguages = languages.filter { $0 == "en" || rng.percent(80) }
        members.append(
            (
                "content",
                localized(
                    "content",
                    { languageIndex in
                        var paragraphs: [String] = []
                        for _ in 0..<rng.inRange(1...4) {
                            paragraphs.append(sentences(language: languageIndex, count: rng.inRange(2...6)))
                        }
                        return paragraphs.joined(separator: "\n\n")
                    },
                    languageFilter: contentLanguages
                )
            )
        )

        // Files: one per language, at most four; `fileName` or `filename` depending on the service.
        let fileNameKey = rng.percent(50) ? "fileName" : "filename"
        var files: [JSON] = []
        for language in languages.prefix(4) {
            let fileID = language == "en" ? id : rng.guid()
            let fileURI = "\(treaty.serviceRoot)/files(guid'\(fileID)')"
            let (mimeType, fileExtension) = rng.pick(Corpus.mimeTypes)
            let symbolSlug = String(treaty.symbol.map { $0 == "/" ? "-" : $0 })
            let languageName = Corpus.languageNames[language] ?? language
            let baseName = "\(symbolSlug).\(meetingNumber)-\(slug).\(languageName)"
            files.append(
                .object([
                    (
                        "__metadata",
                        .object([("uri", .string(fileURI, urlEscaping)), ("type", .string("\(treaty.model).files"))])
                    ),
                    ("id", .string(fileID)),
                    (
                        "url",
                        .string(
                            "\(treaty.portal).\(meetingNumber)-\(slug).\(languageName).\(fileExtension)",
                            urlEscaping
                        )
                    ),
                    ("mimeType", .string(mimeType, urlEscaping)),
                    ("language", .string(language)),
                    (fileNameKey, .string(baseName, textEscaping)),
                    ("size", .string(String(rng.inRange(20_000...4_000_000)))),
                    ("documentId", .string(id)),
                    (
                        "Decisions",
                        .object([("__deferred", .object([("uri", .string(fileURI + "/Decisions", urlEscaping))]))])
                    ),
                ])
            )
        }
        members.append(("files", .object([("results", .array(files))])))
        // A provider-specific property the canonical model does not know.
        members.append(
            (
                "brs_unnumber",
                rng.percent(10) ? .null : .string("\(treaty.symbol).\(meetingNumber)/\(number)", urlEscaping)
            )
        )
        return .object(members)
    }

    private func host(_ treaty: Corpus.Treaty) -> String {
        let afterScheme = treaty.serviceRoot.dropFirst("http://".count)
        return String(afterScheme.prefix { $0 != "/" })
    }

    /// `count` sentences of one language, separated by spaces (Chinese runs on without spaces).
    private mutating func sentences(language: Int, count: Int) -> String {
        let bank = Corpus.sentences[language]
        var parts: [String] = []
        for _ in 0..<count { parts.append(rng.pick(bank)) }
        return parts.joined(separator: Corpus.languages[language] == "zh" ? "" : " ")
    }
}
