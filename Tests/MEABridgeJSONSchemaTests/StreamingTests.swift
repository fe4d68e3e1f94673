import MEABridgeCore
import MEABridgeJSON
import MEABridgeTestSupport
import Testing

@testable import MEABridgeJSONSchema

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A meeting record in OData v2 verbose form; record 7777 has an ISO date where `/Date(ms)/` belongs.
@Sendable func meetingRecord(_ index: Int) -> String {
    let start = index == 7777 ? "\"2014-05-06\"" : "\"/Date(\(1_399_388_400_000 + index))/\""
    return """
        {"__metadata":{"uri":"Meetings('\(index)')","type":"informea.Meeting"},"id":"m\(index)","protocolVersion":1,\
        "treaty":"stockholm","title":{"results":[{"__metadata":{"type":"informea.MeetingTitle"},"language":"en",\
        "value":"Meeting number \(index) of the Conference of the Parties"}]},"start":\(start),"country":"RO",\
        "latitude":12.5,"longitude":21,"brs_Title":"extra \(index)"}
        """
}

@Suite("Streaming validation")
struct StreamingTests {
    func odataSchema() throws -> JSONSchema {
        try JSONSchema(
            contentsOfFile: schemaPath("informea/odata.schema.json"),
            options: JSONSchemaOptions(
                formats: .assert,
                remotes: ["https://meabridge.org/schemas/": Fixtures.repositoryRoot() + "/Schemas"]
            )
        )
    }

    @Test("a large feed is checked record by record: no value larger than one record is ever built")
    func boundedMemory() throws {
        let schema = try odataSchema()
        let count = 8_000
        var errors: [JSONSchemaError] = []
        let clock = ContinuousClock()
        var bytes = 0
        let elapsed = try clock.measure {
            let source = CountingByteSource(GeneratedFeed(count: count, record: meetingRecord)) { bytes = $0 }
            let largest = try schema.validateStreaming(source: source, maxErrors: 100) { errors.append($0) }
            let oneRecord = meetingRecord(count - 1).utf8.count
            #expect(largest <= oneRecord, "a value of \(largest) bytes was read whole")
            #expect(largest > oneRecord / 2, "records are read whole (\(largest) bytes)")
        }
        #expect(bytes > 2_500_000)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "streamed \(bytes) bytes, \(count) records in \(elapsed): "
                + "\(Int(Double(bytes) / seconds / 1e3)) kB/s (debug build)"
        )
        #expect(errors.count == 1, "\(errors)")
        let error = try #require(errors.first)
        #expect(error.instanceLocation == "/d/results/7777/start")
        #expect(error.keyword == "pattern")
        #expect(error.position.line == 7777 + 2)
        #expect(
            error.keywordLocation
                == "/properties/d/properties/results/items/$ref/allOf/0/then/$ref/properties/start/$ref/pattern"
        )
    }

    @Test("keywords that need the whole value make the validator read that value whole, with the same errors")
    func wholeValueKeywords() throws {
        let schema = try compile(
            #"""
            {"properties": {"list": {"uniqueItems": true, "items": {"type": "integer"}},
                            "flat": {"items": {"type": "integer"}}}}
            """#
        )
        let text = #"{"flat": [1, 2, "3"], "list": [1, 2, "x", 2]}"#
        var streamed: [JSONSchemaError] = []
        let largest = try schema.validateStreaming(source: MemoryByteSource(text), maxErrors: 100) {
            streamed.append($0)
        }
        // `list` (with uniqueItems) was read whole; `flat` was not.
        #expect(largest == #"[1, 2, "x", 2]"#.utf8.count)
        let tree = schema.validate(try parse(text))
        #expect(Set(streamed) == Set(tree))
        #expect(Set(tree.map(\.instanceLocation)) == ["/flat/2", "/list/2", "/list"])
    }

    @Test("streamed and tree validation report identical errors for broken writer output")
    func sameErrors() throws {
        let schema = try odataSchema()
        var text = "{\"d\":{\"results\":[\n"
        text += (0..<40).map(meetingRecord).joined(separator: ",\n")
        text += #",{"__metadata":{"uri":"x","type":"informea.Contact"},"id":"c","primary":2,"treaties":{"results":[]}}"#
        text += #",{"__metadata":{"uri":"y","type":"informea.Nothing"},"id":""}"#
        text += "\n],\"extra\":true}}"
        var streamed: [JSONSchemaError] = []
        try schema.validate(source: MemoryByteSource(text, maxChunk: 11), maxErrors: 100) { streamed.append($0) }
        let tree = schema.validate(try parse(text))
        #expect(streamed.count == 4)
        #expect(Set(streamed) == Set(tree))
    }
}
