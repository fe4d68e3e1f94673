import MEABridgeCBD
import MEABridgeCore
import MEABridgeTestSupport
import OrderedCollections
import Testing

/// No Solr response is among the shared samples; these documents follow the fields of convention-formats.md §2.4.
@Suite("cbd-solr-json")
struct CBDSolrTests {
    static let response = #"""
        {"response": {"numFound": 5, "start": 0, "docs": [
          {"id": "52000000cbd0220000000042", "identifier_s": "DEC-COP-15-04", "schema_s": "decision",
           "treaty_s": "XXVII8", "code_s": "CBD/COP/DEC/15/4", "eventId_s": "52000000cbd0050000000abc",
           "title_t": "Kunming-Montreal Global Biodiversity Framework",
           "title_EN_t": "Kunming-Montreal Global Biodiversity Framework",
           "title_FR_t": "Cadre mondial de la biodiversité de Kunming-Montréal",
           "title_ES_t": "Kunming-Montreal Global Biodiversity Framework",
           "position_i": 4, "file_en_s": "https://www.cbd.int/doc/decisions/cop-15/cop-15-dec-04-en.pdf",
           "dttGbfTarget_ss": ["GBF-TARGET-03"], "dttStatus_ss": ["active"]},
          {"identifier_s": "MTG-NP-MOP-1", "schema_s": "meeting", "symbol_s": "NP-MOP-01",
           "title_t": "First meeting of the Parties to the Nagoya Protocol", "themes_ss": ["CBD-SUBJECT-ABS"],
           "eventCountry_s": "kr", "eventCity_t": "Pyeongchang", "startDate_dt": "2014-10-13T00:00:00Z",
           "endDate_dt": "2014-10-17T00:00:00Z"},
          {"identifier_s": "NR6-FR", "schema_s": "nationalReport6", "government_s": "fr",
           "title_t": "Sixth National Report", "reportType_s": "nr6",
           "documentLinks_s": "[{\"url\":\"https://chm.cbd.int/api/v2013/documents/x/nr6-fr.pdf\",\"name\":\"nr6-fr.pdf\"}]"},
          {"identifier_s": "FP-BR", "schema_s": "focalPoint", "government_s": "br", "ctgList_ss": ["CBD-FP1"],
           "organization_t": "Ministry of Environment", "email_ss": ["fp@example.org"], "firstName_s": "Ana",
           "lastName_s": "Silva"},
          {"identifier_s": "X-1", "schema_s": "pressRelease"}
        ]}}
        """#

    @Test func mapsTheFourSchemas() throws {
        let result = read(CBDSolrJSONReader.self, Self.response)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.formatted))")
        #expect(result.records.map(\.kind) == [.decision, .meeting, .countryReport, .contact])
        // The press release is reported, not mapped.
        #expect(result.diagnostics(.cbdUnknownSchema).count == 1)
        guard case .decision(let decision) = result.records[0] else { return }
        #expect(decision.treaty == "cbd")
        #expect(decision.number == "CBD/COP/DEC/15/4")
        #expect(decision.title.english == "Kunming-Montreal Global Biodiversity Framework")
        #expect(decision.title[LanguageCode(parsing: "fr")] == "Cadre mondial de la biodiversité de Kunming-Montréal")
        // A "translation" repeating English is dropped.
        #expect(decision.title[LanguageCode(parsing: "es")] == nil)
        #expect(decision.goals.map(\.description) == ["GBF:3"])
        #expect(decision.files.first?.language?.code == "en")
        #expect(decision.extras["dttStatus_ss"] != nil)
        guard case .meeting(let meeting) = result.records[1] else { return }
        // ABS theme after 2014-10-12: the Nagoya Protocol.
        #expect(meeting.treaty == "nagoya")
        #expect(meeting.country?.alpha2 == "KR")
        guard case .countryReport(let report) = result.records[2] else { return }
        #expect(report.country?.alpha2 == "FR")
        // documentLinks_s parsed twice; the language from the -fr suffix.
        #expect(report.files.map(\.url) == ["https://chm.cbd.int/api/v2013/documents/x/nr6-fr.pdf"])
        #expect(report.files.first?.language?.code == "fr")
        guard case .contact(let contact) = result.records[3] else { return }
        #expect(contact.roles.first?.roles == ["CBD-FP1"])
        #expect(contact.email == "fp@example.org")
        expectGolden(ndjson(result.records), "cbd-solr.ndjson")
    }

    @Test func treatyCodes() {
        #expect(CBDSolrJSONReader.treaty(unCode: "XXVII8") == "cbd")
        #expect(CBDSolrJSONReader.treaty(unCode: "XXVII8a") == "cartagena")
        #expect(CBDSolrJSONReader.treaty(unCode: "XXVII8b") == "nagoya")
        #expect(CBDSolrJSONReader.treaty(unCode: "XXVII1") == nil)
    }

    @Test func brokenDocumentLinksAreReportedAtTheField() {
        let text = MarkedText(
            #"{"response": {"docs": [{"schema_s": "nationalReport", "identifier_s": "R", "documentLinks_s": 1️⃣"[{oops"}]}}"#
        )
        let result = read(CBDSolrJSONReader.self, text.text)
        let found = result.diagnostics(.cbdSolrLinksInvalid)
        #expect(found.count == 1)
        #expect(found.first?.location?.column == text["1️⃣"]?.column)
        #expect(found.first?.location?.path == "/response/docs/0/documentLinks_s")
        #expect(result.records.count == 1)
    }
}
