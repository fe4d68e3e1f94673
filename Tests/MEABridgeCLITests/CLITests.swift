import MEABridgeCLI
import MEABridgeCore
import MEABridgeFormats
import MEABridgeTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Captures what a command prints.
final class Captured: Sendable {
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

/// A fresh temporary directory for one test.
func temporaryDirectory() -> String {
    var template = Array("/tmp/meabridge-test-XXXXXX".utf8CString)
    let path = template.withUnsafeMutableBufferPointer { buffer -> String in
        guard let base = buffer.baseAddress, let made = mkdtemp(base) else { return "/tmp" }
        return String(cString: made)
    }
    return path
}

func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

func writeFile(_ path: String, _ text: String) {
    let file = fopen(path, "wb")
    _ = text.utf8CString.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count - 1, file) }
    fclose(file)
}

func readText(_ path: String) -> String? { Fixtures.read(path).map { String(decoding: $0, as: UTF8.self) } }

let sample = Fixtures.repositorySamplesDirectory + "/decisions-odata-v2.json"

/// A marked fixture with its markers stripped, written to a temporary file.
func strippedFixture(_ name: String) throws -> String {
    let bytes = try #require(Fixtures.read(Fixtures.fixturesDirectory + "/" + name))
    let path = temporaryDirectory() + "/" + name
    writeFile(path, MarkedText(String(decoding: bytes, as: UTF8.self)).text)
    return path
}

@Suite("meabridge convert")
struct ConvertTests {
    @Test("converts the bundled sample to each format, atomically, with exit 0")
    func convertsSample() throws {
        let directory = temporaryDirectory()
        for format in ["ndjson", "informea-odata-json", "informea-api-json"] {
            let captured = Captured()
            var job = ConvertJob(input: sample)
            job.to = format
            job.output = directory + "/out." + format
            #expect(job.run(console: captured.console) == .ok)
            let output = try #require(readText(job.output))
            #expect(!output.isEmpty)
            #expect(captured.err.contains("3 records [decision 3]"))
            // The rules warn about the French-only title, with the file:line:col prefix.
            #expect(captured.err.contains("decisions-odata-v2.json:95:7: warning:"))
            #expect(captured.err.contains("[rule.title-english]"))
            // No temporary file is left behind.
            let leftovers = Fixtures.files(in: directory, suffix: "").filter { $0.contains(".meabridge-") }
            #expect(leftovers.isEmpty)
        }
        let ndjson = try #require(readText(directory + "/out.ndjson"))
        #expect(ndjson.split(separator: "\n").count == 3)
        #expect(ndjson.hasPrefix("{\"entity\":\"decision\",\"id\":\"3f2a9c1e"))
    }

    @Test("a truncated input exits 1, reports a fatal diagnostic and leaves no output (an old file is kept)")
    func truncatedLeavesNoOutput() throws {
        let directory = temporaryDirectory()
        let input = directory + "/cut.json"
        let bytes = try #require(Fixtures.read(sample))
        writeFile(input, String(decoding: bytes[..<(bytes.count / 2)], as: UTF8.self))
        let captured = Captured()
        var job = ConvertJob(input: input)
        job.output = directory + "/new.ndjson"
        #expect(job.run(console: captured.console) == .diagnostics)
        #expect(!exists(job.output))
        #expect(captured.err.contains("fatal:"))
        #expect(captured.err.contains("[json.unexpected-end]"))
        #expect(captured.err.contains("not written"))

        writeFile(directory + "/old.ndjson", "previous content\n")
        job.output = directory + "/old.ndjson"
        #expect(job.run(console: Captured().console) == .diagnostics)
        #expect(readText(job.output) == "previous content\n")
        let leftovers = Fixtures.files(in: directory, suffix: "").filter { $0.contains(".meabridge-") }
        #expect(leftovers.isEmpty)
    }

    @Test("error-level diagnostics exit 1 but still write the output")
    func errorsExitOne() throws {
        let directory = temporaryDirectory()
        let input = try strippedFixture("missing-english-title.json")
        var job = ConvertJob(input: input)
        job.output = directory + "/out.ndjson"
        let captured = Captured()
        #expect(job.run(console: captured.console) == .diagnostics)
        #expect(exists(job.output))
        #expect(captured.err.contains("error: Decision 'd-none' has no title in any language"))
    }

    @Test("usage errors exit 2: unknown formats, unknown entity, undetectable input")
    func usageErrors() {
        var job = ConvertJob(input: sample)
        job.to = "xlsx"
        let captured = Captured()
        #expect(job.run(console: captured.console) == .usage)
        #expect(captured.err.contains("no writer for format 'xlsx'"))
        #expect(captured.err.contains("ndjson"))

        job = ConvertJob(input: sample)
        job.from = "csv-of-dreams"
        #expect(job.run(console: Captured().console) == .usage)

        job = ConvertJob(input: sample)
        job.entity = "Planets"
        #expect(job.run(console: Captured().console) == .usage)

        let directory = temporaryDirectory()
        writeFile(directory + "/notes.txt", "just some text\n")
        let undetected = Captured()
        #expect(ConvertJob(input: directory + "/notes.txt").run(console: undetected.console) == .usage)
        #expect(undetected.err.contains("cannot tell the format"))
    }

    @Test("I/O errors exit 3: missing input, a directory as input, an unwritable output")
    func ioErrors() {
        let missing = Captured()
        #expect(ConvertJob(input: "/nonexistent/feed.json").run(console: missing.console) == .io)
        #expect(missing.err.contains("cannot open /nonexistent/feed.json"))
        #expect(ConvertJob(input: "/tmp").run(console: Captured().console) == .io)
        var job = ConvertJob(input: sample)
        job.output = "/nonexistent-dir/out.ndjson"
        #expect(job.run(console: Captured().console) == .io)
    }

    @Test("--entity writes only that entity")
    func entityFilter() throws {
        let directory = temporaryDirectory()
        var job = ConvertJob(input: sample)
        job.entity = "Meetings"
        job.output = directory + "/meetings.ndjson"
        let captured = Captured()
        #expect(job.run(console: captured.console) == .ok)
        #expect(readText(job.output) == "")
        #expect(captured.err.contains("0 records"))
    }
}

@Suite("meabridge inspect and formats")
struct InspectTests {
    @Test("inspect prints the detected format, counts per entity and diagnostics")
    func inspectText() {
        let captured = Captured()
        #expect(InspectJob(input: sample).run(console: captured.console) == .ok)
        #expect(captured.out.contains("format: informea-odata-json (detected, certain)"))
        #expect(captured.out.contains("records: 3"))
        #expect(captured.out.contains("  Decisions: 3"))
        #expect(captured.out.contains("[rule.title-english]"))
    }

    @Test("inspect --json is JSON with the same facts")
    func inspectJSON() throws {
        var job = InspectJob(input: try strippedFixture("unknown-country.json"))
        job.json = true
        let captured = Captured()
        #expect(job.run(console: captured.console) == .ok)
        #expect(captured.out.hasPrefix("{\"input\":"))
        #expect(captured.out.contains("\"records\":{\"CountryReports\":1}"))
        #expect(captured.out.contains("\"id\":\"model.country-unknown\""))
        #expect(captured.out.contains("\"line\":8"))
    }

    @Test("formats lists every reader and writer")
    func formats() {
        let text = FormatListing(registry: .builtIn).render(json: false)
        for name in ["informea-odata-json", "informea-api-json", "ndjson"] { #expect(text.contains(name)) }
        #expect(text.hasPrefix("Readers:"))
        let json = FormatListing(registry: .builtIn).render(json: true)
        #expect(json.contains("\"writers\":["))
        #expect(json.contains("{\"name\":\"ndjson\",\"summary\":"))
    }
}

@Suite("meabridge validate")
struct ValidateTests {
    @Test("a valid input: its problems by rule and a summary, exit 0")
    func validInput() {
        let captured = Captured()
        #expect(ValidateJob(input: sample).run(console: captured.console) == .ok)
        #expect(captured.out.contains(":95:7: warning:"))
        #expect(captured.out.contains("by rule:"))
        #expect(captured.out.contains("1  warning rule.title-english"))
        #expect(captured.out.contains("3 records, 0 errors, 1 warning — valid"))
    }

    @Test("errors give exit 1 and a JSON report with locations")
    func invalidInput() throws {
        var job = ValidateJob(input: try strippedFixture("missing-english-title.json"))
        job.format = "json"
        let captured = Captured()
        #expect(job.run(console: captured.console) == .diagnostics)
        #expect(captured.out.contains("\"valid\":false"))
        #expect(captured.out.contains("\"id\":\"rule.title-missing\",\"severity\":\"error\""))
        #expect(captured.out.contains("\"line\":4,\"column\":1,\"path\":\"/d/results/1\""))
    }

    @Test("--max-errors keeps the count but not every problem")
    func maxErrors() {
        var job = ValidateJob(input: sample)
        job.maxErrors = 0
        let captured = Captured()
        #expect(job.run(console: captured.console) == .ok)
        #expect(captured.out.contains("(1 not shown; raise --max-errors)"))
    }

    @Test("usage errors: unknown report format, a schema no validator knows")
    func usage() {
        var job = ValidateJob(input: sample)
        job.format = "pdf"
        #expect(job.run(console: Captured().console) == .usage)
        job = ValidateJob(input: sample)
        job.schema = sample
        let captured = Captured()
        #expect(job.run(console: captured.console) == .usage)
        #expect(captured.err.contains("is not a schema this build can use"))
    }
}

@Suite("meabridge explain and rules profiles")
struct ExplainTests {
    @Test("explain prints the summary, the fix and how to configure the rule")
    func explain() {
        let captured = Captured()
        #expect(
            Explanation(registry: .builtIn).run(id: "rule.title-english", list: false, console: captured.console) == .ok
        )
        #expect(captured.out.hasPrefix("rule.title-english (warning by default)\n"))
        #expect(captured.out.contains("Producers are required to provide at least an English title"))
        #expect(captured.out.contains("{\"rules\": {\"rule.title-english\": \"off\"}}"))
    }

    @Test("an unknown id exits 2 with suggestions; --list lists every described id")
    func unknownAndList() {
        let captured = Captured()
        #expect(Explanation(registry: .builtIn).run(id: "title", list: false, console: captured.console) == .usage)
        #expect(captured.err.contains("did you mean rule.title-english, rule.title-missing"))
        let list = Captured()
        #expect(Explanation(registry: .builtIn).run(id: nil, list: true, console: list.console) == .ok)
        let lines = list.out.split(separator: "\n")
        #expect(lines.count == FormatRegistry.builtIn.descriptions.count)
        #expect(lines.contains { $0.hasPrefix("model.country-unknown") && $0.contains("warning") })
    }

    @Test("explain knows the batch diagnostics too (zip-slip, bombs, merge conflicts)")
    func explainBatch() {
        let captured = Captured()
        #expect(Explanation.standard.run(id: "batch.unsafe-path", list: false, console: captured.console) == .ok)
        #expect(captured.out.hasPrefix("batch.unsafe-path (error by default)\n"), "\(captured.out)")
        let list = Captured()
        #expect(Explanation.standard.run(id: nil, list: true, console: list.console) == .ok)
        #expect(list.out.contains("batch.decompression-bomb"))
        #expect(list.out.contains("rule.title-english"))
    }

    @Test("--rules turns a warning off in convert and raises another to an error in validate")
    func profiles() throws {
        let directory = temporaryDirectory()
        let profile = directory + "/profile.json"
        writeFile(profile, #"{"rules": {"rule.title-english": "off", "model.country-unknown": "error"}}"#)
        var convert = ConvertJob(input: sample)
        convert.output = directory + "/out.ndjson"
        convert.rulesProfile = profile
        let quiet = Captured()
        #expect(convert.run(console: quiet.console) == .ok)
        #expect(!quiet.err.contains("rule.title-english"))

        var validate = ValidateJob(input: try strippedFixture("unknown-country.json"))
        validate.rulesProfile = profile
        let strict = Captured()
        #expect(validate.run(console: strict.console) == .diagnostics)
        #expect(strict.out.contains(": error: 'XYZ' is not an ISO 3166-1 country code"))

        writeFile(profile, #"{"rules": {"rule.no-such-rule": "off"}}"#)
        let refused = Captured()
        #expect(convert.run(console: refused.console) == .usage)
        #expect(refused.err.contains("unknown rule id 'rule.no-such-rule'"))
    }

    @Test("validate writes SARIF, JUnit and HTML")
    func reportFormats() {
        for (format, start) in [("sarif", "{\"$schema\""), ("junit", "<?xml"), ("html", "<!DOCTYPE html>")] {
            var job = ValidateJob(input: sample)
            job.format = format
            let captured = Captured()
            #expect(job.run(console: captured.console) == .ok)
            #expect(captured.out.hasPrefix(start), "\(format)")
            #expect(captured.out.contains("rule.title-english"), "\(format)")
        }
    }
}
