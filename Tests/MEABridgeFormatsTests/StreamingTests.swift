import MEABridgeCanonical
import MEABridgeCore
import MEABridgeFormats
import MEABridgeInforMEA
import MEABridgeTestSupport
import Testing

@Suite("Streaming")
struct StreamingTests {
    @Test("chunk size does not change the result", arguments: [1, 2, 3, 7, 64, 4096])
    func chunkBoundaries(_ chunk: Int) throws {
        let bytes = try #require(Fixtures.read(Fixtures.repositorySamplesDirectory + "/decisions-odata-v2.json"))
        let whole = try readOData(bytes)
        let chunked = try readOData(bytes, maxChunk: chunk)
        #expect(chunked.records == whole.records)
        #expect(chunked.diagnostics == whole.diagnostics)
    }

    @Test("records are handed on one at a time, before the input ends")
    func recordsBeforeEnd() throws {
        // A feed whose end is broken: every complete record before the break must already have been emitted.
        var text = "{\"d\":{\"results\":["
        for index in 0..<500 {
            text += "{\"__metadata\":{\"type\":\"informea.Meeting\"},\"id\":\"m\(index)\",\"treaty\":\"cms\","
            text += "\"title\":[{\"language\":\"en\",\"value\":\"Meeting \(index)\"}]},"
        }
        text += "{\"id\": tru"
        let result = try readOData(Array(text.utf8), maxChunk: 1000)
        #expect(result.records.count == 500)
        #expect(result.diagnostics.last?.severity == .fatal)
        #expect(result.diagnostics.last?.message.contains("after 500 records") == true)
    }

    @Test("a single-entity response, a v4 value feed and a bare array are all read")
    func envelopes() throws {
        let single =
            "{\"d\":{\"__metadata\":{\"type\":\"informea.Site\"},\"id\":\"1\",\"type\":\"whc\",\"country\":\"ec\","
            + "\"treaty\":\"whc\",\"name\":{\"results\":[{\"language\":\"en\",\"value\":\"Galápagos Islands\"}]},"
            + "\"latitude\":\"-0.68986\",\"longitude\":\"-90.50159\"}}"
        let site = try readOData(Array(single.utf8))
        #expect(site.records.count == 1)
        guard case .site(let galapagos) = try #require(site.records.first) else {
            Issue.record("expected a site")
            return
        }
        #expect(galapagos.country?.alpha2 == "EC")
        #expect(galapagos.latitude == -0.68986)
        #expect(galapagos.name.english == "Galápagos Islands")

        let v4 =
            "{\"@odata.context\":\"x\",\"value\":[{\"id\":\"doc-1\",\"schemaVersion\":1,"
            + "\"titles\":[{\"language\":\"en\",\"value\":\"Guidance\"}],\"authors\":[{\"name\":\"UNEP\",\"type\":\"Company\"}],"
            + "\"types\":[{\"value\":\"Guidance\"}],\"treaties\":[{\"value\":\"basel\"}]}]}"
        let documents = try readOData(Array(v4.utf8))
        guard case .document(let document) = try #require(documents.records.first) else {
            Issue.record("expected a document")
            return
        }
        #expect(document.title.english == "Guidance")
        #expect(document.authors == [DocumentAuthor(name: "UNEP", type: .company)])
        #expect(document.types == ["Guidance"])
        #expect(document.treaties == ["basel"])

        let api = try readOData(
            path: Fixtures.repositorySamplesDirectory + "/meetings-api.json",
            name: "meetings-api.json"
        )
        #expect(api.records.count == 2)
        guard case .meeting(let cop) = try #require(api.records.first) else {
            Issue.record("expected a meeting")
            return
        }
        #expect(cop.title[LanguageCode(parsing: "es")] == "14ª Reunión de la Conferencia de las Partes")
        #expect(cop.country?.alpha2 == "UZ")
        #expect(cop.start?.precision == .date)
        #expect(cop.type == .cop)
        #expect(cop.isVirtual == false)
    }

    @Test("--entity forces the entity when records do not say")
    func forcedEntity() throws {
        let input = "[{\"id\":\"x1\",\"treaty\":\"cms\",\"title\":{\"en\":\"A title\"}}]"
        let guessed = try readOData(Array(input.utf8), rules: false)
        #expect(guessed.records.isEmpty)
        #expect(guessed.diagnostics.first?.id == .unknownEntity)
        let forced = try readOData(Array(input.utf8), entity: .countryReport, rules: false)
        #expect(forced.records.first?.kind == .countryReport)
    }
}

@Suite("Format sniffing")
struct SniffTests {
    @Test(
        "informea-odata-json recognises its variants from the first bytes",
        arguments: [
            ("{\"d\":{\"results\":[", "-", SniffConfidence.certain),
            ("\u{FEFF}  {\"d\":[", "feed", .certain),
            ("{\"value\":[{", "-", .likely),
            ("[\n  {\"id\": \"x\"}]", "-", .possible),
            ("{\"id\": \"x\"}", "-", .possible),
            ("<feed xmlns=\"http://www.w3.org/2005/Atom\">", "feed.xml", .no),
            ("Year,Appendix,Taxon", "trade.csv", .no),
            ("[1, 2]", "numbers", .no),
        ] as [(String, String, SniffConfidence)]
    )
    func sniff(_ prefix: String, _ name: String, _ expected: SniffConfidence) {
        var bytes = Array(prefix.utf8)
        if prefix.hasPrefix("\u{FEFF}") { bytes = [0xEF, 0xBB, 0xBF] + Array(prefix.dropFirst().utf8) }
        #expect(InforMEAODataJSONReader.sniff(SniffInput(prefix: bytes, name: name)) == expected)
    }
}
