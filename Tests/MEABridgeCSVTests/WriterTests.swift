import MEABridgeCITES
import MEABridgeCSV
import MEABridgeCanonical
import MEABridgeCore
import MEABridgeTestSupport
import Testing

func write(_ records: [Record], with writer: some RecordWriter) -> (bytes: [UInt8], diagnostics: [Diagnostic]) {
    var writer = writer
    var out: [UInt8] = []
    var diagnostics: [Diagnostic] = []
    writer.begin(into: &out)
    for record in records { writer.write(record, into: &out, report: { diagnostics.append($0) }) }
    writer.end(into: &out)
    return (out, diagnostics)
}

@Suite("csv writer and trade records in NDJSON")
struct TradeWriterTests {
    func comptabRecords() throws -> [Record] {
        try readTrade(try repositoryFile(englishComptabPath), name: "comptab.csv").records
    }

    @Test("the documented header, codes only, quoting only where needed, deterministic")
    func output() throws {
        let records = try comptabRecords()
        let (bytes, diagnostics) = write(records, with: TradeCSVWriter(options: WriteOptions()))
        #expect(diagnostics.isEmpty)
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == records.count + 2)
        #expect(lines.last == "")
        #expect(
            lines[0]
                == "id,year,appendix,taxon,class,order,family,genus,term,quantity,unit,importer_quantity,exporter_quantity,importer,exporter,origin,purpose,source,reporter_type,import_permit,export_permit,origin_permit,ifs_permit"
        )
        #expect(
            lines[1]
                == "2,2016,II,Acipenser baerii,Actinopteri,Acipenseriformes,Acipenseridae,Acipenser,CAV,,KIL,,25.5,FR,CN,,T,C,,,,,"
        )
        #expect(
            lines[6]
                == "7,2017,III,Pterocarpus santalinus,,Fabales,Leguminosae,Pterocarpus,TIM,,CUM,40,,CN,XX,IN,T,I,,,,,"
        )
        #expect(!text.contains("\r"))
        #expect(write(records, with: TradeCSVWriter(options: WriteOptions())).bytes == bytes)
        var trade = TradeRecord(id: "q\"1")
        trade.taxon = "Cattleya \"Señorita\", cv."
        trade.quantity = 0.1
        let quoted = String(
            decoding: write([.tradeRecord(trade)], with: TradeCSVWriter(options: WriteOptions())).bytes,
            as: UTF8.self
        )
        #expect(quoted.hasSuffix("\n\"q\"\"1\",,,\"Cattleya \"\"Señorita\"\", cv.\",,,,,,0.1,,,,,,,,,,,,,\n"))
    }

    @Test("the output reads back with cites-trade-csv to the same records, and validates against its table schema")
    func roundTrip() throws {
        let records = try comptabRecords()
        let (bytes, _) = write(records, with: TradeCSVWriter(options: WriteOptions()))
        let back = try readTrade(bytes, name: "out.csv")
        #expect(back.problems.isEmpty, "\(back.problems.map(\.formatted))")
        #expect(back.records.map { $0.strippingSource() } == records.map { $0.strippingSource() })
        let validator = try TableSchemaValidator(
            schemaPath: Fixtures.repositoryRoot() + "/Schemas/csv/meabridge-trade.table-schema.json"
        )
        var diagnostics: [Diagnostic] = []
        try validator.validate(source: MemoryByteSource(bytes), sourceName: "out.csv", maxErrors: 100) {
            diagnostics.append($0)
        }
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
    }

    @Test(
        "annual-report rows round-trip too, their reporter type and permits kept",
        .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
    )
    func annualReportRoundTrip() throws {
        let records = try readAnnualReport(try sample("cites/sapi/annual_report_upload_importer.csv")).records
        let back = try readTrade(write(records, with: TradeCSVWriter(options: WriteOptions())).bytes)
        #expect(back.records.map { $0.strippingSource() } == records.map { $0.strippingSource() })
    }

    @Test("records of other entities are left out with one warning per entity")
    func otherEntities() {
        var site = Site(id: "1")
        site.name = ["en": "A"]
        let (bytes, diagnostics) = write(
            [.site(site), .site(Site(id: "2"))],
            with: TradeCSVWriter(options: WriteOptions())
        )
        #expect(String(decoding: bytes, as: UTF8.self).split(separator: "\n").count == 1)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test(
        "NDJSON: a trade record is one line, entity tradeRecord, codes, CITES country codes that are not ISO kept as …Original"
    )
    func ndjson() throws {
        let records = try comptabRecords()
        let (bytes, _) = write([records[5]], with: NDJSONWriter(options: WriteOptions(includeSource: false)))
        let line = String(decoding: bytes, as: UTF8.self)
        #expect(
            line
                == #"{"entity":"tradeRecord","id":"7","year":2017,"appendix":"III","taxon":"Pterocarpus santalinus","order":"Fabales","family":"Leguminosae","genus":"Pterocarpus","termCode":"TIM","unitCode":"CUM","importerQuantity":40,"importer":"CN","exporterOriginal":"XX","origin":"IN","purposeCode":"T","sourceCode":"I"}"#
                + "\n"
        )
    }
}
