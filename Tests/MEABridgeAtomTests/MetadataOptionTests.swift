import MEABridgeCLI
import MEABridgeCore
import MEABridgeFormats
import MEABridgeTestSupport
import MEABridgeXML
import Testing

@Suite("meabridge convert --metadata", .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing"))
struct MetadataOptionTests {
    @Test("--to informea-atom --metadata FILE writes the feed and the $metadata of the entity sets written")
    func writesMetadata() throws {
        let directory = makeTemporaryDirectory()
        let captured = CapturedConsole()
        var job = ConvertJob(input: Fixtures.samplesDirectory + "/informea-odata/v1/Meetings.json")
        job.to = "informea-atom"
        job.output = directory + "/meetings.xml"
        job.metadata = directory + "/metadata.xml"
        job.quiet = true
        #expect(job.run(registry: .builtIn, console: captured.console) == .ok, "\(captured.err)")
        let feed = try #require(Fixtures.read(directory + "/meetings.xml"))
        #expect(try xsdDiagnostics(feed, schema: "informea-atom.xsd").isEmpty)
        let metadata = try #require(Fixtures.read(directory + "/metadata.xml"))
        let parsed = XMLDocumentParser.parse(bytes: metadata, name: "metadata.xml")
        #expect(parsed.isWellFormed)
        #expect(parsed.summary?.rootElementName == "Edmx")
        let text = String(decoding: metadata, as: UTF8.self)
        #expect(text.contains("<EntityType Name=\"Meeting\""))
        #expect(text.contains("<EntitySet Name=\"Meetings\""))
        #expect(!text.contains("<EntityType Name=\"Decision\""), "only the entity sets written are described")
    }

    @Test("--metadata with a writer that has no metadata document is a usage error; nothing is written")
    func refusedForOtherWriters() {
        let directory = makeTemporaryDirectory()
        let captured = CapturedConsole()
        var job = ConvertJob(input: Fixtures.samplesDirectory + "/informea-odata/v1/Meetings.json")
        job.to = "ndjson"
        job.output = directory + "/meetings.ndjson"
        job.metadata = directory + "/metadata.xml"
        #expect(job.run(registry: .builtIn, console: captured.console) == .usage)
        #expect(captured.err.contains("[cli.metadata-unsupported]"))
        #expect(captured.err.contains("informea-atom"))
        #expect(Fixtures.read(directory + "/meetings.ndjson") == nil)
        #expect(Fixtures.read(directory + "/metadata.xml") == nil)
    }
}
