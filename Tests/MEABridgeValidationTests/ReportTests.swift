import MEABridgeCore
import MEABridgeJSON
import MEABridgeJSONSchema
import MEABridgeTestSupport
import MEABridgeValidation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A report over a small file with two problems on known lines.
func sampleReport() -> ValidationReport {
    let path = "/tmp/meabridge-report-\(UInt32.random(in: 0...UInt32.max)).json"
    let text = "{\"d\": [\n  {\"id\": \"a\",\n   \"country\": \"XYZ\"}\n]}\n"
    let file = fopen(path, "wb")
    _ = text.utf8CString.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count - 1, file) }
    fclose(file)
    var collector = ReportCollector(report: ValidationReport(input: path, format: "informea-odata-json"), limit: 10)
    collector.report.records[.countryReport] = 1
    collector.report(
        Diagnostic(
            id: .unknownCountry,
            severity: .warning,
            message: "'XYZ' is not an ISO 3166-1 country code; kept as the original value",
            location: SourceLocation(source: path, line: 3, column: 15, path: "/d/0/country")
        )
    )
    collector.report(
        Diagnostic(
            id: .titleMissing,
            severity: .error,
            message: "CountryReport 'a' has no title in any language <&>",
            location: SourceLocation(source: path, line: 2, column: 3, path: "/d/0")
        )
    )
    return collector.report
}

let context = ReportContext(descriptions: ValidationCatalog.all, toolVersion: "9.9.9")

@Suite("Report formats")
struct ReportTests {
    @Test("text: each problem with its line and a caret under the column, counts by rule, a verdict")
    func text() {
        let report = sampleReport()
        let text = TextReport.render([report], context: context)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = lines.firstIndex { $0.contains("[model.country-unknown]") }
        #expect(index != nil)
        if let index {
            #expect(lines[index + 1] == "       \"country\": \"XYZ\"}")
            #expect(lines[index + 2] == "    " + String(repeating: " ", count: 14) + "^")
        }
        #expect(text.contains("by rule:"))
        #expect(text.contains("1 records, 1 error, 1 warning — invalid"))
    }

    @Test("json: parses, with the counts and each location")
    func json() throws {
        let text = JSONReport.render([sampleReport()], context: context)
        var parser = JSONPullParser(source: MemoryByteSource(text))
        let value = try parser.readValue()
        let report = try #require(value["reports"]?.arrayValue?.first)
        #expect(report["valid"]?.boolValue == false)
        #expect(report["errors"]?.int64Value == 1)
        let first = try #require(report["diagnostics"]?.arrayValue?.first)
        #expect(first["line"]?.int64Value == 3)
        #expect(first["path"]?.stringValue == "/d/0/country")
    }

    @Test("sarif: a 2.1.0 log with the fired rules described and results located")
    func sarif() throws {
        let text = SARIFReport.render([sampleReport()], context: context)
        var parser = JSONPullParser(source: MemoryByteSource(text))
        let log = try parser.readValue()
        #expect(log["version"]?.stringValue == "2.1.0")
        let run = try #require(log["runs"]?.arrayValue?.first)
        #expect(run["tool"]?["driver"]?["version"]?.stringValue == "9.9.9")
        let rules = try #require(run["tool"]?["driver"]?["rules"]?.arrayValue)
        #expect(rules.compactMap { $0["id"]?.stringValue } == ["model.country-unknown", "rule.title-missing"])
        #expect(rules.last?["defaultConfiguration"]?["level"]?.stringValue == "error")
        let results = try #require(run["results"]?.arrayValue)
        #expect(results.count == 2)
        #expect(results.first?["ruleIndex"]?.int64Value == 0)
        #expect(results.last?["ruleIndex"]?.int64Value == 1)
        let region = results.first?["locations"]?.arrayValue?.first?["physicalLocation"]?["region"]
        #expect(region?["startLine"]?.int64Value == 3)
        #expect(region?["startColumn"]?.int64Value == 15)
        #expect(results.first?["level"]?.stringValue == "warning")
    }

    @Test("junit: one suite per input, a failing case per error rule, escaped text")
    func junit() {
        let xml = JUnitReport.render([sampleReport()], context: context)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>"))
        #expect(xml.contains("tests=\"2\" failures=\"1\" errors=\"0\""))
        #expect(xml.contains("<testcase name=\"rule.title-missing\""))
        #expect(xml.contains("<failure message=\"1 × A record has no title"))
        #expect(xml.contains("no title in any language &lt;&amp;&gt;"))
        #expect(!xml.contains("language <&>"))
        let clean = JUnitReport.render([ValidationReport(input: "ok.json")], context: context)
        #expect(clean.contains("tests=\"1\" failures=\"0\""))
        #expect(clean.contains("<testcase name=\"valid\""))
        #expect(JUnitReport.escape("a\u{1}b") == "a\u{FFFD}b")
    }

    @Test("html: one self-contained page, verdict first, each rule with its fix")
    func html() {
        let page = HTMLReport.render([sampleReport()], context: context)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(!page.contains("<script"))
        #expect(!page.contains("src=") && !page.contains("href="))
        let verdict = page.firstRange(of: "Not ready: 1 error(s) to fix.")
        let firstRule = page.firstRange(of: "<section class=\"rule\">")
        #expect(verdict != nil && firstRule != nil)
        if let verdict, let firstRule { #expect(verdict.lowerBound < firstRule.lowerBound) }
        #expect(page.contains("How to fix:"))
        #expect(page.contains("&lt;&amp;&gt;"))
        #expect(page.contains("line 3, column 15 (/d/0/country)"))
    }

    @Test("every format is listed by name")
    func names() {
        #expect(ReportFormats.all.map { $0.name } == ["text", "json", "sarif", "junit", "html"])
        #expect(ReportFormats.renderer(named: "sarif") != nil)
        #expect(ReportFormats.renderer(named: "pdf") == nil)
    }
}

@Suite(
    "Reports against their official schemas",
    .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/conformance is missing")
)
struct ReportSchemaTests {
    @Test("SARIF output validates against the SARIF 2.1.0 JSON Schema")
    func sarifSchema() throws {
        let schemaPath = Fixtures.repositoryRoot() + "/../shared/conformance/sarif-2.1.0/sarif-schema-2.1.0.json"
        let schema = try JSONSchema(contentsOfFile: schemaPath)
        let clean = ValidationReport(input: "clean.json", format: "informea-odata-json")
        for reports in [[sampleReport()], [clean], [sampleReport(), clean]] {
            let text = SARIFReport.render(reports, context: context)
            var parser = JSONPullParser(source: MemoryByteSource(text))
            let errors = schema.validate(try parser.readValue())
            #expect(errors.isEmpty, "\(errors.map(\.message))")
        }
    }
}
