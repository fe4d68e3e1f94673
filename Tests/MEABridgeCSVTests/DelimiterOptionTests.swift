import MEABridgeCLI
import MEABridgeCore
import MEABridgeTestSupport
import Testing

@Suite("--delimiter: the separator given instead of detected")
struct DelimiterOptionTests {
    static let semicolonSample =
        Fixtures.repositoryRoot() + "/Samples/cites/comptab_2018-01-29 16_05_semicolon_separated.csv"

    func convert(_ delimiter: String?) -> (status: MEABridgeCLI.ExitStatus, output: [UInt8]?, err: String) {
        let captured = CapturedConsole()
        var job = ConvertJob(input: Self.semicolonSample)
        job.from = "cites-trade-csv"
        job.delimiter = delimiter
        job.output = temporaryFile("trade.ndjson")
        job.quiet = true
        let status = job.run(registry: csvRegistry, console: captured.console)
        return (status, Fixtures.read(job.output), captured.err)
    }

    @Test("the right separator gives what detection gives; the wrong one is used as told and fails the header")
    func honoured() throws {
        let detected = convert(nil)
        #expect(detected.status == .ok, "\(detected.err)")
        let detectedLines = try #require(detected.output).split(separator: UInt8(ascii: "\n")).count
        #expect(detectedLines > 0)
        let given = convert("semicolon")
        #expect(given.status == .ok)
        #expect(given.output == detected.output)
        let wrong = convert("comma")
        #expect(wrong.status == .diagnostics)
        #expect(wrong.err.contains("[cites.column-missing]"), "\(wrong.err)")
        #expect(wrong.output == nil, "an unreadable input leaves no output")
        // The character itself is accepted too.
        #expect(convert(";").output == detected.output)
    }

    @Test("an unknown separator is a usage error naming the ones there are")
    func unknown() {
        let result = convert("colon")
        #expect(result.status == .usage)
        #expect(result.err.contains("unknown delimiter 'colon'; delimiters: comma, semicolon, tab, pipe"))
        #expect(result.output == nil)
    }

    @Test("validate and inspect take it too")
    func otherCommands() {
        let captured = CapturedConsole()
        var validate = ValidateJob(input: Self.semicolonSample)
        validate.from = "cites-trade-csv"
        validate.delimiter = "comma"
        #expect(validate.run(registry: csvRegistry, console: captured.console) == .diagnostics)
        #expect(captured.out.contains("cites.column-missing"))
        let inspected = CapturedConsole()
        var inspect = InspectJob(input: Self.semicolonSample)
        inspect.from = "cites-trade-csv"
        inspect.delimiter = "semicolon"
        #expect(inspect.run(registry: csvRegistry, console: inspected.console) == .ok)
    }
}
