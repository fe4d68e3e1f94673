import MEABridgeCITES
import MEABridgeCSV
import MEABridgeCore
import MEABridgeJSON
import MEABridgeTestSupport
import Testing

/// What a reader gave.
struct Read {
    var records: [Record] = []
    var diagnostics: [Diagnostic] = []

    var trades: [TradeRecord] {
        records.compactMap { if case .tradeRecord(let trade) = $0 { trade } else { nil } }
    }
    func diagnostics(_ id: DiagnosticID) -> [Diagnostic] { diagnostics.filter { $0.id == id } }
    var problems: [Diagnostic] { diagnostics.filter { $0.severity >= .warning } }
}

func read(_ reader: some RecordReader, _ bytes: [UInt8], name: String = "input.csv", maxChunk: Int = .max) throws
    -> Read
{
    var reader = reader
    var result = Read()
    try reader.read(
        from: MemoryByteSource(bytes, name: name, maxChunk: maxChunk),
        emit: { result.records.append($0) },
        report: { result.diagnostics.append($0) }
    )
    return result
}

func readAnnualReport(_ bytes: [UInt8], name: String = "report.csv") throws -> Read {
    try read(CITESAnnualReportReader(options: ReadOptions(sourceName: name)), bytes, name: name)
}

func readTrade(_ bytes: [UInt8], name: String = "trade.csv", maxChunk: Int = .max) throws -> Read {
    try read(CITESTradeReader(options: ReadOptions(sourceName: name)), bytes, name: name, maxChunk: maxChunk)
}

func repositoryFile(_ relative: String) throws -> [UInt8] {
    try #require(Fixtures.read(Fixtures.repositoryRoot() + "/" + relative), "cannot read \(relative)")
}

let englishComptabPath = "Samples/cites/comptab_2018-01-29 16_00_comma_separated.csv"
let spanishComptabPath = "Samples/cites/comptab_2018-01-29 16_05_semicolon_separated.csv"

@Suite("CITES code lists")
struct CITESCodeListTests {
    let lists: CITESCodeLists

    init() throws { lists = try CITESCodeLists.load(directory: Fixtures.repositoryRoot() + "/Schemas/csv/codes") }

    @Test("the bundled lists load from Schemas/csv/codes")
    func bundled() throws {
        let bundled = try CITESCodeLists.bundled.get()
        #expect(bundled.terms.count == lists.terms.count)
        #expect(lists.terms.count == 105)
        #expect(lists.units.count == 38)
    }

    @Test("codes and names in three languages, in any case, give the code")
    func lookups() {
        #expect(lists.term("CAV") == "CAV")
        #expect(lists.term("cav") == "CAV")
        #expect(lists.term("caviar") == "CAV")
        #expect(lists.term("Leather products (small)") == "LPS")
        #expect(lists.term("vivant") == "LIV")
        #expect(lists.term("trofeo") == "TRO")
        #expect(lists.term("COV") == nil)
        #expect(lists.unit("kg") == "KIL")
        #expect(lists.unit("cu.m") == "CUM")
        #expect(lists.unit("KIL") == "KIL")
        #expect(lists.purpose("t") == "T")
        #expect(lists.purpose("Y") == nil)
        #expect(lists.source("X") == "X")
        #expect(lists.country("fr")?.kind == .iso)
        #expect(lists.country("XX")?.kind == .nonISO)
        #expect(lists.country("ZR")?.kind == .former)
        #expect(lists.country("NA")?.name == "Namibia")
        #expect(lists.country("QQ") == nil)
    }

    @Test(
        "the party, purpose and source lists are those of citesdb's TSVs",
        .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
    )
    func derivedFromSamples() throws {
        var parties: [String: (former: String, nonISO: String)] = [:]
        var reader = CSVTableReader(source: MemoryByteSource(try sample("cites/citesdb/cites_parties.tsv")))
        let header = try #require(try reader.readHeader { _ in })
        #expect(reader.tokenizer.dialect == .tab)
        let (code, former, nonISO) = (
            header.index(of: "code") ?? 0, header.index(of: "former_code") ?? 0, header.index(of: "non_ISO_code") ?? 0
        )
        while try reader.nextRow(report: { _ in }) {
            parties[reader.value(code)] = (reader.value(former), reader.value(nonISO))
        }
        #expect(parties.count == 270)
        #expect(Set(parties.keys) == Set(lists.countries.keys))
        for (code, flags) in parties {
            let kind = lists.countries[code]?.kind
            #expect(kind == (flags.former == "TRUE" ? .former : flags.nonISO == "TRUE" ? .nonISO : .iso), "\(code)")
        }
        var codes: [String: Set<String>] = [:]
        reader = CSVTableReader(source: MemoryByteSource(try sample("cites/citesdb/cites_codes.tsv")))
        _ = try reader.readHeader { _ in }
        while try reader.nextRow(report: { _ in }) { codes[reader.value(0), default: []].insert(reader.value(1)) }
        #expect(codes["Purpose"] == Set(lists.purposes.keys))
        #expect(codes["Source"] == Set(lists.sources.keys))
    }

    @Test("the table schemas' enums are the code lists")
    func schemasMatchLists() throws {
        func enumValues(_ schema: String, _ field: String) throws -> Set<String> {
            let loaded = try TableSchema.load(path: Fixtures.repositoryRoot() + "/Schemas/csv/" + schema)
            return Set(try #require(loaded.field(named: field)?.constraints.enumValues, "\(schema) \(field)"))
        }
        let report = "cites-annual-report.table-schema.json"
        #expect(try enumValues(report, "term_code") == Set(lists.terms.keys))
        #expect(try enumValues(report, "unit_code") == Set(lists.units.keys))
        #expect(try enumValues(report, "purpose_code") == Set(lists.purposes.keys))
        #expect(try enumValues(report, "source_code") == Set(lists.sources.keys))
        #expect(try enumValues(report, "trading_partner") == Set(lists.countries.keys))
        let database = "cites-trade-db.table-schema.json"
        #expect(try enumValues(database, "Importer") == Set(lists.countries.keys))
        let termNames = Set(lists.terms.values.compactMap(\.names.first))
        #expect(try enumValues(database, "Term") == Set(lists.terms.keys).union(termNames))
        let output = "meabridge-trade.table-schema.json"
        #expect(try enumValues(output, "term") == Set(lists.terms.keys))
        #expect(try enumValues(output, "origin") == Set(lists.countries.keys))
    }
}

@Suite("cites-annual-report-csv")
struct AnnualReportTests {
    @Test(
        "importer layout: Appendix 2 is II, the partner is the exporter, rows keep their numbers",
        .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
    )
    func importerLayout() throws {
        let result = try readAnnualReport(try sample("cites/sapi/annual_report_upload_importer.csv"))
        #expect(result.problems.isEmpty, "\(result.problems.map(\.formatted))")
        let rows = result.trades
        #expect(rows.count == 2)
        let first = try #require(rows.first)
        #expect(first.id == "2")
        #expect(first.source?.path == "row 2")
        #expect(first.source?.line == 2)
        #expect(first.appendix == "II")
        #expect(first.taxon == "Acipenser baerii")
        #expect(first.term == "CAV")
        #expect(first.quantity == 6)
        #expect(first.unit == "KIL")
        #expect(first.exporter == CountryRef(alpha2: "FR"))
        #expect(first.importer == nil)
        #expect(first.reporterType == "I")
        #expect(first.exportPermit == "FR1007533178-E")
        #expect(first.ifsPermit == "FR1330592445-M")
        #expect(first.purpose == "T")
        #expect(first.sourceCode == "C")
        #expect(first.year == 2010)
        #expect(rows[1].quantity == 0.2)
        #expect(rows[1].origin == CountryRef(alpha2: "CN"))
    }

    @Test(
        "exporter layout (no import permit column): the partner is the importer",
        .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
    )
    func exporterLayout() throws {
        let result = try readAnnualReport(try sample("cites/sapi/annual_report_upload_exporter.csv"))
        #expect(result.problems.isEmpty)
        #expect(result.trades.map(\.importer) == [CountryRef(alpha2: "FR"), CountryRef(alpha2: "FR")])
        #expect(result.trades.allSatisfy { $0.reporterType == "E" && $0.exporter == nil })
    }

    @Test(
        "the CRLF template with blank rows: Appendix II, 10 rows kept, the term COV is not a CITES term",
        .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
    )
    func blanks() throws {
        let result = try readAnnualReport(try sample("cites/sapi/annual_report_upload_importer_blanks.csv"))
        #expect(result.trades.count == 10)
        #expect(result.trades.map(\.id) == (2...11).map(String.init))
        #expect(result.trades.allSatisfy { $0.appendix == "II" })
        #expect(result.trades.last?.originPermit == "10US 18890A/9")
        #expect(result.problems.count == 1)
        let problem = try #require(result.problems.first)
        #expect(problem.id == .citesCodeUnknown)
        #expect(problem.severity == .error)
        #expect(problem.message == "row 2: term 'COV' is not a CITES term code or name")
        #expect(problem.location?.line == 2)
        #expect(problem.location?.column == 21)
        #expect(problem.location?.path == "row 2, column TermCode")
    }

    @Test("every problem of a row is an error at its cell; snake_case headers work like CamelCase")
    func rowChecks() throws {
        let marked = MarkedText(
            """
            appendix,species_name,term_code,quantity,unit_code,trading_partner,country_of_origin,export_permit,purpose_code,source_code,year
            1️⃣IV,Aloe ferox,2️⃣XYZ,3️⃣two,4️⃣KGS,5️⃣QQ,6️⃣QX,P1,7️⃣Y,W,8️⃣1890
            I,9️⃣,EXT,5,KIL,ZA,,P2,T,,2019

            """
        )
        let result = try readAnnualReport(Array(marked.text.utf8))
        #expect(result.trades.count == 2)
        let expected: [(String, DiagnosticID)] = [
            ("1️⃣", .citesAppendixInvalid), ("2️⃣", .citesCodeUnknown), ("3️⃣", .citesQuantityInvalid),
            ("4️⃣", .citesCodeUnknown), ("5️⃣", .citesCountryUnknown), ("6️⃣", .citesCountryUnknown),
            ("7️⃣", .citesCodeUnknown), ("8️⃣", .citesYearInvalid), ("9️⃣", .citesValueMissing),
        ]
        for (marker, id) in expected {
            let position = try #require(marked[marker])
            let found = result.diagnostics.first {
                $0.location?.line == position.line && $0.location?.column == position.column
            }
            #expect(found?.id == id, "\(marker)")
            #expect(found?.severity == .error, "\(marker)")
        }
        // The empty source code of row 3 too.
        #expect(
            result.diagnostics.contains {
                $0.message == "row 3: the source code is empty; the annual report requires it"
            }
        )
        #expect(result.problems.count == expected.count + 1)
        // Values that cannot be normalised are kept as written.
        #expect(result.trades[0].appendix == "IV")
        #expect(result.trades[0].term == "XYZ")
        #expect(result.trades[0].importer?.original == "QQ")
        #expect(result.trades[0].year == 1890)
    }

    @Test("a header without the template's columns: each missing column is an error")
    func missingColumns() throws {
        let result = try readAnnualReport(
            Array("SpeciesName,TermCode,Quantity,TradingPartner\nAloe ferox,EXT,1,ZA\n".utf8)
        )
        let missing = result.diagnostics(.citesColumnMissing)
        #expect(
            Set(missing.map(\.message)) == [
                "the header has no appendix column, which the annual report template requires",
                "the header has no source column, which the annual report template requires",
                "the header has no year column, which the annual report template requires",
            ]
        )
    }

    @Test(
        "sniffing: the template is certain; trade files and other CSVs are not annual reports",
        .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
    )
    func sniffing() throws {
        for file in [
            "annual_report_upload_importer.csv", "annual_report_upload_exporter.csv",
            "annual_report_upload_importer_blanks.csv",
        ] {
            let input = SniffInput(prefix: try sample("cites/sapi/" + file), name: file)
            #expect(CITESAnnualReportReader.sniff(input) == .certain)
            #expect(CITESTradeReader.sniff(input) == .no)
        }
        for file in ["quotas.csv", "exemptions.csv", "reservations.csv"] {
            let input = SniffInput(prefix: try sample("cites/sapi/" + file), name: file)
            #expect(CITESAnnualReportReader.sniff(input) == .no)
            #expect(CITESTradeReader.sniff(input) == .no)
        }
    }
}

@Suite("cites-trade-csv")
struct TradeReaderTests {
    /// The rows of the English comparative tabulation sample (it follows the documented column list,
    /// convention-formats.md §3.2; no real comptab file was available).
    @Test("comparative tabulation, English, comma: names become codes, both quantities kept, CITES country codes kept")
    func englishComptab() throws {
        let result = try readTrade(try repositoryFile(englishComptabPath), name: "comptab.csv")
        #expect(result.problems.isEmpty, "\(result.problems.map(\.formatted))")
        let rows = result.trades
        #expect(rows.count == 7)
        #expect(rows.map(\.term) == ["CAV", "CAV", "TRO", "SKI", "EXT", "TIM", "LIV"])
        #expect(rows.map(\.unit) == ["KIL", "KIL", nil, nil, "KIL", "CUM", nil])
        #expect(rows[0].importerQuantity == nil && rows[0].exporterQuantity == 25.5)
        #expect(rows[3].importerQuantity == 1500 && rows[3].exporterQuantity == 1450)
        #expect(rows[3].origin == CountryRef(alpha2: "ID"))
        #expect(rows[5].exporter?.original == "XX" && rows[5].exporter?.alpha2 == nil)
        #expect(rows[6].exporter?.original == "ZZ")
        #expect(rows[6].appendix == "N")
        #expect(rows.map(\.id) == (2...8).map(String.init))
        #expect(rows[4].taxonClass == nil && rows[4].taxonOrder == "Liliales")
    }

    @Test("the Spanish, semicolon, decimal-comma, BOM tabulation gives the same records as the English one")
    func spanishComptab() throws {
        let english = try readTrade(try repositoryFile(englishComptabPath), name: "comptab.csv")
        let spanish = try readTrade(try repositoryFile(spanishComptabPath), name: "comptab.csv")
        #expect(spanish.problems.isEmpty, "\(spanish.problems.map(\.formatted))")
        #expect(spanish.records.map { $0.strippingSource() } == english.records.map { $0.strippingSource() })
        // `Origen` is the source code in Spanish, `País de origen` the country of origin.
        #expect(spanish.trades[3].sourceCode == "W" && spanish.trades[3].origin == CountryRef(alpha2: "ID"))
    }

    @Test("French headers and term names, and the older short header without class, order and genus")
    func frenchAndShortHeaders() throws {
        let french = """
            Année,Annexe,Taxon,Classe,Ordre,Famille,Genre,Importateur,Exportateur,Origine,Quantité d'Importateur,Quantité d'Exportateur,Terme,Unité,But,Source
            2016,II,Acipenser baerii,Actinopteri,Acipenseriformes,Acipenseridae,Acipenser,FR,CN,,,25.5,caviar,kg,T,C
            2017,II,Python reticulatus,Reptilia,Squamata,Pythonidae,Python,IT,SG,ID,1500,1450,peau,,T,W

            """
        let result = try readTrade(Array(french.utf8))
        #expect(result.problems.isEmpty)
        #expect(result.trades.map(\.term) == ["CAV", "SKI"])
        #expect(result.trades[1].origin == CountryRef(alpha2: "ID"))
        #expect(result.trades[1].sourceCode == "W")
        let short = """
            Year,App.,Family,Taxon,Importer,Exporter,Origin,Importer reported quantity,Exporter reported quantity,Term,Unit,Purpose,Source
            1999,I,Elephantidae,Loxodonta africana,US,ZA,,2,,tusks,,H,W

            """
        let old = try readTrade(Array(short.utf8))
        #expect(old.problems.isEmpty)
        #expect(old.trades.first?.family == "Elephantidae" && old.trades.first?.term == "TUS")
        let input = SniffInput(prefix: Array(short.utf8), name: "comptab.csv")
        #expect(CITESTradeReader.sniff(input) == .certain)
    }

    @Test(
        "bulk release: quoted fields, ids, reporter type, permit hashes; an unknown value is reported once with a count"
    )
    func bulkRelease() throws {
        let marked = MarkedText(
            """
            "Id","Year","Appendix","Taxon","Class","Order","Family","Genus","Term","Quantity","Unit","Importer","Exporter","Origin","Purpose","Source","Reporter.type","Import.permit.RandomID","Export.permit.RandomID","Origin.permit.RandomID"
            "7001","2019","II","Aloe ferox","","Liliales","Liliaceae","Aloe","extract","120.5","kg","DE","ZA","","T","A","E","","5f3a1c9e0b",""
            "7002","2019","II","Aloe ferox","","Liliales","Liliaceae","Aloe",1️⃣"gel","3","kg","DE","ZA","","T","A","E","","a1b2c3d4e5",""
            "7003","2020","II","Aloe ferox","","Liliales","Liliaceae","Aloe","gel","4","kg","FR","ZA","","T","A","I","9e8d7c6b5a","",""
            "7004","2020","II","Aloe ferox","","Liliales","Liliaceae","Aloe","gel","5","kg","NL","ZA","","T","A","I","","",""

            """
        )
        let result = try readTrade(Array(marked.text.utf8), maxChunk: 11)
        #expect(result.trades.map(\.id) == ["7001", "7002", "7003", "7004"])
        #expect(result.trades[0].term == "EXT" && result.trades[0].quantity == 120.5 && result.trades[0].unit == "KIL")
        #expect(result.trades[0].exportPermit == "5f3a1c9e0b" && result.trades[0].reporterType == "E")
        #expect(result.trades[2].importPermit == "9e8d7c6b5a")
        #expect(result.trades.dropFirst().allSatisfy { $0.term == "gel" })
        let unknown = result.diagnostics(.citesCodeUnknown)
        #expect(unknown.count == 2)
        #expect(unknown[0].severity == .warning)
        #expect(unknown[0].location?.line == marked["1️⃣"]?.line && unknown[0].location?.column == marked["1️⃣"]?.column)
        #expect(unknown[1].severity == .note)
        #expect(unknown[1].message.hasPrefix("3 rows in all: row 3: term 'gel'"))
        #expect(CITESTradeReader.sniff(SniffInput(prefix: Array(marked.text.utf8), name: "trade_db_1.csv")) == .certain)
    }

    @Test("reading ahead on a second thread gives the same records and diagnostics, in the same order")
    func readAhead() throws {
        var text = "Id,Year,Appendix,Taxon,Term,Quantity,Unit,Importer,Exporter,Origin,Purpose,Source,Reporter.type\n"
        for row in 1...9000 {
            let term = row % 1000 == 0 ? "gel\(row)" : "live"
            text += "\(row),2019,II,Python regius,\(term),\(row % 7),,US,GH,,T,C,E\n"
        }
        func events(readsAhead: Bool) throws -> [String] {
            var reader = CITESTradeReader(options: ReadOptions(sourceName: "t.csv"))
            reader.readsAhead = readsAhead
            var events: [String] = []
            try reader.read(
                from: MemoryByteSource(text, name: "t.csv", maxChunk: 4096),
                emit: { events.append("record \($0.id)") },
                report: { events.append("\($0.severity) \($0.message)") }
            )
            return events
        }
        let sequential = try events(readsAhead: false)
        let ahead = try events(readsAhead: true)
        #expect(sequential.count == 9000 + 9)
        #expect(ahead == sequential)
        // A row's diagnostics come just before its record.
        #expect(sequential.firstIndex { $0.hasPrefix("warning row 1001: term 'gel1000'") } == 999)
        #expect(sequential[1000] == "record 1000")
    }

    @Test("when emit throws while reading ahead, reading stops and the error comes out")
    func readAheadStops() throws {
        struct Stop: Error {}
        var text = "Id,Year,Appendix,Taxon,Term,Quantity,Unit,Importer,Exporter,Origin,Purpose,Source,Reporter.type\n"
        for row in 1...20_000 { text += "\(row),2019,II,Python regius,live,1,,US,GH,,T,C,E\n" }
        var reader = CITESTradeReader(options: ReadOptions(sourceName: "t.csv"))
        var emitted = 0
        #expect(throws: Stop.self) {
            try reader.read(
                from: MemoryByteSource(text, name: "t.csv"),
                emit: { _ in
                    emitted += 1
                    if emitted == 5000 { throw Stop() }
                },
                report: { _ in }
            )
        }
        #expect(emitted == 5000)
    }

    @Test("a file that is not trade data stops at its header with a fatal diagnostic")
    func notTrade() throws {
        let result = try readTrade(Array("a,b,c\n1,2,3\n".utf8))
        #expect(result.records.isEmpty)
        #expect(result.diagnostics.first?.severity == .fatal)
        #expect(result.diagnostics.first?.id == .citesColumnMissing)
    }

    @Test("the generator's rows: every one read, whatever the read size, with no problem")
    func generatedLikeRows() throws {
        var text =
            "Id,Year,Appendix,Taxon,Class,Order,Family,Genus,Term,Quantity,Unit,Importer,Exporter,Origin,Purpose,Source,Reporter.type,Import.permit.RandomID,Export.permit.RandomID,Origin.permit.RandomID\n"
        text +=
            "1000001,2017,II,\"Cattleya \"\"Señorita\"\", cv.\",\"\",\"Orchidales\",\"Orchidaceae\",\"Cattleya\",\"ivory carvings\",66615,,AU,MY,ID,N,F,I,,5605417823,\n"
        text +=
            "1000002,1977,I,\"Paphiopedilum 'Mémoire Élodie'\",\"\",\"Orchidales\",\"Orchidaceae\",\"Paphiopedilum\",\"skins\",117,\"cu.m\",SG,BR,NA,Q,A,E,7ed3b5d943,,\n"
        for maxChunk in [1, 7, .max] {
            let result = try readTrade(Array(text.utf8), maxChunk: maxChunk)
            #expect(result.problems.isEmpty)
            #expect(result.trades.map(\.taxon) == ["Cattleya \"Señorita\", cv.", "Paphiopedilum 'Mémoire Élodie'"])
            #expect(result.trades.map(\.term) == ["IVC", "SKI"])
            #expect(result.trades[1].origin == CountryRef(alpha2: "NA"))
        }
    }
}
