import MEABridgeCLI
import MEABridgeCore
import MEABridgeTestSupport
import MEABridgeValidation
import MEABridgeXML
import Testing

/// `meabridge validate --format junit` checked against the JUnit schema CI servers validate reports with: the Jenkins
/// xUnit plugin's `junit-10.xsd` (`../shared/conformance/junit-xsd`), by the XSD validator of MEABridgeXML.
@Suite(
    "JUnit reports against the official junit-10.xsd",
    .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/conformance is missing")
)
struct JUnitSchemaTests {
    static var junitSchemaPath: String { Fixtures.repositoryRoot() + "/../shared/conformance/junit-xsd/junit-10.xsd" }

    /// Runs `meabridge validate --format junit` on an input and returns the exit status and the report.
    static func junit(_ input: String) -> (status: MEABridgeCLI.ExitStatus, report: String) {
        let captured = CapturedConsole()
        var job = ValidateJob(input: input)
        job.schemaDirectory = Fixtures.repositoryRoot() + "/Schemas"
        job.format = "junit"
        let status = job.run(registry: xmlRegistry, console: captured.console)
        #expect(captured.err.isEmpty, "\(captured.err)")
        return (status, captured.out)
    }

    /// Validates a JUnit report against `junit-10.xsd`.
    static func schemaDiagnostics(_ report: String) throws -> [Diagnostic] {
        let validator = try XSDSchemaValidator(schemaPath: junitSchemaPath)
        var diagnostics: [Diagnostic] = []
        try validator.validate(
            source: MemoryByteSource(Array(report.utf8), name: "junit.xml"),
            sourceName: "junit.xml",
            maxErrors: 100
        ) { diagnostics.append($0) }
        return diagnostics
    }

    /// An input, the exit status `validate` must give and what its report must hold.
    struct Input: Sendable, CustomTestStringConvertible {
        var path: String
        var status: MEABridgeCLI.ExitStatus
        var contains: [String]
        var testDescription: String { String(path.split(separator: "/").last ?? "") }
    }

    /// The inputs: a clean feed, inputs with errors (XSD, reader and rules; a raw template; a malformed file) and a
    /// real feed with warnings only.
    static var inputs: [Input] {
        let fixtures = Fixtures.fixturesDirectory + "/xml/"
        let samples = Fixtures.samplesDirectory
        return [
            Input(
                path: fixtures + "atom-clean.xml",
                status: .ok,
                contains: ["failures=\"0\"", "<testcase name=\"valid\""]
            ),
            Input(
                path: fixtures + "atom-xsd-errors.xml",
                status: .diagnostics,
                contains: [
                    "failures=\"3\"", "<testcase name=\"xsd.content\"", "<failure ", "<system-out>warning: 1 × ",
                ]
            ),
            Input(
                path: fixtures + "invalid-utf8.xml",
                status: .diagnostics,
                contains: ["<testcase name=\"xml.encoding\"", "type=\"fatal\""]
            ),
            Input(
                path: fixtures + "faolex-bad-meta.xml",
                status: .diagnostics,
                contains: ["<testcase name=\"xsd.attribute\""]
            ),
            Input(
                path: samples + "/informea-atom/meeting.xml",
                status: .diagnostics,
                contains: ["<testcase name=\"xsd.value\"", "<failure "]
            ),
            Input(
                path: samples + "/ecolex/fao_feed.xml",
                status: .ok,
                contains: ["failures=\"0\"", "<testcase name=\"rule.title-english\"", "<system-out>"]
            ),
        ]
    }

    @Test("Every report, for failing and clean inputs, is valid against junit-10.xsd", arguments: inputs)
    func validAgainstSchema(_ input: Input) throws {
        let (exit, report) = Self.junit(input.path)
        #expect(exit == input.status, "\(report)")
        #expect(report.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"))
        for needle in input.contains { #expect(report.contains(needle), "\(needle) not in \(report)") }
        let diagnostics = try Self.schemaDiagnostics(report)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
    }

    @Test("Several inputs in one report, with markup and control characters in names and messages, stay valid")
    func severalReports() throws {
        var failing = ValidationReport(input: "a&b <feed>.xml", format: "informea-atom")
        failing.diagnostics = [
            Diagnostic(
                id: .xsdValue,
                severity: .error,
                message: "'\u{1}1 < 2 & \"x\"' is not a valid value",
                location: SourceLocation(source: "a&b <feed>.xml", line: 3, path: "/feed/entry/d:start")
            ),
            Diagnostic(id: .unknownCountry, severity: .warning, message: "']]>' is not a country"),
        ]
        failing.counts = [.error: 1, .warning: 1]
        let clean = ValidationReport(input: "clean.xml", format: "informea-atom")
        let report = JUnitReport.render([failing, clean], context: ReportContext())
        #expect(report.contains("<testsuite name=\"a&amp;b &lt;feed&gt;.xml\""))
        #expect(report.contains("<testsuite name=\"clean.xml\""))
        let diagnostics = try Self.schemaDiagnostics(report)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
    }

    @Test("The check can fail: a report missing a required attribute is refused by the schema")
    func schemaRefusesBrokenReport() throws {
        let (_, report) = Self.junit(Fixtures.fixturesDirectory + "/xml/atom-xsd-errors.xml")
        let broken = report.replacingFirst(" failures=\"3\"", with: "")
        #expect(broken != report)
        let diagnostics = try Self.schemaDiagnostics(broken)
        #expect(diagnostics.map(\.id) == [DiagnosticID.xsdAttribute], "\(diagnostics.map(\.formatted))")
        #expect(diagnostics.first?.location?.path == "/testsuites/testsuite")
    }
}
