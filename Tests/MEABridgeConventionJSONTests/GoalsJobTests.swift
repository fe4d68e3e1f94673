import MEABridgeCBD
import MEABridgeCLI
import MEABridgeCore
import MEABridgeORS
import MEABridgeTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Captures what a job prints.
final class CapturedConsole: Sendable {
    private let storage = Mutex<(out: String, err: String)>(("", ""))
    var out: String { storage.withLock { $0.out } }
    var err: String { storage.withLock { $0.err } }
    var console: Console {
        Console(
            out: { text in self.storage.withLock { $0.out += text } },
            err: { text in self.storage.withLock { $0.err += text } }
        )
    }
}

@Suite("meabridge goals")
struct GoalsJobTests {
    static let registry = FormatRegistry(readers: [CBDKMJSONReader.self, ORSJSONReader.self], writers: [])

    /// Writes a file into a fresh temporary directory.
    static func write(_ text: String, name: String) -> String {
        var template = Array("/tmp/meabridge-goals-XXXXXX".utf8CString)
        let directory = template.withUnsafeMutableBufferPointer { buffer -> String in
            guard let base = buffer.baseAddress, let made = mkdtemp(base) else { return "/tmp" }
            return String(cString: made)
        }
        let path = directory + "/" + name
        if let file = fopen(path, "wb") {
            fputs(text, file)
            fclose(file)
        }
        return path
    }

    static let documents = """
        [
         {"header": {"identifier": "NR7-CA", "schema": "nationalReport7"}, "government": {"identifier": "ca"},
          "sectionIII": [{"target": {"identifier": "GBF-TARGET-03"}, "progressSummary": {"en": "ok"}},
                         {"target": {"identifier": "GBF-TARGET-99"}, "progressSummary": {"en": "typo"}}]},
         {"header": {"identifier": "NT-FR", "schema": "nationalTarget7"}, "government": {"identifier": "fr"},
          "title": {"en": "30 by 30"}, "globalTargetAlignment": [{"identifier": "GBF-TARGET-03"}]}
        ]
        """

    func job(_ format: String) -> GoalsJob {
        var job = GoalsJob(inputs: [Self.write(Self.documents, name: "reports.json")])
        job.format = format
        job.schemaDirectory = Fixtures.repositoryRoot() + "/Schemas"
        return job
    }

    @Test func textListsRecordsPerTarget() {
        let captured = CapturedConsole()
        let status = job("text").run(registry: Self.registry, console: captured.console)
        // GBF-TARGET-99 does not exist: a warning, not an error.
        #expect(status == .ok)
        #expect(captured.err.contains("[rule.goal-unknown]"))
        let lines = captured.out.split(separator: "\n").map(String.init)
        let target3 = lines.firstIndex { $0.hasPrefix("GBF:3  GBF-T03.") }
        #expect(target3 != nil, "\(captured.out)")
        if let target3 {
            #expect(lines[target3 + 1].hasPrefix("  countryReport NR7-CA (cbd, CA)"))
            #expect(lines[target3 + 2].hasPrefix("  nationalPlan NT-FR (cbd, FR)"))
        }
        #expect(lines.contains("GBF:99  (unknown)"))
    }

    @Test func csvHasOneRowPerLink() {
        let captured = CapturedConsole()
        #expect(job("csv").run(registry: Self.registry, console: captured.console) == .ok)
        let rows = captured.out.split(separator: "\n")
        #expect(rows.first == "framework,code,title,entity,id,treaty,country,input")
        #expect(rows.filter { $0.hasPrefix("GBF,3,") }.count == 2)
        #expect(rows.count == 4)
    }

    @Test func jsonAndUsageErrors() {
        let captured = CapturedConsole()
        #expect(job("json").run(registry: Self.registry, console: captured.console) == .ok)
        #expect(captured.out.hasPrefix("[\n{\"framework\":\"GBF\",\"code\":\"3\",\"title\":"))
        #expect(captured.out.contains("\"known\":false"))
        #expect(job("xml").run(registry: Self.registry, console: CapturedConsole().console) == .usage)
    }
}
