public import MEABridgeCSV
public import MEABridgeCore

/// Reads a CITES annual trade report upload file, the CSV template Parties submit (convention-formats.md §3.3),
/// into trade records, checking every row before submission.
///
/// The template's columns are `appendix, species_name, term_code, quantity, unit_code, trading_partner,
/// country_of_origin, import_permit, export_permit, origin_permit, ifs_permit, purpose_code, source_code, year`; the
/// exporter layout has no `import_permit`. Headers are matched ignoring case and punctuation (`SpeciesName`,
/// `species_name`), and the column names of the Excel template saved as CSV are understood too (`App.`, `Species`,
/// `Number of export permit or re-export cerificate`, with its typo).
///
/// In the importer layout the trading partner is the exporter and the rows are reported by the importer (`I`); in
/// the exporter layout the partner is the importer (`E`). The appendix may be written `2` or `II`. Each row is
/// checked against the CITES code lists (term, unit, purpose and source codes; two-letter country codes including
/// the CITES non-ISO and former codes), and every problem is an error at its row and column. Every row is kept,
/// with its row number as id and in its source location; rows of separators only are skipped.
public struct CITESAnnualReportReader: RecordReader {
    /// `cites-annual-report-csv`.
    public static let format = FormatDescriptor(
        id: "cites-annual-report-csv",
        summary: "CITES annual trade report upload (importer and exporter layouts), checked against the CITES code "
            + "lists, into trade records",
        fileExtensions: ["csv"]
    )

    /// The table schema of the template.
    public static var defaultSchema: String? { "csv/cites-annual-report.table-schema.json" }

    /// Column names of the CSV template and of the Excel template, by canonical column.
    static let aliases: [TradeColumn: [String]] = [
        .appendix: ["appendix", "App."],
        .taxon: ["species_name", "Species"],
        .term: ["term_code"],
        .quantity: ["quantity"],
        .unit: ["unit_code", "Unit"],
        .tradingPartner: [
            "trading_partner", "Country of export or re-export / Country of destination",
            "Country of export or re-export", "Country of destination",
        ],
        .origin: ["country_of_origin", "Country of origin of re-exports"],
        .importPermit: ["import_permit", "Number of import permit"],
        .exportPermit: [
            "export_permit", "Number of export permit or re-export cerificate",
            "Number of export permit or re-export certificate",
        ],
        .originPermit: ["origin_permit", "Number of country of origin permit"],
        .ifsPermit: ["ifs_permit"],
        .purpose: ["purpose_code", "Purpose"],
        .source: ["source_code", "Source"],
        .year: ["year"],
    ]

    /// The columns the template requires.
    static let required: [TradeColumn] = [.appendix, .taxon, .term, .quantity, .tradingPartner, .source, .year]

    private let options: ReadOptions
    /// The code lists to check against; the bundled ones (`Schemas/csv/codes`) when `nil`.
    public var codeLists: CITESCodeLists?

    /// Creates a reader.
    /// - Parameter options: The read options.
    public init(options: ReadOptions) { self.options = options }

    /// Recognises the template's header: species name, term code and trading partner columns.
    /// - Parameter input: The first bytes and the name.
    /// - Returns: The confidence.
    public static func sniff(_ input: SniffInput) -> SniffConfidence {
        let keys = headerKeys(input)
        func has(_ column: TradeColumn) -> Bool {
            aliases[column, default: []].contains { keys.contains(CSVText.compactKey($0)) }
        }
        let found = [TradeColumn.taxon, .term, .tradingPartner, .purpose, .source].filter(has).count
        if keys.contains("termcode"), keys.contains("tradingpartner") || keys.contains("speciesname") {
            return .certain
        }
        return found >= 4 ? .likely : .no
    }

    /// Reads and checks every row (against the code lists, and the table schema when there is one).
    /// - Parameters:
    ///   - source: The CSV bytes.
    ///   - check: The table schema checked in the same pass, or `nil`.
    ///   - emit: Receives each trade record.
    ///   - report: Receives every problem.
    /// - Throws: `IOFailure` when reading fails, or what `emit` throws.
    public mutating func read(
        from source: some ByteSource,
        checking check: TableSchemaCheck?,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws {
        var reader = CSVTableReader(
            source: source,
            name: options.sourceName,
            dialect: options.delimiter.map(CSVDialect.init)
        )
        guard let header = try reader.readHeader(report: report) else { return }
        var checker = check?.checker(header: header, reader: reader, report: report)
        let columns = TradeColumns(header: header, aliases: Self.aliases)
        for column in Self.required where columns[column] == nil {
            report(
                Diagnostic(
                    id: .citesColumnMissing,
                    severity: .error,
                    message: "the header has no \(column.name) column, which the annual report template requires",
                    location: reader.rowLocation
                )
            )
        }
        for index in columns.others {
            report(
                Diagnostic(
                    id: .citesColumnUnknown,
                    severity: .warning,
                    message: "column '\(header.names[index])' is not in the annual report template; its values go to "
                        + "the extras",
                    location: reader.tokenizer.location(ofField: index, name: header.names[index])
                )
            )
        }
        let importerLayout = columns[.importPermit] != nil
        let lists = resolveCodeLists(codeLists, sourceName: options.sourceName, report: report)
        var rows = TradeRowReading(
            columns: columns,
            header: header,
            normaliser: TradeNormaliser(
                lists: lists,
                everyOccurrence: true,
                severity: .error,
                decimalComma: reader.tokenizer.dialect == .semicolon
            ),
            requireValues: true
        )
        while try reader.nextRow(checking: &checker, report: report) {
            var record = TradeRecord(id: String(reader.rowNumber))
            rows.read(into: &record, reader, checker: &checker, report: report)
            let partner = rows.partner(reader, checker: &checker, report: report)
            if importerLayout {
                record.exporter = partner
                record.reporterType = "I"
            } else {
                record.importer = partner
                record.reporterType = "E"
            }
            try emit(.tradeRecord(record))
        }
    }
}

extension CITESAnnualReportReader: TableSchemaCheckingReader {}
