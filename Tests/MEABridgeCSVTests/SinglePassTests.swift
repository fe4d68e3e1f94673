import MEABridgeCITES
import MEABridgeCSV
import MEABridgeCore
import MEABridgeRamsar
import MEABridgeTestSupport
import Testing

/// What a two-pass and a one-pass validation gave.
struct Passes {
    var twoPass = Read()
    var onePass = Read()
}

/// Validates then reads (two passes), and reads while validating (one pass).
func passes<Reader: SchemaCheckingReader>(
    _ make: () -> Reader,
    schema: String,
    _ bytes: [UInt8],
    name: String,
    maxErrors: Int = 1000,
    maxChunk: Int = .max
) throws -> Passes {
    let validator = try TableSchemaValidator(schemaPath: Fixtures.repositoryRoot() + "/Schemas/" + schema)
    var result = Passes()
    try validator.validate(
        source: MemoryByteSource(bytes, name: name, maxChunk: maxChunk),
        sourceName: name,
        maxErrors: maxErrors
    ) { result.twoPass.diagnostics.append($0) }
    result.twoPass.diagnostics += try read(make(), bytes, name: name, maxChunk: maxChunk).diagnostics
    result.twoPass.records = try read(make(), bytes, name: name, maxChunk: maxChunk).records
    var reader = make()
    let used = try reader.read(
        from: MemoryByteSource(bytes, name: name, maxChunk: maxChunk),
        validatingWith: validator,
        maxErrors: maxErrors,
        emit: { result.onePass.records.append($0) },
        report: { result.onePass.diagnostics.append($0) }
    )
    #expect(used)
    return result
}

/// A validator of another language, which the CSV readers decline.
struct NotTableSchema: SchemaValidator {
    static let language = "other"
    static func recognizes(schema: SniffInput) -> Bool { false }
    init(schemaPath: String) throws {}
    func validate(source: some ByteSource, sourceName: String, maxErrors: Int, report: (Diagnostic) -> Void) {}
}

@Suite("validate --schema in one pass: the CSV readers check the table schema while they read")
struct SinglePassTests {
    static let header =
        "Id,Year,Appendix,Taxon,Class,Order,Family,Genus,Term,Quantity,Unit,Importer,Exporter,Origin,Purpose,Source,"
        + "Reporter.type,Import.permit.RandomID,Export.permit.RandomID,Origin.permit.RandomID,Remarks\n"

    /// A bulk release with schema errors and reader warnings on the same rows, a short row and an unknown column.
    static let trade: [UInt8] = {
        var text = header
        text += "1,2019,II,Aloe ferox,,Liliales,Liliaceae,Aloe,extract,120.5,kg,DE,ZA,,T,A,E,,5f3a1c9e0b,,\n"
        text += "2,19x5,IV,Aloe ferox,,Liliales,Liliaceae,Aloe,extract,3,kg,DE,ZA,,T,A,E,,,,note\n"
        text += "3,2019,II,Aloe ferox,,Liliales,Liliaceae,Aloe,gel,4,kg,DE,ZA,,T,A,E,,,,\n"
        text += "4,2019,II,Aloe ferox\n"
        text += "5,2019,II,Aloe ferox,,Liliales,Liliaceae,Aloe,extract,-3,kg,QQ,ZA,,T,A,,,,,\n"
        for id in 6...40 {
            text += "\(id),2020,II,\"Aloe \"\"ferox\"\"\",,Liliales,Liliaceae,Aloe,gel,\(id),kg,FR,ZA,,T,A,I,,,,\n"
        }
        return Array(text.utf8)
    }()

    @Test("the trade reader: the same diagnostics and records as validating then reading, in row order")
    func trade() throws {
        for maxChunk in [.max, 17] {
            let result = try passes(
                { CITESTradeReader(options: ReadOptions(sourceName: "t.csv")) },
                schema: "csv/cites-trade-db.table-schema.json",
                Self.trade,
                name: "t.csv",
                maxChunk: maxChunk
            )
            #expect(result.onePass.records == result.twoPass.records)
            #expect(result.onePass.records.count == 39)
            #expect(Set(result.onePass.diagnostics) == Set(result.twoPass.diagnostics))
            let ids = Set(result.onePass.diagnostics.map(\.id))
            for id: DiagnosticID in [
                .schemaType, .schemaEnum, .schemaRange, .schemaRequired, .schemaColumnUnknown, .csvRowShort,
                .citesYearInvalid, .citesAppendixInvalid, .citesCodeUnknown, .citesCountryUnknown,
                .citesQuantityInvalid, .citesColumnUnknown,
            ] {
                #expect(ids.contains(id), "\(id)")
            }
            // The schema's diagnostics come with the reader's, row by row (the counts of repeated values at the end).
            let lines = result.onePass.diagnostics.filter { !$0.message.contains(" rows in all: ") }
                .compactMap(\.location?.line)
            #expect(lines == lines.sorted())
            #expect(result.onePass.diagnostics.count(where: { $0.id == .csvRowShort }) == 1)
        }
    }

    @Test("maxErrors bounds the schema's errors; the records and the reader's diagnostics are all there")
    func maxErrors() throws {
        let result = try passes(
            { CITESTradeReader(options: ReadOptions(sourceName: "t.csv")) },
            schema: "csv/cites-trade-db.table-schema.json",
            Self.trade,
            name: "t.csv",
            maxErrors: 3
        )
        let schemaErrors = result.onePass.diagnostics.filter {
            $0.id.rawValue.hasPrefix("table-schema.") && $0.severity >= .error
        }
        #expect(schemaErrors.count == 3)
        #expect(result.onePass.records.count == 39)
        let alone = try readTrade(Self.trade, name: "t.csv")
        #expect(result.onePass.records == alone.records)
        let readers = result.onePass.diagnostics.filter { !$0.id.rawValue.hasPrefix("table-schema.") }
        #expect(readers == alone.diagnostics)
    }

    @Test("a header that is not trade data: the reader stops, the schema still checks every row")
    func notTrade() throws {
        let bytes = Array("Id,Year,Quantity\n1,19x5,2\n2,2020,-1\n".utf8)
        let result = try passes(
            { CITESTradeReader(options: ReadOptions(sourceName: "t.csv")) },
            schema: "csv/cites-trade-db.table-schema.json",
            bytes,
            name: "t.csv"
        )
        #expect(result.onePass.records.isEmpty)
        #expect(Set(result.onePass.diagnostics) == Set(result.twoPass.diagnostics))
        #expect(result.onePass.diagnostics.contains { $0.id == .schemaType })
        #expect(result.onePass.diagnostics.contains { $0.id == .schemaRange })
    }

    @Test("the Ramsar reader in one pass, on the sample with a broken row")
    func ramsar() throws {
        // The second site's number made not a number (the first site's summary takes two lines).
        var lines = try repositoryFile("Samples/ramsar/rsis-sites.csv").split(
            separator: UInt8(ascii: "\n"),
            omittingEmptySubsequences: false
        )
        lines[3] = [UInt8(ascii: "x")] + lines[3]
        let bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        let result = try passes(
            { RamsarRSISReader(options: ReadOptions(sourceName: "r.csv")) },
            schema: "csv/ramsar-rsis.table-schema.json",
            bytes,
            name: "r.csv"
        )
        #expect(!result.onePass.records.isEmpty)
        #expect(result.onePass.records == result.twoPass.records)
        #expect(Set(result.onePass.diagnostics) == Set(result.twoPass.diagnostics))
        #expect(result.onePass.diagnostics.contains { $0.id.rawValue.hasPrefix("table-schema.") })
    }

    @Test(
        "the annual report reader in one pass",
        .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
    )
    func annualReport() throws {
        let path = Fixtures.samplesDirectory + "/cites/sapi/annual_report_upload_importer_blanks.csv"
        let bytes = try #require(Fixtures.read(path))
        let result = try passes(
            { CITESAnnualReportReader(options: ReadOptions(sourceName: path)) },
            schema: "csv/cites-annual-report.table-schema.json",
            bytes,
            name: path
        )
        #expect(result.onePass.records == result.twoPass.records)
        #expect(Set(result.onePass.diagnostics) == Set(result.twoPass.diagnostics))
        #expect(result.onePass.diagnostics.contains { $0.id == .schemaEnum })
        let lines = result.onePass.diagnostics.compactMap(\.location?.line)
        #expect(lines == lines.sorted())
    }

    @Test("a validator of another language is declined, nothing read")
    func declined() throws {
        var events = 0
        var trade = CITESTradeReader(options: ReadOptions(sourceName: "t.csv"))
        var ramsar = RamsarRSISReader(options: ReadOptions(sourceName: "t.csv"))
        var report = CITESAnnualReportReader(options: ReadOptions(sourceName: "t.csv"))
        let other = try NotTableSchema(schemaPath: "x")
        let source = { MemoryByteSource(Self.trade, name: "t.csv") }
        #expect(
            try !trade.read(
                from: source(),
                validatingWith: other,
                maxErrors: 10,
                emit: { _ in events += 1 },
                report: { _ in events += 1 }
            )
        )
        #expect(
            try !ramsar.read(
                from: source(),
                validatingWith: other,
                maxErrors: 10,
                emit: { _ in events += 1 },
                report: { _ in events += 1 }
            )
        )
        #expect(
            try !report.read(
                from: source(),
                validatingWith: other,
                maxErrors: 10,
                emit: { _ in events += 1 },
                report: { _ in events += 1 }
            )
        )
        #expect(events == 0)
    }

    /// A bulk release of a few thousand rows (several blocks of the read-ahead) with problems spread over them: schema
    /// errors, reader warnings, short and long rows, a quoted line break, a byte that is not UTF-8 and a missing row
    /// end at the end of the input.
    static let longTrade: [UInt8] = {
        var bytes = Array(header.utf8)
        for id in 1...2600 {
            var row: String
            switch id % 211 {
            case 3: row = "\(id),19x5,IV,Aloe ferox,,Liliales,Liliaceae,Aloe,extract,3,kg,DE,ZA,,T,A,E,,,,note\n"
            case 7: row = "\(id),2019,II,Aloe ferox\n"
            case 11: row = "\(id),2019,II,Aloe ferox,,Liliales,Liliaceae,Aloe,gel,-3,kg,QQ,ZA,,T,A,,,,,\n"
            case 13: row = "\(id),2019,II,\"Aloe\nferox\",,,,,live,1,,DE,ZA,,T,W,I,,,,,extra,more\n"
            case 17: row = "\(id),2019,II,\"Aloe \"\"ferox\"\"\",,,,,live,1,,DE,ZA,,T,W,I,,,,\n"
            default:
                row = "\(id),2019,II,Python regius,Reptilia,Squamata,Pythonidae,Python,live,\(id),,US,GH,,T,C,E,,,,\n"
            }
            bytes += Array(row.utf8)
            if id == 1500 {
                bytes += Array("1500b,2019,II,Caf".utf8) + [0xE9] + Array(",,,,,live,1,,DE,ZA,,T,W,I,,,,\n".utf8)
            }
        }
        bytes += Array("9999,2019,II,Aloe ferox,,,,,live,1,,DE,ZA,,T,W,I,,,,".utf8)
        return bytes
    }()

    /// Reading ahead: tokenizing and the schema check on a thread of their own.
    @Test(
        "reading ahead gives the records and diagnostics of one thread, in order, with the same locations",
        arguments: [1000, 4]
    )
    func readAheadMatchesOneThread(maxErrors: Int) throws {
        let validator = try TableSchemaValidator(
            schemaPath: Fixtures.repositoryRoot() + "/Schemas/csv/cites-trade-db.table-schema.json"
        )
        func run(readsAhead: Bool, maxChunk: Int) throws -> (records: [Record], diagnostics: [Diagnostic]) {
            var reader = CITESTradeReader(options: ReadOptions(sourceName: "long.csv"))
            reader.readsAhead = readsAhead
            var records: [Record] = []
            var diagnostics: [Diagnostic] = []
            _ = try reader.read(
                from: MemoryByteSource(Self.longTrade, name: "long.csv", maxChunk: maxChunk),
                validatingWith: validator,
                maxErrors: maxErrors,
                emit: { records.append($0) },
                report: { diagnostics.append($0) }
            )
            return (records, diagnostics)
        }
        let one = try run(readsAhead: false, maxChunk: .max)
        #expect(one.records.count > 2500)
        #expect(one.diagnostics.contains { $0.id == .csvRowShort })
        #expect(one.diagnostics.contains { $0.id == .csvRowLong })
        #expect(one.diagnostics.contains { $0.id == .csvEncoding })
        #expect(one.diagnostics.contains { $0.id == .citesYearInvalid && $0.location?.line != nil })
        for maxChunk in [.max, 97] {
            let ahead = try run(readsAhead: true, maxChunk: maxChunk)
            #expect(ahead.records == one.records)
            #expect(ahead.diagnostics == one.diagnostics)
        }
        let schemaErrors = one.diagnostics.filter { $0.id.rawValue.hasPrefix("table-schema.") && $0.severity >= .error }
        #expect(maxErrors == 1000 ? schemaErrors.count > 10 : schemaErrors.count <= maxErrors)
    }
}
