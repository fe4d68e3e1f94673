public import MEABridgeCore
import MEABridgeXML
import OrderedCollections

/// Reads the FAOLEX legislation feed that ECOLEX imports (a Google Search Appliance metadata feed) into canonical
/// `Document` records, streaming.
///
/// The feed is `<gsafeed><header>…</header><group><record url=… action=…><metadata><meta name content/>…` (see
/// convention-formats.md §8.4); a `meta` name repeated in one record is a multi-valued field. Each `add` record
/// becomes one Document:
///
/// - `id` ← `faolexId` (`LEX-FAOC086193`; a record without one is skipped with an error);
/// - `title` ← `titleOfText`, `description` ← `abstract`, both in the record's language (`recordLanguage`
///   `E`/`F`/`S` → `en`/`fr`/`es`);
/// - `country` ← `country_ISO3` (when a record names several, the first, with a warning; all stay in the
///   extras); records for the European Union and other non-ISO areas have none;
/// - `files` ← the record's `url` with `linksToFullText` as the file name, in the first `documentLanguage_en`;
/// - `keywords` ← `keyword_en` (scope `faolex`), `types` ← `typeOfText_en`, `tags` ← `subjectSelection_<lang>` in
///   every language (scope `faolex-subject`);
/// - links: `implementsTre` (an ECOLEX treaty id such as `TRE-000130`) becomes a `treaty` reference and, when the
///   treaty is one InforMEA knows (``treatyCrosswalk``), a canonical treaty in `treaties` (the first also in
///   `treaty`); `amends`, `repeals` and `implement` (other FAOLEX records) become references of those types;
/// - `identifiers` ← `faolexId` and `isisMfn`;
/// - every other `meta` (translations, `geographicalArea_*`, `serialImprint`, `year`, `localizedCardURL`, codes,
///   …) is kept in `extras`, a string or, when repeated, an array in feed order, so nothing is dropped.
///
/// A `delete` record has no canonical form and is reported as a note. Every diagnostic carries the line and XPath of
/// the `meta` or `record` concerned.
public struct FAOLEXReader: RecordReader {
    /// `faolex-xml`.
    public static let format = FormatDescriptor(
        id: "faolex-xml",
        summary: "FAOLEX legislation feed (ECOLEX, Google Search Appliance XML) as canonical Documents",
        fileExtensions: ["xml"]
    )

    /// The XSD of the feed's shape (Schemas/xml/faolex-gsafeed.xsd).
    public static var defaultSchema: String? { "xml/faolex-gsafeed.xsd" }

    /// ECOLEX treaty record ids and the InforMEA treaty identifiers they stand for, for the treaties InforMEA and
    /// ECOLEX both know (ECOLEX's `config/treaties.json` crosswalk, cut to InforMEA's own identifiers).
    public static let treatyCrosswalk: [String: TreatyID] = [
        "TRE-001148": "cbd", "TRE-001327": "cartagena", "TRE-155959": "nagoya", "TRE-000483": "cites",
        "TRE-000495": "cms", "TRE-000531": "ramsar", "TRE-155235": "whc", "TRE-001346": "plant_treaty",
        "TRE-000130": "ippc", "TRE-001221": "aewa", "TRE-001139": "ascobans", "TRE-001154": "eurobats",
        "TRE-001003": "basel", "TRE-001280": "rotterdam", "TRE-001338": "stockholm", "TRE-000829": "vienna",
        "TRE-000953": "montreal", "TRE-001147": "unfccc", "TRE-001269": "kyoto", "TRE-160054": "paris",
        "TRE-001200": "unccd", "TRE-001104": "bamako", "TRE-000543": "barcelona",
    ]

    /// `recordLanguage` codes and the languages they stand for.
    public static let recordLanguages: [String: LanguageCode] = ["E": "en", "F": "fr", "S": "es"]

    private let options: ReadOptions

    /// Creates a reader.
    /// - Parameter options: The read options.
    public init(options: ReadOptions) { self.options = options }

    /// Certain for a `gsafeed` naming the `faolex` data source, likely for another GSA feed.
    /// - Parameter input: The first bytes and the name.
    /// - Returns: The confidence.
    public static func sniff(_ input: SniffInput) -> SniffConfidence {
        guard input.trimmedPrefix.first == UInt8(ascii: "<"), input.contains("<gsafeed") else { return .no }
        return input.contains("faolex") || input.contains("faoLex") ? .certain : .likely
    }

    /// Reads the feed, emitting each record as soon as its end tag is read.
    /// - Parameters:
    ///   - source: The input bytes.
    ///   - emit: Receives each record.
    ///   - report: Receives each diagnostic.
    /// - Throws: `IOFailure` when reading fails, or what `emit` throws.
    public mutating func read(
        from source: some ByteSource,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws {
        try read(XMLStreamReader(source: source, name: options.sourceName), emit: emit, report: report)
    }

    /// Reads the feed and checks it against an XSD in the same pass (see `InforMEAAtomReader`'s method of the same
    /// shape).
    /// - Parameters:
    ///   - source: The input bytes.
    ///   - validator: The schema validator chosen for the input.
    ///   - maxErrors: The most diagnostics reported.
    ///   - emit: Receives each record.
    ///   - report: Receives each diagnostic.
    /// - Returns: `false`, having read nothing, when the validator is not an `XSDSchemaValidator`.
    /// - Throws: `IOFailure` when reading fails, or what `emit` throws.
    public mutating func read(
        from source: some ByteSource,
        validatingWith validator: any SchemaValidator,
        maxErrors: Int,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws -> Bool {
        guard let xsd = validator as? XSDSchemaValidator else { return false }
        try xsd.streaming(source: source, sourceName: options.sourceName, maxErrors: maxErrors, report: report) {
            try read($0, emit: emit, report: report)
        }
        return true
    }

    private func read(_ xml: XMLStreamReader, emit: (Record) throws -> Void, report: (Diagnostic) -> Void) throws {
        let record = xml.id(of: XMLName(nil, "record"))
        let meta = xml.id(of: XMLName(nil, "meta"))
        let gsafeed = xml.id(of: XMLName(nil, "gsafeed"))
        let name = xml.id(of: XMLName(nil, "name"))
        let content = xml.id(of: XMLName(nil, "content"))
        let url = xml.id(of: XMLName(nil, "url"))
        let action = xml.id(of: XMLName(nil, "action"))
        var sawRoot = false
        var current: RecordFields?
        while true {
            switch try xml.next(report: report) {
            case .startElement:
                if !sawRoot {
                    sawRoot = true
                    if !xml.isStart(gsafeed) {
                        report(
                            Diagnostic(
                                id: .noRecords,
                                severity: .error,
                                message:
                                    "the root element is <\(xml.qualifiedName ?? "")>, not a FAOLEX <gsafeed> feed",
                                location: xml.location
                            )
                        )
                        try xml.skipElement(report: report)
                    }
                } else if xml.isStart(record) {
                    current = RecordFields(
                        url: xml.attribute(url),
                        action: xml.attribute(action),
                        location: xml.location
                    )
                } else if xml.isStart(meta), current != nil {
                    guard let key = xml.attribute(name) else {
                        report(
                            Diagnostic(
                                id: .emptyEntry,
                                severity: .warning,
                                message: "<meta> without a name; ignored",
                                location: xml.location
                            )
                        )
                        continue
                    }
                    current?.add(
                        key,
                        xml.attribute(content) ?? "",
                        at: MetaPlace(line: xml.line, column: xml.column, steps: xml.pathSteps)
                    )
                }
            case .endElement:
                if xml.nameID == record, let fields = current {
                    current = nil
                    if let document = document(from: fields, xml, report: report) { try emit(.document(document)) }
                }
            case .endOfDocument:
                return
            case .text:
                continue
            }
        }
    }

    /// Where a `<meta>` was, kept cheaply: its XPath is rendered (from its record's) only for a diagnostic.
    struct MetaPlace {
        var line: Int
        var column: Int?
        var steps: [XMLPathStep]
    }

    /// The metas of one record, in order, with where each was.
    struct RecordFields {
        var url: String?
        var action: String?
        var location: SourceLocation
        var values: OrderedDictionary<String, [(value: String, place: MetaPlace)]> = [:]

        mutating func add(_ name: String, _ value: String, at place: MetaPlace) {
            values[name, default: []].append((value, place))
        }
    }

    private func document(from record: RecordFields, _ xml: XMLStreamReader, report: (Diagnostic) -> Void) -> Document?
    {
        func locate(_ place: MetaPlace) -> SourceLocation {
            var location = record.location
            location.line = place.line > 0 ? place.line : nil
            location.column = place.column
            location.path = xml.path(of: place.steps)
            return location
        }
        if let action = record.action, action.lowercased() == "delete" {
            report(
                Diagnostic(
                    id: .faolexDeleted,
                    severity: .note,
                    message: "record \(record.url ?? "") is marked action=\"delete\"; a deletion has no canonical "
                        + "record, so it is not converted",
                    location: record.location
                )
            )
            return nil
        }
        var fields = record.values
        func take(_ name: String) -> [(value: String, place: MetaPlace)] {
            fields.removeValue(forKey: name) ?? []
        }
        var repeated = Extras()
        /// The first non-empty value of a single-valued field; when it is repeated all values stay in the extras.
        func first(_ name: String) -> String? {
            let values = take(name)
            if values.count > 1 { repeated[name] = .array(values.map { .string($0.value) }) }
            return values.lazy.map { $0.value.trimmingWhitespace() }.first { !$0.isEmpty }
        }
        guard let id = first("faolexId") else {
            report(
                Diagnostic(
                    id: .missingID,
                    severity: .error,
                    message: "FAOLEX record \(record.url ?? "") has no faolexId; every record needs a stable id; "
                        + "skipped",
                    location: record.location
                )
            )
            return nil
        }
        var document = Document(id: id)
        document.source = record.location
        document.identifiers.append(DocumentIdentifier(name: "faolexId", value: id))

        // The record's language, for its title and abstract.
        var language = LanguageCode.undetermined
        let languageValues = take("recordLanguage")
        if let code = languageValues.first {
            let trimmed = code.value.trimmingWhitespace().uppercased()
            if let known = Self.recordLanguages[trimmed] {
                language = known
            } else {
                report(
                    Diagnostic(
                        id: .unknownLanguage,
                        severity: .warning,
                        message: "recordLanguage '\(code.value)' is not one of E, F, S; the title is kept as "
                            + "undetermined (und)",
                        location: locate(code.place)
                    )
                )
            }
        }
        if let title = first("titleOfText") { document.title.set(title, for: language) }
        if let abstract = first("abstract") { document.description.set(abstract, for: language) }

        let countries = take("country_ISO3")
        if let country = countries.first {
            document.country = CountryRef(parsing: country.value)
            if document.country?.isResolved == false {
                report(
                    Diagnostic(
                        id: .unknownCountry,
                        severity: .warning,
                        message: "'\(country.value)' is not an ISO 3166-1 country code; kept as the original value",
                        location: locate(country.place)
                    )
                )
            }
            if countries.count > 1 {
                report(
                    Diagnostic(
                        id: .valueRepaired,
                        severity: .warning,
                        message: "\(countries.count) countries (\(countries.map(\.value).joined(separator: ", "))) "
                            + "where a document holds one; kept the first, all are in the extras",
                        location: locate(countries[1].place)
                    )
                )
                document.extras["country_ISO3"] = .array(countries.map { .string($0.value) })
            }
        }

        // The document's languages: the first for the file; the rest stay in the extras.
        var fileLanguage: LanguageCode?
        var documentLanguages = take("documentLanguage_en")
        if let first = documentLanguages.first {
            let parsed = LanguageCode(parsing: first.value)
            if parsed.isRecognized {
                fileLanguage = parsed
            } else {
                report(
                    Diagnostic(
                        id: .unknownLanguage,
                        severity: .warning,
                        message: "document language '\(first.value)' is not a language name or code; the file's "
                            + "language is left unset",
                        location: locate(first.place)
                    )
                )
            }
            if documentLanguages.count == 1 { documentLanguages.removeAll() }
        }
        if !documentLanguages.isEmpty {
            document.extras["documentLanguage_en"] = .array(documentLanguages.map { .string($0.value) })
        }
        let fullText = first("linksToFullText")
        if record.url != nil || fullText != nil {
            document.files.append(FileRef(url: record.url, language: fileLanguage, filename: fullText))
        }

        for keyword in take("keyword_en") where !keyword.value.trimmingWhitespace().isEmpty {
            document.keywords.append(Keyword(term: keyword.value.trimmingWhitespace(), scope: "faolex"))
        }
        for type in take("typeOfText_en") where !type.value.isEmpty { document.types.append(type.value) }
        for name in fields.keys.filter({ $0.hasPrefix("subjectSelection_") }) {
            let tagLanguage = LanguageCode(parsing: String(name.dropFirst("subjectSelection_".count)))
            for subject in take(name) where !subject.value.isEmpty {
                document.tags.append(DocumentTag(language: tagLanguage, scope: "faolex-subject", value: subject.value))
            }
        }

        // Links to treaties and to other FAOLEX records.
        for treaty in take("implementsTre") {
            let reference = treaty.value.trimmingWhitespace()
            guard !reference.isEmpty else { continue }
            document.references.append(DocumentReference(type: "treaty", refId: reference))
            if let known = Self.treatyCrosswalk[reference.uppercased()], !document.treaties.contains(known) {
                document.treaties.append(known)
            }
        }
        document.treaty = document.treaties.first
        for relation in ["amends", "repeals", "implement"] {
            for link in take(relation) {
                let target = link.value.trimmingWhitespace()
                if !target.isEmpty { document.references.append(DocumentReference(type: relation, refId: target)) }
            }
        }
        if let mfn = first("isisMfn") { document.identifiers.append(DocumentIdentifier(name: "isisMfn", value: mfn)) }

        for (name, values) in fields {
            document.extras[name] =
                values.count == 1 ? .string(values[0].value) : .array(values.map { .string($0.value) })
        }
        for (name, value) in repeated { document.extras[name] = value }
        return document
    }
}

extension DiagnosticID {
    /// A FAOLEX record marked for deletion, which has no canonical form.
    public static let faolexDeleted: DiagnosticID = "faolex.record-deleted"
}

extension FAOLEXReader {
    /// What the reader's own diagnostics mean (for `meabridge explain` and the reports).
    public static let diagnosticDescriptions: [DiagnosticDescription] = [
        DiagnosticDescription(
            .faolexDeleted,
            .note,
            "A FAOLEX record is marked for deletion and was not converted.",
            """
            The feed asks the index to delete the record at that URL (action="delete"). A deletion has no canonical \
            record; apply it to the target data set by its URL or faolexId.
            """
        )
    ]
}

extension FAOLEXReader: SchemaCheckingReader {}
