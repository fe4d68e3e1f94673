import MEABridgeCBD
import MEABridgeCore
import MEABridgeORS
import MEABridgeSpeciesPlus
import MEABridgeTestSupport
import OrderedCollections
import Testing

@Suite(
    "cites-speciesplus-json on the rcites cassettes",
    .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
)
struct SpeciesPlusTests {
    static let directory = Fixtures.samplesDirectory + "/cites/rcites"

    @Test func everyFileReadsWithoutErrors() {
        let files = Fixtures.files(in: Self.directory, suffix: ".json")
        #expect(files.count == 61)
        var taxa = 0
        for path in files {
            let name = String(path.dropFirst(Fixtures.samplesDirectory.count + 1))
            let result = readSample(SpeciesPlusJSONReader.self, name)
            #expect(result.errors.isEmpty, "\(name): \(result.errors.map(\.formatted))")
            #expect(result.records.allSatisfy { $0.kind == .taxon }, "\(name)")
            taxa += result.records.count
            // Every recorded cassette (not the bare bodies) is recognised by sniffing.
            if !name.contains(".body") {
                let prefix = Array((Fixtures.read(path) ?? []).prefix(65_536))
                #expect(SpeciesPlusJSONReader.sniff(SniffInput(prefix: prefix, name: name)) == .certain, "\(name)")
            }
        }
        #expect(taxa > 500)
    }

    @Test func taxonConceptOfTheAfricanElephant() throws {
        let result = readSample(SpeciesPlusJSONReader.self, "cites/rcites/spp_taxonconcept_def.json")
        let elephant = try #require(
            result.records.compactMap { record -> Taxon? in
                if case .taxon(let taxon) = record, taxon.name == "Loxodonta africana" { return taxon }
                return nil
            }.first
        )
        #expect(elephant.rank == "SPECIES")
        #expect(elephant.family == "Elephantidae")
        #expect(elephant.citesListing == "I/II")
        // Upper-case language codes become lower-case canonical codes.
        #expect(elephant.commonNames.contains { $0.language?.code == "en" && $0.name == "African Elephant" })
        #expect(elephant.listings.contains { $0.regime == "cites" && $0.appendix == "I" })
        expectGolden(ndjson([.taxon(elephant)]), "speciesplus-taxon-concept.ndjson")
    }

    @Test func legislationOfSeveralTaxaInOneCassette() throws {
        let result = readSample(SpeciesPlusJSONReader.self, "cites/rcites/spp_cites_legislation_bat.json")
        // In the order of the recorded requests.
        #expect(result.records.map(\.id) == ["4521", "3210", "8094"])
        let measures = result.records.flatMap { record -> [TaxonListing] in
            if case .taxon(let taxon) = record { return taxon.listings }
            return []
        }
        #expect(Set(measures.map(\.kind)).isSuperset(of: ["listing", "suspension"]))
        // CRLF normalised and HTML removed in notes.
        #expect(measures.allSatisfy { !($0.notes ?? "").contains("\r") && !($0.notes ?? "").contains("<i>") })
        let def = readSample(SpeciesPlusJSONReader.self, "cites/rcites/spp_cites_legislation_def.json")
        expectGolden(ndjson(def.records), "speciesplus-cites-legislation.ndjson")
    }

    @Test func distributionsAndReferences() throws {
        let result = readSample(SpeciesPlusJSONReader.self, "cites/rcites/spp_distributions_one.json")
        guard case .taxon(let taxon) = try #require(result.records.first) else { return }
        #expect(taxon.id == "10000")
        #expect(!taxon.distribution.isEmpty)
        #expect(taxon.references.allSatisfy { !$0.contains("<i>") })
        // A bare body has no request URI and its items no taxon id: reported, not guessed.
        let body = readSample(SpeciesPlusJSONReader.self, "cites/rcites/spp_distributions_def.body.json")
        #expect(body.records.isEmpty)
        #expect(body.diagnostics(.speciesPlusUnknownTaxon).count == 1)
        let error = readSample(SpeciesPlusJSONReader.self, "cites/rcites/spp_distributions_noi.body.json")
        #expect(error.diagnostics(.speciesPlusAPIError).count == 1)
    }

    @Test func sapiCSVFilesAreNotClaimedByTheJSONReaders() {
        let files = Fixtures.files(in: Fixtures.samplesDirectory + "/cites/sapi", suffix: ".csv")
        #expect(files.count == 6)
        for path in files {
            let input = SniffInput(prefix: Array((Fixtures.read(path) ?? []).prefix(65_536)), name: path)
            #expect(SpeciesPlusJSONReader.sniff(input) == .no)
            #expect(CBDKMJSONReader.sniff(input) == .no)
            #expect(ORSJSONReader.sniff(input) == .no)
            #expect(ORSXMLReader.sniff(input) == .no)
        }
    }
}

@Suite(
    "ors-json and ors-xml on the cms-ors samples",
    .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
)
struct ORSTests {
    @Test func questionAnswersPerRespondentWithCleanPaths() throws {
        let result = readSample(ORSJSONReader.self, "cms-ors/question.json")
        #expect(result.errors.isEmpty)
        #expect(!result.records.isEmpty)
        guard case .countryReport(let report) = try #require(result.records.first) else { return }
        #expect(report.id == "ors-16-Kristina Klovaite")
        let answer = try #require(report.answers.first)
        #expect(answer.question == "384")
        #expect(answer.section.first == "EXCEPTIONS CONCERNING PROTECTED FAUNA SPECIES (ART. 7 APPENDIX III)")
        #expect(answer.section.contains("#[Class > Order]"))
        #expect(answer.contextID == "6867S6868S6872")
        #expect(answer.context == ["FISHES > CYPRINIFORMES", "Cyprinidae", "Alburnoides bipunctatus"])
        #expect(answer.answer.english?.hasPrefix("iv.:") == true)
        expectGolden(ndjson(result.records), "ors-question.ndjson")
    }

    @Test func questionnaireGivesAReportPerRespondent() throws {
        let result = readSample(ORSJSONReader.self, "cms-ors/questionnaire.json")
        #expect(result.errors.isEmpty)
        #expect(result.records.map(\.id) == ["ors-16-92", "ors-16-100"])
        guard case .countryReport(let report) = try #require(result.records.first) else { return }
        #expect(report.title.english == "Biennial Report")
        #expect(report.submission?.iso8601 == "2015-01-01")
        #expect(report.extras["respondent"] == .string("Party: AAA"))
        expectGolden(ndjson(result.records), "ors-questionnaire.ndjson")
    }

    @Test func xmlVariantMatchesTheJSON() throws {
        let xml = readSample(ORSXMLReader.self, "cms-ors/questionnaire.xml")
        let json = readSample(ORSJSONReader.self, "cms-ors/questionnaire.json")
        #expect(xml.errors.isEmpty, "\(xml.diagnostics.map(\.formatted))")
        #expect(xml.records.map(\.id) == json.records.map(\.id))
        #expect(xml.records.map { $0.extras["languages"] } == json.records.map { $0.extras["languages"] })
        // The samples differ in one place: respondent 100 is Submitted in the XML, Underway in the JSON.
        #expect(xml.records.last?.extras["respondentStatus"] == .string("Submitted"))

        let question = readSample(ORSXMLReader.self, "cms-ors/question.xml")
        #expect(question.errors.isEmpty, "\(question.diagnostics.map(\.formatted))")
        #expect(question.records.map(\.id) == ["ors-16-A", "ors-16-B"])
        guard case .countryReport(let report) = try #require(question.records.first) else { return }
        let answer = try #require(report.answers.first)
        #expect(answer.section.first == "EXCEPTIONS CONCERNING PROTECTED FAUNA SPECIES (ART. 7 APPENDIX III)")
        #expect(answer.section.contains("#[Class > Order]"))
        #expect(answer.context.first == "FISHES > CYPRINIFORMES")
        #expect(answer.contextID == "6867S6868S6872")
        #expect(
            ORSXMLReader.sniff(
                SniffInput(
                    prefix: Fixtures.read(Fixtures.samplesDirectory + "/cms-ors/question.xml") ?? [],
                    name: "q.xml"
                )
            ) == .certain
        )
    }

    @Test func unknownDocumentIsReported() {
        let text = MarkedText(#"[1️⃣{"something": 1}]"#)
        let result = read(ORSJSONReader.self, text.text)
        let found = result.diagnostics(.orsUnknownDocument)
        #expect(found.count == 1)
        #expect(found.first?.location?.column == text["1️⃣"]?.column)
    }
}
