public import MEABridgeCore
import MEABridgeJSON
import OrderedCollections

extension DiagnosticID {
    /// The Species+ API answered with an error object, or a recorded interaction failed.
    public static let speciesPlusAPIError: DiagnosticID = "speciesplus.api-error"
    /// A Species+ payload whose taxon cannot be told (a per-taxon response without its request URI).
    public static let speciesPlusUnknownTaxon: DiagnosticID = "speciesplus.taxon-unknown"
    /// A JSON value that is no Species+ payload.
    public static let speciesPlusUnknownPayload: DiagnosticID = "speciesplus.payload-unknown"
}

/// Reads the Species+ / CITES Checklist API (`api.speciesplus.net/api/v1`) into ``Taxon`` records.
///
/// - `taxon_concepts.json` pages give one taxon per concept: names, rank, higher taxa, synonyms, common names
///   (upper-case language codes), the current CITES listings;
/// - `cites_legislation.json` (listings, quotas, suspensions), `eu_legislation.json` (EU listings and decisions),
///   `distributions.json` and `references.json` give one taxon holding those measures, identified by the taxon id
///   of the request URI (or of the items);
/// - the recorded-response (vcr cassette) wrapper, `{"http_interactions": [{request: {uri}, response: {status,
///   body: {string}}}]}`, is unwrapped and each response body read with its request's URI.
///
/// Annotations and notes have CRLF and no-break spaces normalised; HTML in references and notes becomes plain text.
public struct SpeciesPlusJSONReader: RecordReader {
    /// `cites-speciesplus-json`.
    public static let format = FormatDescriptor(
        id: "cites-speciesplus-json",
        summary: "CITES Species+ API JSON: taxon concepts, listings, quotas, suspensions, distributions, EU decisions",
        fileExtensions: ["json"]
    )

    /// No schema is bundled for Species+.
    public static let defaultSchema: String? = nil

    private let options: ReadOptions

    /// Creates a reader.
    /// - Parameter options: The read options.
    public init(options: ReadOptions) { self.options = options }

    /// Certain for a cassette of `api.speciesplus.net` or a `taxon_concepts`/`cites_listings`/`eu_listings`
    /// payload; no otherwise.
    /// - Parameter input: The first bytes and the name.
    /// - Returns: The confidence.
    public static func sniff(_ input: SniffInput) -> SniffConfidence {
        guard let first = input.trimmedPrefix.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else {
            return .no
        }
        if input.contains("speciesplus.net") { return .certain }
        for key in ["\"taxon_concepts\"", "\"cites_listings\"", "\"eu_listings\"", "\"cites_quotas\""]
        where input.contains(key) {
            return .certain
        }
        return .no
    }

    /// Reads the input.
    /// - Parameters:
    ///   - source: The input bytes.
    ///   - emit: Receives each record.
    ///   - report: Receives each diagnostic.
    /// - Throws: What `emit` throws.
    public mutating func read(
        from source: some ByteSource,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws {
        var parser = JSONPullParser(source: source)
        let value: JSONValue
        do {
            value = try parser.readValue()
            while try parser.next() != nil {}
        } catch {
            report(error.diagnostic(source: options.sourceName))
            return
        }
        if let interactions = value["http_interactions"]?.arrayValue {
            for (index, interaction) in interactions.enumerated() {
                let pointer = "/http_interactions/\(index)"
                let uri = interaction["request"]?["uri"]?.stringValue
                let status = interaction["response"]?["status"]?["status_code"]?.int64Value
                guard let bodyValue = interaction["response"]?["body"]?["string"], let body = bodyValue.stringValue
                else { continue }
                let bodyPath = pointer + "/response/body/string"
                var inner = JSONPullParser(source: MemoryByteSource(body, name: options.sourceName))
                do {
                    let payload = try inner.readValue()
                    let mapper = Mapper(sourceName: options.sourceName, base: bodyPath, anchor: bodyValue.position)
                    if let status, status >= 400, payload["error"] == nil {
                        report(
                            Diagnostic(
                                id: .speciesPlusAPIError,
                                severity: .warning,
                                message: "recorded response has HTTP status \(status)",
                                location: mapper.location(payload, "")
                            )
                        )
                    }
                    for record in mapper.records(payload, uri: uri, report: report) { try emit(record) }
                } catch let error as JSONError {
                    var diagnostic = error.diagnostic(source: options.sourceName, path: bodyPath)
                    diagnostic.message = "response body: " + diagnostic.message
                    report(diagnostic)
                }
            }
            return
        }
        let mapper = Mapper(sourceName: options.sourceName, base: "", anchor: nil)
        for record in mapper.records(value, uri: nil, report: report) { try emit(record) }
    }
}

/// Maps one Species+ payload to taxa.
struct Mapper {
    let sourceName: String
    /// The JSON Pointer of the payload in the file (the cassette's body string, or the root).
    let base: String
    /// For a payload inside a string, the position of that string (inner positions are relative to it).
    let anchor: JSONPosition?

    func location(_ value: JSONValue, _ path: String) -> SourceLocation {
        if let anchor {
            return SourceLocation(
                source: sourceName,
                line: anchor.line,
                column: anchor.column,
                byteOffset: anchor.offset,
                path: base + path
            )
        }
        return SourceLocation(
            source: sourceName,
            line: value.position.line,
            column: value.position.column,
            byteOffset: value.position.offset,
            path: base + path
        )
    }

    /// The taxon id in a request URI (`…/taxon_concepts/4521/distributions.json` → `4521`).
    static func taxonID(uri: String?) -> String? {
        guard let uri else { return nil }
        let parts = uri.split(separator: "?").first.map { $0.split(separator: "/") } ?? []
        guard let index = parts.firstIndex(of: "taxon_concepts"), index + 1 < parts.count else { return nil }
        let id = parts[index + 1]
        return id.allSatisfy(\.isNumber) ? String(id) : nil
    }

    static func text(_ value: JSONValue?) -> String? {
        guard let value else { return nil }
        return value.stringValue ?? value.numberLexeme
    }

    /// Plain text: HTML tags removed, the common entities decoded, CRLF, CR and no-break spaces normalised.
    static func plain(_ value: JSONValue?) -> String? {
        guard let raw = value?.stringValue else { return nil }
        var text = ""
        var tag: String?
        for character in raw {
            if character == "<" {
                tag = ""
            } else if character == ">", let name = tag {
                // Block-level tags separate lines; inline ones (<i>, <b>) just go.
                let lowered = name.lowercased().drop { $0 == "/" }
                if ["br", "p", "li", "div"].contains(where: { lowered.hasPrefix($0) }), !text.hasSuffix("\n") {
                    text.append("\n")
                }
                tag = nil
            } else if tag != nil {
                tag?.append(character)
            } else {
                text.append(character)
            }
        }
        let entities = [
            ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "),
        ]
        for (entity, replacement) in entities where text.contains(entity) {
            text = text.split(separator: entity, omittingEmptySubsequences: false).joined(separator: replacement)
        }
        var result = ""
        for character in text {
            switch character {
            case "\r\n", "\r": result += "\n"
            case "\u{A0}": result += " "
            default: result.append(character)
            }
        }
        let trimmed = result.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    func records(_ payload: JSONValue, uri: String?, report: (Diagnostic) -> Void) -> [Record] {
        if let error = payload["error"] {
            report(
                Diagnostic(
                    id: .speciesPlusAPIError,
                    severity: .warning,
                    message: "Species+ API error: " + (Self.text(error["message"]) ?? "no message"),
                    location: location(error, "/error")
                )
            )
            return []
        }
        if let concepts = payload["taxon_concepts"]?.arrayValue {
            return concepts.enumerated().map { index, concept in
                Record.taxon(taxonConcept(concept, path: "/taxon_concepts/\(index)", report: report))
            }
        }
        let uriID = Self.taxonID(uri: uri)
        var listings: [TaxonListing] = []
        var distribution: [TaxonDistribution] = []
        var references: [String] = []
        var itemID: String?
        var recognised = false
        let measureKeys: [(String, String, String)] = [
            ("cites_listings", "listing", "cites"), ("cites_quotas", "quota", "cites"),
            ("cites_suspensions", "suspension", "cites"), ("eu_listings", "listing", "eu"),
            ("eu_decisions", "decision", "eu"),
        ]
        for (key, kind, regime) in measureKeys {
            guard let items = payload[key]?.arrayValue else { continue }
            recognised = true
            for item in items {
                itemID = itemID ?? Self.text(item["taxon_concept_id"])
                listings.append(listing(item, kind: kind, regime: regime))
            }
        }
        if let items = payload.arrayValue {
            recognised = true
            for item in items {
                if item["citation"] != nil {
                    if let citation = Self.plain(item["citation"]) { references.append(citation) }
                } else if item["iso_code2"] != nil || item["tags"] != nil {
                    distribution.append(
                        TaxonDistribution(
                            country: Self.text(item["iso_code2"]).flatMap(CountryRef.init(parsing:)),
                            name: Self.text(item["name"]),
                            tags: item["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
                        )
                    )
                    for reference in item["references"]?.arrayValue ?? [] {
                        if let text = Self.plain(reference), !references.contains(text) { references.append(text) }
                    }
                }
            }
        }
        guard recognised else {
            report(
                Diagnostic(
                    id: .speciesPlusUnknownPayload,
                    severity: .error,
                    message:
                        "not a Species+ payload: expected taxon_concepts, legislation, distributions or references",
                    location: location(payload, "")
                )
            )
            return []
        }
        if listings.isEmpty && distribution.isEmpty && references.isEmpty { return [] }
        let taxonID: String? = uriID ?? itemID
        guard let taxonID else {
            report(
                Diagnostic(
                    id: .speciesPlusUnknownTaxon,
                    severity: .warning,
                    message: "the payload does not name its taxon (no request URI, no taxon_concept_id); skipped",
                    location: location(payload, "")
                )
            )
            return []
        }
        var result = Taxon(id: taxonID)
        result.taxonomy = "CITES"
        result.listings = listings
        result.distribution = distribution
        result.references = references
        result.source = location(payload, "")
        return [Record.taxon(result)]
    }

    private func listing(_ item: JSONValue, kind: String, regime: String) -> TaxonListing {
        var listing = TaxonListing(kind: kind, regime: regime)
        listing.id = Self.text(item["id"])
        listing.appendix = Self.text(item["appendix"]) ?? Self.text(item["annex"])
        listing.changeType = Self.text(item["change_type"])
        let party = item["party"]?["iso_code2"] ?? item["geo_entity"]?["iso_code2"]
        listing.country = Self.text(party).flatMap(CountryRef.init(parsing:))
        let date =
            Self.text(item["effective_at"]) ?? Self.text(item["start_date"]) ?? Self.text(item["publication_date"])
        listing.effective = date.flatMap(DateValue.init(parsing:))
        listing.isCurrent = item["is_current"]?.boolValue
        listing.notes = Self.plain(item["annotation"]) ?? Self.plain(item["notes"])
        listing.quota = item["quota"]?.doubleValue
        listing.unit = Self.text(item["unit"]?["code"]) ?? Self.text(item["unit"])
        listing.decisionType =
            Self.text(item["eu_decision_type"]?["type"]) ?? Self.text(item["eu_decision_type"]?["name"])
        let basis = item["start_notification"] ?? item["start_event"] ?? item["eu_regulation"]
        listing.basis = Self.text(basis?["name"])
        listing.url = Self.text(item["url"]) ?? Self.text(basis?["url"])
        return listing
    }

    private func taxonConcept(_ concept: JSONValue, path: String, report: (Diagnostic) -> Void) -> Taxon {
        var taxon = Taxon(id: Self.text(concept["id"]) ?? "")
        if taxon.id.isEmpty {
            report(
                Diagnostic(
                    id: .missingID,
                    severity: .error,
                    message: "taxon concept has no id",
                    location: location(concept, path)
                )
            )
        }
        taxon.taxonomy = "CITES"
        taxon.name = Self.text(concept["full_name"])
        taxon.author = Self.text(concept["author_year"])
        taxon.rank = Self.text(concept["rank"])
        taxon.nameStatus = Self.text(concept["name_status"])
        taxon.isActive = concept["active"]?.boolValue
        let higher = concept["higher_taxa"]
        taxon.kingdom = Self.text(higher?["kingdom"])
        taxon.phylum = Self.text(higher?["phylum"])
        taxon.taxonClass = Self.text(higher?["class"])
        taxon.taxonOrder = Self.text(higher?["order"])
        taxon.family = Self.text(higher?["family"])
        taxon.citesListing = Self.text(concept["cites_listing"])
        taxon.synonyms = concept["synonyms"]?.arrayValue?.compactMap { Self.text($0["full_name"]) } ?? []
        taxon.commonNames =
            concept["common_names"]?.arrayValue?.compactMap { entry in
                guard let name = Self.text(entry["name"]) else { return nil }
                return CommonName(name: name, language: Self.text(entry["language"]).map(LanguageCode.init(parsing:)))
            } ?? []
        taxon.listings =
            concept["cites_listings"]?.arrayValue?.map { listing($0, kind: "listing", regime: "cites") } ?? []
        taxon.updated = Self.text(concept["updated_at"]).flatMap(DateValue.init(parsing:))
        taxon.source = location(concept, path)
        var extras = Extras()
        for key in ["cms_listing", "accepted_names", "instruments"] {
            if let value = concept[key] { extras[key] = extraValue(value) }
        }
        taxon.extras = extras
        return taxon
    }

    private func extraValue(_ value: JSONValue) -> ExtraValue {
        switch value.kind {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let lexeme): .number(lexeme)
        case .string(let text): .string(text)
        case .array(let items): .array(items.map(extraValue))
        case .object(let members):
            .object(OrderedDictionary(members.map { ($0.key, extraValue($0.value)) }, uniquingKeysWith: { a, _ in a }))
        }
    }
}
