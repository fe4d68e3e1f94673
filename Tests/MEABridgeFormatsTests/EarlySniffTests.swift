import MEABridgeCore
import MEABridgeFormats
import MEABridgeTestSupport
import Testing

@Suite("Format detection", .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing"))
struct EarlySniffTests {
    /// Every file below a folder (a path is a folder when it can be listed).
    func walk(_ directory: String) -> [String] {
        let entries = Fixtures.files(in: directory, suffix: "").filter { !$0.hasSuffix("/.") && !$0.hasSuffix("/..") }
        return entries.flatMap { path in
            let below = Fixtures.files(in: path, suffix: "")
            return below.isEmpty ? [path] : walk(path)
        }
    }

    @Test("stopping at the first certain reader chooses what asking every reader would, on every sample")
    func earlyStopChangesNothing() {
        let registry = FormatRegistry.builtIn
        var checked = 0
        var recognised = 0
        for path in walk(Fixtures.samplesDirectory) + walk(Fixtures.repositorySamplesDirectory) {
            let input = SniffInput(prefix: Array((Fixtures.read(path) ?? []).prefix(64 << 10)), name: path)
            var exhaustive: (reader: any RecordReader.Type, confidence: SniffConfidence)?
            for reader in registry.readers {
                let confidence = reader.sniff(input)
                if confidence > .no, confidence > (exhaustive?.confidence ?? .no) { exhaustive = (reader, confidence) }
            }
            let chosen = registry.sniff(input)
            #expect(chosen?.reader.format.id == exhaustive?.reader.format.id, "\(path)")
            #expect(chosen?.confidence == exhaustive?.confidence, "\(path)")
            checked += 1
            if chosen != nil { recognised += 1 }
        }
        #expect(checked > 100)
        #expect(recognised > 50)
    }
}
