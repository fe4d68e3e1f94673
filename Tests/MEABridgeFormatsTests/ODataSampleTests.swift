import MEABridgeCanonical
import MEABridgeCore
import MEABridgeFormats
import MEABridgeInforMEA
import MEABridgeTestSupport
import OrderedCollections
import Testing

@Suite("Real InforMEA OData samples", .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing"))
struct ODataSampleTests {
    @Test("every sample folder file is tested")
    func everySampleIsListed() {
        var found: [String] = []
        for folder in ["v1", "v3", "v3-updates"] {
            found += Fixtures.files(in: Fixtures.samplesDirectory + "/informea-odata/" + folder, suffix: ".json")
                .map { "informea-odata/" + folder + "/" + ($0.split(separator: "/").last.map(String.init) ?? "") }
        }
        #expect(!found.isEmpty, "no samples found under \(Fixtures.samplesDirectory)")
        #expect(Set(found) == Set(odataSamples))
    }

    @Test("converts without errors, two records of the file's entity", arguments: odataSamples)
    func convertsEverySample(_ relative: String) throws {
        let result = try readOData(path: samplePath(relative), name: relative)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.formatted))")
        #expect(result.records.count == 2)
        let stem = relative.split(separator: "/").last?.split(separator: ".").first.map(String.init) ?? ""
        let expected = try #require(EntityKind(parsing: stem))
        for record in result.records {
            #expect(record.kind == expected)
            #expect(!record.id.isEmpty)
            #expect(record.source?.source == relative)
            #expect(record.source?.line != nil)
        }
    }

    @Test("round trip: read → informea-odata-json → read gives equal records", arguments: odataSamples)
    func roundTrip(_ relative: String) throws {
        let first = try readOData(path: samplePath(relative), name: relative)
        let bytes = write(first.records, with: InforMEAODataJSONWriter(options: WriteOptions()))
        let second = try readOData(bytes, name: "written.json")
        #expect(second.errors.isEmpty, "\(second.errors.map(\.formatted))")
        #expect(second.records.map { $0.strippingSource() } == first.records.map { $0.strippingSource() })
        // And the written form is stable: writing the re-read records gives the same bytes.
        #expect(write(second.records, with: InforMEAODataJSONWriter(options: WriteOptions())) == bytes)
    }

    @Test("output is byte-for-byte deterministic", arguments: odataSamples)
    func deterministic(_ relative: String) throws {
        let a = try readOData(path: samplePath(relative), name: relative)
        let b = try readOData(path: samplePath(relative), name: relative)
        #expect(
            write(a.records, with: NDJSONWriter(options: WriteOptions()))
                == write(b.records, with: NDJSONWriter(options: WriteOptions()))
        )
        #expect(
            write(a.records, with: InforMEAAPIJSONWriter(options: WriteOptions()))
                == write(b.records, with: InforMEAAPIJSONWriter(options: WriteOptions()))
        )
    }

    @Test("v1 NationalPlans: bare mimeType, string size, extras, date-only submission")
    func nationalPlanQuirks() throws {
        let result = try readOData(path: samplePath("informea-odata/v1/NationalPlans.json"))
        guard case .nationalPlan(let plan) = try #require(result.records.first) else {
            Issue.record("expected a national plan")
            return
        }
        #expect(plan.id == "UNEP-POPS-NIP-Albania-1")
        #expect(plan.country?.alpha2 == "AL")
        #expect(plan.type == .nip)
        #expect(plan.files.first?.mimeType == "application/pdf")
        #expect(plan.files.first?.size == 1_322_373)
        #expect(plan.submission?.precision == .date)
        #expect(plan.submission?.iso8601 == "2007-02-12")
        #expect(plan.extras["brs_unnumber"] == .string("UNEP/POPS/NIP/Albania/1"))
        #expect(
            plan.title.english
                == "National Implementation Plan for Reduction and Disposal of Persistent Organic Pollutants"
        )
    }

    @Test("v1 CountryReports: ISO3 country, Id casing on title rows, lower-case filename")
    func countryReportQuirks() throws {
        let result = try readOData(path: samplePath("informea-odata/v1/CountryReports.json"))
        guard case .countryReport(let report) = try #require(result.records.first) else {
            Issue.record("expected a country report")
            return
        }
        #expect(report.country?.alpha2 == "SN")
        #expect(report.country?.original == "SEN")
        #expect(report.title.english == "National Report of Senegal")
        #expect(report.files.first?.filename == "senegal2008_fr_mop4_0.pdf")
        #expect(report.treaty == "aewa")
    }

    @Test("v1 Decisions: fileName casing, expanded content in three languages, deferred keywords")
    func decisionQuirks() throws {
        let result = try readOData(path: samplePath("informea-odata/v1/Decisions.json"))
        guard case .decision(let decision) = try #require(result.records.first) else {
            Issue.record("expected a decision")
            return
        }
        #expect(decision.number == "SC-3/7")
        #expect(decision.content.languages.map(\.code) == ["en", "es", "ar"])
        #expect(decision.files.first?.filename == "UNEP-POPS-COP.3-SC-3-7.English")
        #expect(decision.files.first?.mimeType == "application/msword")
        #expect(decision.keywords.isEmpty)
        #expect(decision.extras["keywords"] == nil)
    }

    @Test("v3 Decisions: empty [{}] collections give empty text, not errors")
    func cbdEmptyCollections() throws {
        let result = try readOData(path: samplePath("informea-odata/v3/Decisions.json"))
        guard case .decision(let decision) = try #require(result.records.first) else {
            Issue.record("expected a decision")
            return
        }
        #expect(decision.longTitle.isEmpty)
        #expect(decision.summary.isEmpty)
        #expect(decision.displayOrder == 401_130)
        #expect(decision.number == "NP-1/13")
        #expect(decision.title.english != nil)
    }

    @Test("v3 Contacts: plain string treaties, PersonRoles merged into treaties, phoneNumber")
    func cbdContacts() throws {
        let result = try readOData(path: samplePath("informea-odata/v3/Contacts.json"))
        guard case .contact(let second) = try #require(result.records.last) else {
            Issue.record("expected a contact")
            return
        }
        #expect(second.treaties.map(\.rawValue) == ["nagoya", "cartagena"])
        #expect(second.roles.count == 2)
        #expect(second.roles.first?.roles == ["Cartagena Protocol Primary NFP", "BCH NFP"])
        #expect(second.isPrimary == false)
        #expect(second.phone == "123456")
    }

    @Test("v1 Meetings: /Date(ms)/ instants, upper-case vocabularies normalised, brs extras kept")
    func meetingQuirks() throws {
        let result = try readOData(path: samplePath("informea-odata/v1/Meetings.json"))
        guard case .meeting(let meeting) = try #require(result.records.first) else {
            Issue.record("expected a meeting")
            return
        }
        #expect(meeting.start?.iso8601 == "2014-05-06T15:00:00Z")
        #expect(meeting.type == .mop)
        #expect(meeting.access == .public)
        #expect(meeting.latitude == 12)
        #expect(meeting.extras["brs_Title"] != nil)
    }
}
