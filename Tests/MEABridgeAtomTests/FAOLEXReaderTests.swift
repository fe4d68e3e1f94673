import MEABridgeCore
import MEABridgeECOLEX
import MEABridgeInforMEA
import MEABridgeTestSupport
import MEABridgeXML
import OrderedCollections
import Testing

@Suite("faolex-xml reader", .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing"))
struct FAOLEXReaderTests {
    static var feedPath: String { Fixtures.samplesDirectory + "/ecolex/fao_feed.xml" }

    static func feed() throws -> (bytes: [UInt8], text: String) {
        let bytes = try #require(Fixtures.read(feedPath))
        return (bytes, String(decoding: bytes, as: UTF8.self))
    }

    static func documents() throws -> (documents: [Document], diagnostics: [Diagnostic]) {
        let (records, diagnostics) = try readRecords(FAOLEXReader.self, try feed().bytes, name: "fao_feed.xml")
        let documents = records.compactMap { record -> Document? in
            if case .document(let document) = record { return document }
            return nil
        }
        #expect(documents.count == records.count)
        return (documents, diagnostics)
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        text.split(separator: needle, omittingEmptySubsequences: false).count - 1
    }

    @Test("Every record becomes a Document, without errors")
    func allRecords() throws {
        let text = try Self.feed().text
        let (documents, diagnostics) = try Self.documents()
        #expect(documents.count == Self.occurrences(of: "<record ", in: text))
        #expect(documents.count == 100)
        #expect(diagnostics.filter { $0.severity >= .error }.isEmpty)
        #expect(documents.allSatisfy { $0.id.hasPrefix("LEX-FAOC") })
        #expect(Set(documents.map(\.id)).count == documents.count)
        #expect(documents.allSatisfy { !$0.title.isEmpty && $0.files.count == 1 && $0.types.count == 1 })
        // Countries: ISO3 where the feed gives one (97 records), none for the European Union records.
        #expect(documents.filter { $0.country != nil }.count == Self.occurrences(of: "\"country_ISO3\"", in: text) - 1)
        #expect(documents.allSatisfy { $0.country?.isResolved ?? true })
        // Keywords: one per keyword_en.
        #expect(documents.map(\.keywords.count).reduce(0, +) == Self.occurrences(of: "\"keyword_en\"", in: text))
    }

    @Test("Nothing in the feed is dropped: every meta value is in a field or in the extras")
    func nothingDropped() throws {
        let text = try Self.feed().text
        let (documents, _) = try Self.documents()
        var mapped = 0
        for document in documents {
            mapped += document.identifiers.count + document.title.count + document.description.count
            if document.extras["country_ISO3"] == nil, document.country != nil { mapped += 1 }
            // recordLanguage: it is the language of the title.
            if document.title.languages.first.map({ !$0.isUndetermined }) == true { mapped += 1 }
            if document.extras["documentLanguage_en"] == nil, document.files.first?.language != nil { mapped += 1 }
            if document.files.first?.filename != nil { mapped += 1 }
            mapped += document.keywords.count + document.types.count + document.tags.count + document.references.count
            for value in document.extras.values {
                if case .array(let items) = value { mapped += items.count } else { mapped += 1 }
            }
        }
        #expect(mapped == Self.occurrences(of: "<meta ", in: text))
    }

    @Test("The first record, field by field")
    func firstRecord() throws {
        let first = try #require(try Self.documents().documents.first)
        #expect(first.id == "LEX-FAOC086193")
        #expect(first.country == CountryRef(parsing: "CO"))
        #expect(first.title.languages == ["es"])
        #expect(first.title["es"]?.hasPrefix("Decreto Nº 3.985") == true)
        #expect(first.description["es"]?.hasPrefix("El presente Decreto") == true)
        #expect(first.types == ["Regulation"])
        #expect(
            first.keywords.map(\.term) == [
                "land reform", "transfer", "land tenure", "ownership", "land-use planning", "public land",
                "abandoned land/unoccupied land",
            ]
        )
        #expect(first.keywords.allSatisfy { $0.scope == "faolex" })
        #expect(first.tags.first == DocumentTag(language: "en", scope: "faolex-subject", value: "Land & soil"))
        #expect(first.references == [DocumentReference(type: "amends", refId: "LEX-FAOC078120")])
        #expect(
            first.files == [
                FileRef(
                    url: "http://faolex.fao.org/docs/texts/col86193.doc",
                    language: "es",
                    filename: "col86193.doc"
                )
            ]
        )
        #expect(first.files.first?.mimeType == "application/msword")
        #expect(first.identifiers.map(\.value) == ["LEX-FAOC086193", "070055"])
        #expect(
            first.extras["keywordCode"]
                == .array(["341", "345", "344", "352", "709", "346", "357"].map(ExtraValue.string))
        )
        #expect(first.extras["serialImprint"] == .string("Diario Oficial Nº 47.144, 16 de octubre de 2008."))
        #expect(first.source?.line == 9)
        #expect(first.source?.path == "/gsafeed/group/record")
    }

    @Test("A link to an ECOLEX treaty becomes a reference and, for a treaty InforMEA knows, a canonical treaty")
    func treatyLinks() throws {
        let (documents, _) = try Self.documents()
        let implementing = documents.filter { $0.references.contains { $0.type == "treaty" } }
        #expect(implementing.count == 1)
        #expect(implementing.first?.references.contains(DocumentReference(type: "treaty", refId: "TRE-000130")) == true)
        #expect(implementing.first?.treaties == ["ippc"])
        #expect(implementing.first?.treaty == "ippc")
        // Links to other FAOLEX records keep their kind.
        let text = try Self.feed().text
        for relation in ["amends", "repeals", "implement"] {
            let count = documents.map { $0.references.filter { $0.type == relation }.count }.reduce(0, +)
            #expect(count == Self.occurrences(of: "\"\(relation)\"", in: text), "\(relation)")
        }
    }

    @Test("The built-in treaty crosswalk agrees with ECOLEX's own treaties.json")
    func crosswalkMatchesECOLEX() throws {
        let json = String(
            decoding: try #require(Fixtures.read(Fixtures.samplesDirectory + "/ecolex/treaties.json")),
            as: UTF8.self
        )
        // Each entry is `"name": { "uuid": …, "short_name": …, "docId": "TRE-…" }`.
        var ecolex: [String: Set<String>] = [:]
        var name: String?
        for line in json.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasSuffix("{"), trimmed.hasPrefix("\"") {
                name = String(trimmed.dropFirst().prefix { $0 != "\"" })
            } else if trimmed.hasPrefix("\"docId\""), let name, let treaty = TreatyID(parsing: name) {
                let value = trimmed.split(separator: "\"").dropFirst(2).first.map(String.init) ?? ""
                ecolex[value, default: []].insert(treaty.rawValue)
            }
        }
        #expect(ecolex.count > 50)
        for (docID, treaty) in FAOLEXReader.treatyCrosswalk {
            #expect(ecolex[docID]?.contains(treaty.rawValue) == true, "\(docID) → \(treaty)")
            #expect(treaty.isKnown, "\(treaty)")
        }
    }

    @Test("A record in two countries keeps the first with a warning; all stay in the extras")
    func twoCountries() throws {
        let (documents, diagnostics) = try Self.documents()
        let bilateral = try #require(documents.first { $0.id == "LEX-FAOC086257" })
        #expect(bilateral.country == CountryRef(parsing: "AR"))
        #expect(bilateral.extras["country_ISO3"] == .array([.string("ARG"), .string("URY")]))
        let warning = try #require(diagnostics.first { $0.id == .valueRepaired })
        #expect(warning.message.contains("ARG, URY"))
        let text = try Self.feed().text
        #expect(warning.location?.line == AtomTemplates.line(of: "content=\"URY\"", in: text))
        #expect(warning.location?.path?.hasPrefix("/gsafeed/group/record[") == true)
        // The European Union's records have no ISO country.
        #expect(
            documents.filter { $0.extras["country_en"] == .string("European Union") }.allSatisfy { $0.country == nil }
        )
    }

    @Test("Problems in a feed are reported at their record: no id, an unknown record language, a deletion")
    func problems() throws {
        let marked = MarkedText(
            """
            <gsafeed><header><datasource>faolex</datasource><feedtype>metadata-and-url</feedtype></header><group>
            1️⃣<record url="http://x/a.doc" action="add"><metadata><meta name="titleOfText" content="T"/>
            </metadata></record>
            <record url="http://x/b.doc"><metadata><meta name="faolexId" content="LEX-FAOC1"/>
            2️⃣<meta name="recordLanguage" content="Q"/><meta name="titleOfText" content="T"/></metadata></record>
            3️⃣<record url="http://x/c.doc" action="delete"><metadata><meta name="faolexId" content="LEX-FAOC2"/>
            </metadata></record>
            </group></gsafeed>
            """
        )
        let (records, diagnostics) = try readRecords(FAOLEXReader.self, Array(marked.text.utf8), name: "f.xml")
        #expect(records.map(\.id) == ["LEX-FAOC1"])
        let expected: [(String, DiagnosticID, Severity)] = [
            ("1️⃣", .missingID, .error), ("2️⃣", .unknownLanguage, .warning), ("3️⃣", .faolexDeleted, .note),
        ]
        #expect(diagnostics.count == expected.count)
        for (diagnostic, (marker, id, severity)) in zip(diagnostics, expected) {
            #expect(diagnostic.id == id)
            #expect(diagnostic.severity == severity)
            #expect(diagnostic.location?.line == marked[marker]?.line, "\(marker): \(diagnostic.formatted)")
        }
        if case .document(let document)? = records.first { #expect(document.title.languages == ["und"]) }
    }

    @Test("The feed validates against its XSD; a meta without content does not")
    func schema() throws {
        let (bytes, text) = try Self.feed()
        #expect(try xsdDiagnostics(bytes, schema: "faolex-gsafeed.xsd").isEmpty)
        let broken = text.replacingFirst(
            "<meta name=\"isisMfn\" content=\"070055\"/>",
            with: "<meta name=\"isisMfn\"/>"
        )
        let diagnostics = try xsdDiagnostics(Array(broken.utf8), schema: "faolex-gsafeed.xsd")
        #expect(diagnostics.map(\.id) == [.xsdAttribute])
        #expect(diagnostics.first?.location?.line == AtomTemplates.line(of: "\"isisMfn\"", in: text))
        #expect(diagnostics.first?.location?.path == "/gsafeed/group/record/metadata/meta[2]")
    }

    @Test("Sniffing: certain for the FAOLEX feed, nothing for Atom or JSON")
    func sniffing() throws {
        let prefix = Array(try Self.feed().bytes.prefix(65_536))
        #expect(FAOLEXReader.sniff(SniffInput(prefix: prefix, name: "fao_feed.xml")) == .certain)
        #expect(InforMEAAtomReader.sniff(SniffInput(prefix: prefix, name: "fao_feed.xml")) == .no)
        #expect(FAOLEXReader.sniff(SniffInput(prefix: Array("{\"d\": []}".utf8), name: "x.json")) == .no)
    }
}
