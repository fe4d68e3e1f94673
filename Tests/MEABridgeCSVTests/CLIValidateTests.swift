import MEABridgeCITES
import MEABridgeCLI
import MEABridgeCSV
import MEABridgeCanonical
import MEABridgeCore
import MEABridgeRamsar
import MEABridgeTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Captures what a command prints.
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

/// The CSV formats and the table-schema validator, as the built-in registry lists them once registered.
let csvRegistry = FormatRegistry(
    readers: [CITESAnnualReportReader.self, CITESTradeReader.self, RamsarRSISReader.self],
    writers: [NDJSONWriter.self, TradeCSVWriter.self],
    validators: [TableSchemaValidator.self]
)

let schemaDirectory = Fixtures.repositoryRoot() + "/Schemas"

func temporaryFile(_ name: String) -> String {
    var template = Array("/tmp/meabridge-csv-test-XXXXXX".utf8CString)
    let directory = template.withUnsafeMutableBufferPointer { buffer -> String in
        guard let base = buffer.baseAddress, let made = mkdtemp(base) else { return "/tmp" }
        return String(cString: made)
    }
    return directory + "/" + name
}

@Suite("meabridge validate and convert with the CSV formats")
struct CSVCommandTests {
    @Test(
        "validate: the annual report against its registered table schema and the reader's checks, exit 1 with row and column",
        .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
    )
    func validateAnnualReport() {
        let captured = CapturedConsole()
        var job = ValidateJob(input: Fixtures.samplesDirectory + "/cites/sapi/annual_report_upload_importer_blanks.csv")
        job.schemaDirectory = schemaDirectory
        #expect(job.run(registry: csvRegistry, console: captured.console) == .diagnostics)
        let output = captured.out
        // The table schema: COV is not in the term_code enum; the reader: COV is not a CITES term.
        #expect(output.contains("row 2, column 'term_code': 'COV' is not one of the allowed values (105 values)"))
        #expect(output.contains("row 2: term 'COV' is not a CITES term code or name"))
        #expect(output.contains("annual_report_upload_importer_blanks.csv:2:21"))
        #expect(output.contains("[table-schema.enum]"))
    }

    @Test("validate --schema: the Ramsar sample against its schema is clean, exit 0")
    func validateRamsar() {
        let captured = CapturedConsole()
        var job = ValidateJob(input: Fixtures.repositoryRoot() + "/Samples/ramsar/rsis-sites.csv")
        job.schema = schemaDirectory + "/csv/ramsar-rsis.table-schema.json"
        #expect(job.run(registry: csvRegistry, console: captured.console) == .ok, "\(captured.out)\(captured.err)")
        #expect(captured.out.contains("ramsar-rsis-csv"))
    }

    @Test(
        "validate --schema with a broken row: the date not in the declared format is reported with row, column and value"
    )
    func validateBrokenTrade() throws {
        let path = temporaryFile("comptab.csv")
        let text = """
            Year,App.,Taxon,Class,Order,Family,Genus,Importer,Exporter,Origin,Importer reported quantity,Exporter reported quantity,Term,Unit,Purpose,Source
            2016,II,Acipenser baerii,Actinopteri,Acipenseriformes,Acipenseridae,Acipenser,FR,CN,,,25.5,caviar,kg,T,C
            20x6,II,Acipenser baerii,Actinopteri,Acipenseriformes,Acipenseridae,Acipenser,FR,QQ,,,25.5,caviar,kg,T,C

            """
        let file = fopen(path, "wb")
        _ = text.utf8CString.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count - 1, file) }
        fclose(file)
        let captured = CapturedConsole()
        var job = ValidateJob(input: path)
        job.schema = schemaDirectory + "/csv/cites-comptab.table-schema.json"
        job.format = "json"
        #expect(job.run(registry: csvRegistry, console: captured.console) == .diagnostics)
        #expect(captured.out.contains("row 3, column 'Year': '20x6' is not an integer"))
        #expect(captured.out.contains("row 3, column 'Exporter': 'QQ' is not one of the allowed values"))
    }

    @Test(
        "validate --schema on a file no reader knows: the table schema alone, with each pathology at its row and column",
        .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
    )
    func validateSchemaOnly() {
        let captured = CapturedConsole()
        var job = ValidateJob(input: Fixtures.samplesDirectory + "/cites/sapi/exemptions.csv")
        job.schema = schemaDirectory + "/csv/sapi-exemptions.table-schema.json"
        #expect(job.run(registry: csvRegistry, console: captured.console) == .diagnostics)
        let output = captured.out
        #expect(output.contains("exemptions.csv:2:40"))
        #expect(output.contains("the unquoted value 'Z, G, Q, S' in column 'purpose' probably spilled"))
        #expect(output.contains("'02/02/2012 00:00' is not a date in the format %d/%m/%Y (for example 16/02/1995)"))
        #expect(output.contains("[csv.row-long]") && output.contains("[table-schema.type]"))
        let quotas = CapturedConsole()
        job = ValidateJob(input: Fixtures.samplesDirectory + "/cites/sapi/quotas.csv")
        job.schema = schemaDirectory + "/csv/sapi-quotas.table-schema.json"
        #expect(job.run(registry: csvRegistry, console: quotas.console) == .diagnostics)
        #expect(quotas.out.contains("quotas.csv:47:14"))
        #expect(
            quotas.out.contains(
                "' 01/07/1975' is not a date in the format %d/%m/%Y (for example 16/02/1995): it has spaces"
            )
        )
        let reservations = CapturedConsole()
        job = ValidateJob(input: Fixtures.samplesDirectory + "/cites/sapi/reservations.csv")
        job.schema = schemaDirectory + "/csv/sapi-reservations.table-schema.json"
        #expect(job.run(registry: csvRegistry, console: reservations.console) == .ok, "\(reservations.out)")
    }

    @Test("convert: a comparative tabulation to NDJSON and to the normalised CSV, exit 0")
    func convert() throws {
        for (format, lines) in [("ndjson", 7), ("csv", 8)] {
            let captured = CapturedConsole()
            var job = ConvertJob(input: Fixtures.repositoryRoot() + "/" + englishComptabPath)
            job.to = format
            job.output = temporaryFile("out." + format)
            #expect(job.run(registry: csvRegistry, console: captured.console) == .ok, "\(captured.err)")
            let bytes = try #require(Fixtures.read(job.output))
            #expect(String(decoding: bytes, as: UTF8.self).split(separator: "\n").count == lines)
            #expect(captured.err.contains("(cites-trade-csv)"))
        }
    }
}
