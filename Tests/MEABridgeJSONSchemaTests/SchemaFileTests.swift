import MEABridgeCanonical
import MEABridgeCore
import MEABridgeInforMEA
import MEABridgeJSON
import MEABridgeJSONSchema
import MEABridgeTestSupport
import Testing

/// The InforMEA OData samples the writers' outputs are produced from.
let odataSamples = [
    "informea-odata/v1/Contacts.json", "informea-odata/v1/CountryReports.json", "informea-odata/v1/Decisions.json",
    "informea-odata/v1/Meetings.json", "informea-odata/v1/NationalPlans.json",
    "informea-odata/v3-updates/Contacts.json",
    "informea-odata/v3/Contacts.json", "informea-odata/v3/CountryReports.json", "informea-odata/v3/Decisions.json",
    "informea-odata/v3/Meetings.json", "informea-odata/v3/NationalPlans.json",
]

/// Every schema file in `Schemas/json`.
let schemaFiles = [
    "canonical/common.schema.json", "canonical/record.schema.json", "canonical/meeting.schema.json",
    "canonical/decision.schema.json", "canonical/contact.schema.json", "canonical/countryReport.schema.json",
    "canonical/nationalPlan.schema.json", "canonical/site.schema.json", "canonical/taxon.schema.json",
    "canonical/treaty.schema.json",
    "canonical/document.schema.json", "canonical/countryProfile.schema.json", "canonical/tradeRecord.schema.json",
    "informea/odata.schema.json", "informea/api.schema.json", "cbd/km-common.schema.json",
    "cbd/nationalTarget7.schema.json", "cbd/nationalReport7.schema.json",
]

@Suite("Schemas/json")
struct SchemaFileTests {
    @Test("every schema file is recognised, valid against its meta-schema and compiles", arguments: schemaFiles)
    func loads(file: String) throws {
        let path = schemaPath(file)
        let bytes = try #require(Fixtures.read(path), "missing \(path)")
        #expect(JSONSchemaValidator.recognizes(schema: SniffInput(prefix: Array(bytes.prefix(65_536)), name: path)))
        let validator = try JSONSchemaValidator(schemaPath: path)
        #expect(validator.schema.draft == .draft2020)
    }

    @Test("the folder holds exactly the schema files the tests know")
    func folderIsCovered() {
        var found: [String] = []
        for sub in ["canonical", "informea", "cbd"] {
            found += Fixtures.files(in: schemaFolder + "/" + sub, suffix: ".json").map {
                String($0.dropFirst(schemaFolder.count + 1))
            }
        }
        #expect(found.sorted() == schemaFiles.sorted())
    }
}

@Suite(
    "Writers' output validates against Schemas/json",
    .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
)
struct WriterOutputTests {
    @Test("informea-odata-json output of every sample validates", arguments: odataSamples)
    func odata(sample: String) throws {
        let records = try readRecords(samplePath(sample))
        #expect(!records.isEmpty)
        let output = write(records, with: InforMEAODataJSONWriter(options: WriteOptions()))
        let validator = try JSONSchemaValidator(schemaPath: schemaPath("informea/odata.schema.json"))
        let found = try diagnostics(validator, output, name: "out.json", maxChunk: 997)
        #expect(found.isEmpty, "\(found.prefix(5).map(\.formatted))")
    }

    @Test("informea-api-json output of every sample validates", arguments: odataSamples)
    func api(sample: String) throws {
        let records = try readRecords(samplePath(sample))
        let output = write(records, with: InforMEAAPIJSONWriter(options: WriteOptions()))
        let validator = try JSONSchemaValidator(schemaPath: schemaPath("informea/api.schema.json"))
        let found = try diagnostics(validator, output, name: "out.json")
        #expect(found.isEmpty, "\(found.prefix(5).map(\.formatted))")
    }

    @Test(
        "ndjson output of every sample validates, line by line, against the record and entity schemas",
        arguments: odataSamples
    )
    func ndjson(sample: String) throws {
        let records = try readRecords(samplePath(sample))
        let output = write(records, with: NDJSONWriter(options: WriteOptions()))
        let validator = try JSONSchemaValidator(schemaPath: schemaPath("canonical/record.schema.json"))
        let found = try diagnostics(validator, output, name: "out.ndjson", maxChunk: 333)
        #expect(found.isEmpty, "\(found.prefix(5).map(\.formatted))")
        // Each line also against its own entity's schema.
        for line in output.split(separator: UInt8(ascii: "\n")) {
            let value = try parse(String(decoding: line, as: UTF8.self))
            let entity = try #require(value["entity"]?.stringValue)
            let schema = try JSONSchema(
                contentsOfFile: schemaPath("canonical/\(entity).schema.json"),
                options: JSONSchemaOptions(
                    formats: .assert,
                    remotes: [
                        "https://meabridge.org/schemas/": Fixtures.repositoryRoot() + "/Schemas"
                    ]
                )
            )
            let errors = schema.validate(value)
            #expect(errors.isEmpty, "\(entity): \(errors.prefix(3))")
        }
    }

    @Test("the bundled sample's outputs validate too")
    func bundledSample() throws {
        let records = try readRecords(Fixtures.repositorySamplesDirectory + "/decisions-odata-v2.json")
        #expect(records.count > 1)
        let pairs: [(String, [UInt8], String)] = [
            (
                "informea/odata.schema.json", write(records, with: InforMEAODataJSONWriter(options: WriteOptions())),
                "out.json"
            ),
            (
                "informea/api.schema.json", write(records, with: InforMEAAPIJSONWriter(options: WriteOptions())),
                "out.json"
            ),
            (
                "canonical/record.schema.json", write(records, with: NDJSONWriter(options: WriteOptions())),
                "out.ndjson"
            ),
        ]
        for (schema, output, name) in pairs {
            let validator = try JSONSchemaValidator(schemaPath: schemaPath(schema))
            let found = try diagnostics(validator, output, name: name)
            #expect(found.isEmpty, "\(schema): \(found.prefix(5).map(\.formatted))")
        }
    }
}

@Suite("CBD schemas", .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing"))
struct CBDSchemaTests {
    @Test("the national target sample validates against nationalTarget7")
    func nationalTargetSample() throws {
        let validator = try JSONSchemaValidator(schemaPath: schemaPath("cbd/nationalTarget7.schema.json"))
        let bytes = try #require(Fixtures.read(samplePath("cbd-km/api-examples/national-target.json")))
        let found = try diagnostics(validator, bytes, name: "national-target.json")
        #expect(found.isEmpty, "\(found.map(\.formatted))")
    }

    @Test("the ABS permit sample is not a national target: its header names another schema")
    func absPermitIsNotATarget() throws {
        let validator = try JSONSchemaValidator(schemaPath: schemaPath("cbd/nationalTarget7.schema.json"))
        let bytes = try #require(Fixtures.read(samplePath("cbd-km/api-examples/abs-permit.json")))
        let found = try diagnostics(validator, bytes, name: "abs-permit.json")
        #expect(found.map(\.location?.path) == ["/header/schema"])
        #expect(found.first?.id == "json-schema.enum")
        // `"schema": "absPermit"` is on line 4, column 15 of the sample.
        #expect(found.first?.location?.line == 4)
        #expect(found.first?.location?.column == 15)
    }

    @Test("a seventh national report with every section validates against nationalReport7")
    func nationalReport() throws {
        let validator = try JSONSchemaValidator(schemaPath: schemaPath("cbd/nationalReport7.schema.json"))
        let found = try diagnostics(validator, Array(nationalReport7.utf8), name: "report.json")
        #expect(found.isEmpty, "\(found.map(\.formatted))")
    }

    @Test("broken national reports fail at the value that is wrong")
    func brokenNationalReport() throws {
        let validator = try JSONSchemaValidator(schemaPath: schemaPath("cbd/nationalReport7.schema.json"))
        let marked = MarkedText(
            """
            {
              "header": {"identifier": "A1B2C3D4-0000-0000-0000-000000000001", "schema": "nationalReport7",
                "languages": ["en"]},
              "government": {"identifier": 1️⃣"CL"},
              "sectionII": {"anticipatedNbsapDate": 2️⃣"2025-02-30", "hasStakeholderEngagement": 3️⃣"yes"},
              "sectionIII": [4️⃣{"targetType": "national"}]
            }
            """
        )
        let found = try diagnostics(validator, Array(marked.text.utf8), name: "report.json")
        let expected: [(String, String, DiagnosticID)] = [
            ("1️⃣", "/government/identifier", "json-schema.pattern"),
            ("2️⃣", "/sectionII/anticipatedNbsapDate", "json-schema.format"),
            ("3️⃣", "/sectionII/hasStakeholderEngagement", "json-schema.type"),
            ("4️⃣", "/sectionIII/0", "json-schema.required"),
        ]
        #expect(found.count == expected.count, "\(found.map(\.formatted))")
        for (marker, pointer, id) in expected {
            let position = try #require(marked[marker])
            let diagnostic = found.first { $0.location?.path == pointer }
            #expect(diagnostic?.id == id, "\(pointer)")
            #expect(diagnostic?.location?.line == position.line, "\(pointer)")
            #expect(diagnostic?.location?.column == position.column, "\(pointer)")
        }
    }
}

/// A seventh national report using every documented section (the field list of convention-formats.md §2.3).
let nationalReport7 = """
    {
      "header": {"identifier": "A1B2C3D4-0000-0000-0000-000000000001", "schema": "nationalReport7",
        "languages": ["en"]},
      "government": {"identifier": "cl"},
      "sectionI": {"processUndertaken": {"en": "<p>Consultations</p>"}, "contactPerson": {"en": "Focal point"}},
      "sectionII": {
        "hasRevisedNbsap": "yes",
        "anticipatedNbsapDate": "2025-02-28",
        "hasStakeholderEngagement": true,
        "stakeholders": [{"identifier": "STAKEHOLDER-IPLC"}],
        "hasNbsapAdopted": "no",
        "anticipatedNbsapAdoptionDate": "2026-01-15",
        "policyInstrument": [{"identifier": "POLICY-OTHER", "customValue": {"en": "Decree"}}]
      },
      "sectionIII": [
        {
          "target": {"identifier": "9A5C3B1E-1111-2222-3333-444455556666@2"},
          "targetType": "national",
          "mainActionsSummary": {"en": "Protected areas extended"},
          "levelOfProgress": {"identifier": "PROGRESS-ON-TRACK"},
          "progressSummary": {"en": "On track"},
          "keyChallengesSummary": {"en": "Funding"},
          "actionEffectivenessSummary": {"en": "Effective"},
          "indicatorData": {
            "headline": [{"indicator": {"identifier": "GBF-INDICATOR-A.1"}, "data": {"identifier": "DATA-1@1"}}],
            "binary": [{"indicator": {"identifier": "KMGBF-INDICATOR-BIN-B"}}]
          }
        }
      ],
      "sectionIV": [{"gbfGoal": {"identifier": "GBF-GOAL-A"}, "summaryOfProgress": {"en": "Progress"}}],
      "sectionV": {},
      "additionalInformation": {"en": "None"},
      "additionalDocuments": [{"url": "https://www.cbd.int/doc/nr7.pdf", "name": "Report"}],
      "notes": "internal"
    }
    """
