import MEABridgeCBD
import MEABridgeCore
import MEABridgeTestSupport
import OrderedCollections
import Testing

@Suite("cbd-km-json on the real samples", .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing"))
struct CBDKMSampleTests {
    @Test func everyAPIExampleReadsWithoutErrors() {
        let files = Fixtures.files(in: Fixtures.samplesDirectory + "/cbd-km/api-examples", suffix: ".json")
        #expect(files.count == 2)
        for path in files {
            let name = String(path.dropFirst(Fixtures.samplesDirectory.count + 1))
            let result = readSample(CBDKMJSONReader.self, name)
            #expect(result.records.count == 1, "\(name)")
            #expect(result.errors.isEmpty, "\(name): \(result.errors.map(\.formatted))")
        }
    }

    @Test func absPermitBecomesADocumentWithTheDocumentedDrifts() throws {
        let result = readSample(CBDKMJSONReader.self, "cbd-km/api-examples/abs-permit.json")
        guard case .document(let permit) = try #require(result.records.first) else {
            Issue.record("expected a document")
            return
        }
        // Not a hexadecimal GUID, kept as is.
        #expect(permit.id == "M1DBBE83-4D6B-E788-4C1D-0773325ABYR")
        #expect(permit.country?.alpha2 == "AF")
        #expect(permit.treaty == "nagoya")
        #expect(permit.title.english == "dev test")
        #expect(permit.published?.iso8601 == "2016-08-07")
        // amendmentIntent sent as the integer 0 means New.
        #expect(permit.extras["amendmentIntent"] == .string("New"))
        #expect(permit.extras["absCNA"] != nil)
        expectGolden(ndjson(result.records), "abs-permit.ndjson")
    }

    @Test func nationalTargetLinksItsAichiTargets() throws {
        let result = readSample(CBDKMJSONReader.self, "cbd-km/api-examples/national-target.json")
        guard case .nationalPlan(let plan) = try #require(result.records.first) else {
            Issue.record("expected a national plan")
            return
        }
        #expect(plan.country?.alpha2 == "CL")
        #expect(plan.goals.map(\.description) == ["AICHI:1", "AICHI:2", "AICHI:3"])
        let aichi = try #require(plan.answers.first { $0.question == "aichiTargets" })
        #expect(aichi.values == ["AICHI-TARGET-01-C2", "AICHI-TARGET-02-C2"])
        #expect(plan.answers.contains { $0.question == "description" && $0.answer.english != nil })
        #expect(plan.files.first?.url == "http://www.example.com")
        expectGolden(ndjson(result.records), "national-target.ndjson")
    }
}

@Suite("cbd-km-json schemas and diagnostics")
struct CBDKMSchemaTests {
    static let nationalReport7 = """
        {"identifier": "NR7-CA-1", "documentID": 42, "submittedOn": "2025-02-28T10:00:00.000Z",
         "updatedOn": "2025-03-01T00:00:00.000Z", "metadata": {"government": "ca", "schema": "nationalReport7"},
         "body": {
          "header": {"identifier": "NR7-CA-1", "schema": "nationalReport7", "languages": ["en", "fr"]},
          "government": {"identifier": "ca"},
          "sectionII": {"hasRevisedNbsap": "yes", "stakeholders": [{"identifier": "STK-IPLC"}]},
          "sectionIII": [
            {"target": {"identifier": "GBF-TARGET-03"}, "levelOfProgress": {"identifier": "onTrack"},
             "mainActionsSummary": {"en": "<p>Protected areas</p>", "fr": "<p>Aires protégées</p>"}}
          ],
          "sectionIV": [{"gbfGoal": {"identifier": "GBF-GOAL-A"}, "summaryOfProgress": {"en": "Progress"}}],
          "mainDriversofChange": {"en": "Land use"}
         }}
        """

    @Test func nationalReport7KeepsItsAnswersWithTargets() throws {
        let result = read(CBDKMJSONReader.self, Self.nationalReport7)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.formatted))")
        guard case .countryReport(let report) = try #require(result.records.first) else {
            Issue.record("expected a country report")
            return
        }
        #expect(report.id == "NR7-CA-1")
        #expect(report.country?.alpha2 == "CA")
        #expect(report.treaty == "cbd")
        #expect(report.submission?.iso8601.hasPrefix("2025-02-28") == true)
        let progress = try #require(report.answers.first { $0.question == "mainActionsSummary" })
        #expect(progress.target == "GBF-TARGET-03")
        #expect(progress.section == ["sectionIII[0]"])
        #expect(progress.answer[LanguageCode(parsing: "fr")] == "<p>Aires protégées</p>")
        #expect(progress.goals.map(\.description) == ["GBF:3"])
        let goalA = try #require(report.answers.first { $0.question == "summaryOfProgress" })
        #expect(goalA.target == "GBF-GOAL-A")
        #expect(Set(report.goals.map(\.description)) == ["GBF:3", "GBF:A"])
        // The misspelled key of the real schema is kept as the question.
        #expect(report.answers.contains { $0.question == "mainDriversofChange" })
        #expect(report.extras["record.documentID"] == .number("42"))
        expectGolden(ndjson(result.records), "national-report-7.ndjson")
    }

    @Test func otherSchemasMapToTheirEntities() throws {
        let documents = """
            [
             {"header": {"identifier": "FP-1", "schema": "focalPoint"}, "government": {"identifier": "br"},
              "firstName": "Ana", "lastName": "Silva", "organization": "MMA", "emails": ["ana@example.org"]},
             {"header": {"identifier": "MT-1", "schema": "meeting"}, "title": {"en": "COP 16"},
              "startDate": "2024-10-21", "endDate": "2024-11-01", "country": {"identifier": "co"}},
             {"header": {"identifier": "DEC-1", "schema": "decision"}, "title": {"en": "Decision 16/1"},
              "symbol": "CBD/COP/DEC/16/1"},
             {"header": {"identifier": "BCH-DEC-1", "schema": "biosafetyDecision"},
              "government": {"identifier": "mx"}, "title": {"en": "LMO maize"}, "date": "2020-01-02",
              "otherTransboundryInformation": {"en": "n/a"}},
             {"header": {"identifier": "NBSAP-1", "schema": "nbsap"}, "government": {"identifier": "fr"},
              "title": {"en": "SNB 2030"}}
            ]
            """
        let result = read(CBDKMJSONReader.self, documents)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.formatted))")
        #expect(result.records.map(\.kind) == [.contact, .meeting, .decision, .decision, .nationalPlan])
        if case .contact(let contact) = result.records[0] {
            #expect(contact.email == "ana@example.org")
            #expect(contact.institution == "MMA")
            #expect(contact.country?.alpha2 == "BR")
        }
        if case .meeting(let meeting) = result.records[1] {
            #expect(meeting.country?.alpha2 == "CO")
            #expect(meeting.start?.iso8601 == "2024-10-21")
        }
        if case .decision(let decision) = result.records[3] {
            #expect(decision.treaty == "cartagena")
            #expect(decision.extras["government"] == .string("MX"))
            #expect(decision.extras["otherTransboundryInformation"] != nil)
        }
        if case .nationalPlan(let plan) = result.records[4] { #expect(plan.type == .nbsap) }
    }

    private func expectDiagnostic(
        _ marked: String,
        _ id: DiagnosticID,
        records: Int,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let text = MarkedText(marked)
        let result = read(CBDKMJSONReader.self, text.text)
        let found = result.diagnostics(id)
        #expect(found.count == 1, "\(result.diagnostics.map(\.formatted))", sourceLocation: sourceLocation)
        #expect(found.first?.severity == .error, sourceLocation: sourceLocation)
        #expect(found.first?.location?.line == text["1️⃣"]?.line, sourceLocation: sourceLocation)
        #expect(found.first?.location?.column == text["1️⃣"]?.column, sourceLocation: sourceLocation)
        #expect(result.records.count == records, sourceLocation: sourceLocation)
    }

    @Test func missingGovernmentIsAnError() {
        expectDiagnostic(
            """
            1️⃣{"header": {"identifier": "X-1", "schema": "nationalReport6"},
             "title": {"en": "Sixth national report"}}
            """,
            .cbdMissingGovernment,
            records: 1
        )
    }

    @Test func unknownSchemaSkipsTheDocument() {
        expectDiagnostic(
            """
            {"header": {"identifier": "X-1", "schema": 1️⃣"nationalReport99"},
             "government": {"identifier": "af"}}
            """,
            .cbdUnknownSchema,
            records: 0
        )
    }

    @Test func badLStringIsReportedAtTheValue() {
        expectDiagnostic(
            """
            {"header": {"identifier": "X-1", "schema": "nbsap"}, "government": {"identifier": "af"},
             "title": 1️⃣["not", "an", "lstring"]}
            """,
            .cbdInvalidLString,
            records: 1
        )
        expectDiagnostic(
            """
            {"header": {"identifier": "X-1", "schema": "nbsap"}, "government": {"identifier": "af"},
             "title": {"en": 1️⃣42}}
            """,
            .cbdInvalidLString,
            records: 1
        )
    }

    @Test func wrongReferenceShapeIsReported() {
        expectDiagnostic(
            """
            {"header": {"identifier": "X-1", "schema": "absPermit"}, "government": 1️⃣"af",
             "title": {"en": "Permit"}}
            """,
            .cbdInvalidReference,
            records: 1
        )
    }

    @Test func notADocumentIsReported() {
        let result = read(CBDKMJSONReader.self, #"{"title": {"en": "no header"}}"#)
        #expect(result.records.isEmpty)
        #expect(result.diagnostics(.cbdNotADocument).count == 1)
    }

    @Test func sniffing() {
        let document = SniffInput(prefix: Array(Self.nationalReport7.utf8), name: "x.json")
        #expect(CBDKMJSONReader.sniff(document) >= .likely)
        let odata = SniffInput(prefix: Array(#"{"d": {"results": []}}"#.utf8), name: "x.json")
        #expect(CBDKMJSONReader.sniff(odata) == .no)
    }
}
