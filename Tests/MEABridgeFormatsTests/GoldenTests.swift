import MEABridgeCanonical
import MEABridgeCore
import MEABridgeFormats
import MEABridgeInforMEA
import MEABridgeTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writer output compared byte for byte with files in Tests/Fixtures/golden.
///
/// Regenerate with `UPDATE_GOLDEN=1 swift test --filter GoldenTests`, then review the diff.
@Suite("Golden writer output")
struct GoldenTests {
    static let writers: [(String, any RecordWriter.Type)] = [
        ("ndjson", NDJSONWriter.self),
        ("odata.json", InforMEAODataJSONWriter.self),
        ("api.json", InforMEAAPIJSONWriter.self),
    ]

    func check(input path: String, name: String, golden stem: String) throws {
        let records = try readOData(path: path, name: name).records
        #expect(!records.isEmpty)
        for (suffix, writerType) in Self.writers {
            let output = write(records, with: writerType.init(options: WriteOptions()))
            let goldenPath = Fixtures.fixturesDirectory + "/golden/\(stem).\(suffix)"
            if let update = getenv("UPDATE_GOLDEN"), String(cString: update) == "1" {
                let file = fopen(goldenPath, "wb")
                _ = output.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
                fclose(file)
                continue
            }
            let expected = try #require(Fixtures.read(goldenPath), "missing golden file \(goldenPath)")
            #expect(
                output == expected,
                "\(stem).\(suffix) differs from the golden file:\n\(String(decoding: output, as: UTF8.self))"
            )
        }
    }

    @Test("the bundled sample in every writer format")
    func bundledSample() throws {
        try check(
            input: Fixtures.repositorySamplesDirectory + "/decisions-odata-v2.json",
            name: "Samples/decisions-odata-v2.json",
            golden: "decisions-odata-v2"
        )
    }

    @Test(
        "real samples in every writer format",
        .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing"),
        arguments: ["v1/Meetings", "v1/Contacts", "v3/Decisions", "v1/NationalPlans"]
    )
    func realSamples(_ sample: String) throws {
        try check(
            input: samplePath("informea-odata/\(sample).json"),
            name: "informea-odata/\(sample).json",
            golden: "informea-odata-" + sample.replacingOccurrences(of: "/", with: "-")
        )
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: Character, with replacement: String) -> String {
        String(flatMap { $0 == target ? Array(replacement) : [$0] })
    }
}
