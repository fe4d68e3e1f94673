import MEABridgeCanonical
import MEABridgeCore
import MEABridgeFormats
import MEABridgeInforMEA
import MEABridgeTestSupport
import MEABridgeValidation
import Testing

/// Fixtures in Tests/Fixtures carry markers (1️⃣, 2️⃣, …) where each diagnostic must point.
@Suite("Bad input gives the right diagnostic at the right place")
struct BadInputTests {
    func fixture(_ name: String) throws -> MarkedText {
        let bytes = try #require(Fixtures.read(Fixtures.fixturesDirectory + "/" + name), "missing fixture \(name)")
        return MarkedText(String(decoding: bytes, as: UTF8.self))
    }

    func expect(
        _ diagnostic: Diagnostic?,
        at position: MarkedText.Position?,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard let diagnostic, let position else {
            Issue.record("missing diagnostic or marker", sourceLocation: sourceLocation)
            return
        }
        #expect(diagnostic.location?.line == position.line, sourceLocation: sourceLocation)
        #expect(diagnostic.location?.column == position.column, sourceLocation: sourceLocation)
        #expect(diagnostic.location?.byteOffset == position.offset, sourceLocation: sourceLocation)
    }

    @Test("truncated JSON: the records before the cut are read, then a fatal diagnostic at the end of input")
    func truncated() throws {
        let text = try fixture("truncated.json")
        let result = try readOData(Array(text.text.utf8), name: "truncated.json")
        #expect(result.records.map(\.id) == ["m1"])
        let fatal = result.diagnostics.filter { $0.severity == .fatal }
        #expect(fatal.count == 1)
        #expect(fatal.first?.id == "json.unexpected-end")
        #expect(fatal.first?.location?.source == "truncated.json")
        expect(fatal.first, at: text["1️⃣"])
    }

    @Test("truncated at every byte: never a crash, always a fatal diagnostic, never a partial record")
    func truncatedEverywhere() throws {
        let bytes = try #require(Fixtures.read(Fixtures.repositorySamplesDirectory + "/decisions-odata-v2.json"))
        let complete = try readOData(bytes, rules: false)
        #expect(complete.records.count == 3)
        // Cut inside the document at many points (every 7th byte keeps the test quick).
        for cut in stride(from: 0, to: bytes.count - 3, by: 7) {
            let result = try readOData(Array(bytes[..<cut]), rules: false)
            #expect(result.diagnostics.contains { $0.severity == .fatal }, "no fatal diagnostic when cut at \(cut)")
            #expect(result.records.count <= 3)
            for (index, record) in result.records.enumerated() {
                #expect(record == complete.records[index], "record \(index) differs when cut at \(cut)")
            }
        }
    }

    @Test("wrong types: each value is ignored with a warning at the value")
    func wrongTypes() throws {
        let text = try fixture("wrong-types.json")
        let result = try readOData(Array(text.text.utf8), name: "wrong-types.json")
        #expect(result.records.count == 1)
        expect(result.diagnostics(.invalidDate).first, at: text["1️⃣"])
        #expect(result.diagnostics(.invalidDate).first?.location?.path == "/d/0/submission")
        expect(result.diagnostics(.invalidNumber).first, at: text["2️⃣"])
        #expect(result.diagnostics(.invalidNumber).first?.location?.path == "/d/0/files/0/size")
        expect(result.diagnostics(.wrongType).first, at: text["3️⃣"])
        #expect(result.diagnostics(.wrongType).first?.message.contains("found array") == true)
        guard case .nationalPlan(let plan) = try #require(result.records.first) else {
            Issue.record("expected a national plan")
            return
        }
        #expect(plan.submission == nil)
        #expect(plan.url == nil)
        #expect(plan.files.first?.size == nil)
        #expect(plan.files.first?.url == "https://example.org/nip.pdf")
    }

    @Test("unknown country code: kept as the original value, warning at the value")
    func unknownCountry() throws {
        let text = try fixture("unknown-country.json")
        let result = try readOData(Array(text.text.utf8), name: "unknown-country.json")
        let diagnostic = result.diagnostics(.unknownCountry).first
        expect(diagnostic, at: text["1️⃣"])
        #expect(diagnostic?.severity == .warning)
        #expect(diagnostic?.location?.path == "/d/results/0/country")
        guard case .countryReport(let report) = try #require(result.records.first) else {
            Issue.record("expected a country report")
            return
        }
        #expect(report.country?.isResolved == false)
        #expect(report.country?.original == "XYZ")
        let ndjson = String(decoding: write(result.records, with: NDJSONWriter(options: WriteOptions())), as: UTF8.self)
        #expect(ndjson.contains("\"countryOriginal\":\"XYZ\""))
    }

    @Test("missing English title: a warning naming the fallback; no title at all: an error")
    func missingEnglishTitle() throws {
        let text = try fixture("missing-english-title.json")
        let result = try readOData(Array(text.text.utf8), name: "missing-english-title.json")
        let fallback = result.diagnostics(.titleNotEnglish)
        #expect(fallback.count == 1)
        #expect(fallback.first?.severity == .warning)
        #expect(fallback.first?.message.contains("'fr'") == true)
        expect(fallback.first, at: text["1️⃣"])
        let missing = result.diagnostics(.titleMissing)
        #expect(missing.count == 1)
        #expect(missing.first?.severity == .error)
        expect(missing.first, at: text["2️⃣"])
    }

    @Test("not JSON, a scalar top level, an empty file and an array of non-objects are reported, never crash")
    func notFeeds() throws {
        let cases: [(String, DiagnosticID)] = [
            ("<feed/>", "json.syntax"),
            ("42", .noRecords),
            ("", "json.unexpected-end"),
            ("{\"other\": 1}", .noRecords),
            ("[1, \"x\"]", .notAnObject),
            ("{\"d\": [{\"id\": \"x\"}]}", .unknownEntity),
            ("{\"d\": [{\"__metadata\": {\"type\": \"Meeting\"}}]}", .missingID),
            ("{\"d\": []} trailing", "json.trailing-data"),
        ]
        for (input, id) in cases {
            let result = try readOData(Array(input.utf8), rules: false)
            #expect(result.diagnostics.contains { $0.id == id }, "\(input): got \(result.diagnostics.map(\.formatted))")
        }
    }

    @Test("invalid UTF-8 and UTF-16 input give encoding diagnostics")
    func encodings() throws {
        let invalid: [UInt8] = Array("{\"d\":[{\"id\":\"".utf8) + [0xC3, 0x28] + Array("\"}]}".utf8)
        let result = try readOData(invalid, rules: false)
        #expect(result.diagnostics.contains { $0.id == "json.invalid-utf8" && $0.severity == .fatal })
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("{}".utf8).flatMap { [$0, 0] }
        let result16 = try readOData(utf16, rules: false)
        #expect(result16.diagnostics.contains { $0.severity == .fatal && $0.message.contains("UTF-16") })
    }

    @Test("deeply nested hostile input stops at the depth limit")
    func deepNesting() throws {
        let bytes = Array("{\"d\":[".utf8) + [UInt8](repeating: UInt8(ascii: "["), count: 200_000)
        let result = try readOData(bytes, rules: false)
        #expect(result.diagnostics.contains { $0.id == "json.limit" })
    }
}
