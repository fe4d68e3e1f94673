public import MEABridgeCSV
public import MEABridgeCore

/// Reads CITES Trade Database exports into trade records (convention-formats.md §3.2).
///
/// It reads:
///
/// - the bulk release (`trade_db_<n>.csv`: `Id, Year, Appendix, Taxon, Class, Order, Family, Genus, Term, Quantity,
///   Unit, Importer, Exporter, Origin, Purpose, Source, Reporter.type, Import.permit.RandomID, …`);
/// - the comparative tabulation of trade.cites.org (`Year, App., Taxon, Class, Order, Family, Genus, Importer,
///   Exporter, Origin, Importer reported quantity, Exporter reported quantity, Term, Unit, Purpose, Source`),
///   comma- or semicolon-separated (a decimal comma is read in semicolon files), with English, Spanish (`Año`,
///   `Apéndice`, `Cantidad de Importador`, `País de origen` and `Origen` for the source) or French headers (`Année`,
///   `Annexe`, `Quantité d'Importateur`), and the older short header without class, order and genus;
/// - the normalised CSV that the `csv` writer produces.
///
/// Columns are found by name (case, spaces and punctuation ignored), whatever their order. Term and unit names (in
/// English, French or Spanish) become codes (`caviar` → `CAV`, `kg` → `KIL`), appendices Roman numerals, countries
/// stay two-letter CITES codes. A value that is not in the CITES code lists is kept as written and reported once,
/// on its first row, with a count of all its rows at the end; nothing is dropped. Other columns go to the extras.
/// Comparative-tabulation rows, which have no id, get their row number as id.
public struct CITESTradeReader: RecordReader {
    /// `cites-trade-csv`.
    public static let format = FormatDescriptor(
        id: "cites-trade-csv",
        summary: "CITES Trade Database bulk release and comparative tabulations (comma or semicolon; English, "
            + "Spanish or French headers) into trade records",
        fileExtensions: ["csv"]
    )

    /// The table schema of the bulk release.
    public static var defaultSchema: String? { "csv/cites-trade-db.table-schema.json" }

    /// Column names in every layout and language, by canonical column.
    static let aliases: [TradeColumn: [String]] = [
        .id: ["Id"],
        .year: ["Year", "Año", "Année"],
        .appendix: ["Appendix", "App.", "Apéndice", "Annexe"],
        .taxon: ["Taxon", "Taxón"],
        .taxonClass: ["Class", "Clase", "Classe"],
        .order: ["Order", "Orden", "Ordre"],
        .family: ["Family", "Familia", "Famille"],
        .genus: ["Genus", "Género", "Genre"],
        .term: ["Term", "Término", "Terme"],
        .quantity: ["Quantity", "Cantidad", "Quantité"],
        .unit: ["Unit", "Unidad", "Unité"],
        .importerQuantity: [
            "Importer reported quantity", "Cantidad de Importador", "Quantité d'Importateur", "importer_quantity",
        ],
        .exporterQuantity: [
            "Exporter reported quantity", "Cantidad de Exportador", "Quantité d'Exportateur", "exporter_quantity",
        ],
        .importer: ["Importer", "Importador", "Importateur"],
        .exporter: ["Exporter", "Exportador", "Exportateur"],
        .origin: ["Origin", "País de origen", "Origine", "Country of origin"],
        .purpose: ["Purpose", "Objetivo", "But"],
        .source: ["Source", "Origen"],
        .reporterType: ["Reporter.type", "Reporter Type", "reporter_type"],
        .importPermit: ["Import.permit.RandomID", "Import Permit", "import_permit"],
        .exportPermit: ["Export.permit.RandomID", "Export Permit", "export_permit"],
        .originPermit: ["Origin.permit.RandomID", "Origin Permit", "origin_permit"],
        .ifsPermit: ["IFS Permit", "ifs_permit"],
    ]

    /// The columns without which a file is not trade data.
    static let essential: [TradeColumn] = [.year, .taxon, .importer, .exporter, .term]

    private let options: ReadOptions
    /// The code lists to check against; the bundled ones (`Schemas/csv/codes`) when `nil`.
    public var codeLists: CITESCodeLists?
    /// Whether rows are read ahead on a second thread while the caller handles the records already read (the
    /// default); records and diagnostics arrive in the same order either way.
    public var readsAhead = true

    /// Creates a reader.
    /// - Parameter options: The read options (`sourceName` names the input in locations).
    public init(options: ReadOptions) { self.options = options }

    /// Recognises the header of a bulk release (with `Reporter.type`) or of a comparative tabulation (with the
    /// importer- and exporter-reported quantities), in any of the three languages; the older short header is likely.
    /// - Parameter input: The first bytes and the name.
    /// - Returns: The confidence.
    public static func sniff(_ input: SniffInput) -> SniffConfidence {
        let keys = headerKeys(input)
        func has(_ column: TradeColumn) -> Bool {
            aliases[column, default: []].contains { keys.contains(CSVText.compactKey($0)) }
        }
        guard essential.filter(has).count >= 4 else { return .no }
        if has(.reporterType) || has(.importerQuantity) || has(.exporterQuantity) { return .certain }
        return has(.quantity) ? .likely : .possible
    }

    /// Reads every row.
    /// - Parameters:
    ///   - source: The CSV bytes.
    ///   - check: The table schema checked in the same pass, or `nil`.
    ///   - emit: Receives each trade record.
    ///   - report: Receives problems.
    /// - Throws: `IOFailure` when reading fails, or what `emit` throws.
    public mutating func read(
        from source: some ByteSource,
        checking check: TableSchemaCheck?,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws {
        guard readsAhead else {
            try readRows(from: source, checking: check, emit: { record in try emit(record) }, report: report)
            return
        }
        // Three threads: one tokenizes and checks the rows against the schema, a second reads them into records,
        // and the caller's handles the records.
        let work = Handoff((reader: self, source: source as any ByteSource))
        try Pipeline.run(
            batchSize: 2048,
            produce: { (handOn: (consuming ReadEvent) throws -> Void) in
                let (reader, source) = work.value
                try reader.readRowsAhead(
                    from: source,
                    checking: check,
                    emit: { (record: consuming Record) in try handOn(.record(consume record)) },
                    report: { diagnostic in try? handOn(.diagnostic(diagnostic)) }
                )
            },
            consume: { event in
                switch event {
                case .record(let record): try emit(record)
                case .diagnostic(let diagnostic): report(diagnostic)
                }
            }
        )
    }

    /// What the reading thread hands on, in order: records and the diagnostics between them.
    private enum ReadEvent: Sendable {
        case record(Record)
        indirect case diagnostic(Diagnostic)
    }

    /// Reads the rows on this thread.
    private func readRows(
        from source: some ByteSource,
        checking check: TableSchemaCheck?,
        emit: (consuming Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws {
        var reader = CSVTableReader(
            source: source,
            name: options.sourceName,
            dialect: options.delimiter.map(CSVDialect.init)
        )
        guard let header = try reader.readHeader(report: report) else { return }
        var checker = check?.checker(header: header, reader: reader, report: report)
        guard var rows = startRows(header: header, reader: reader, report: report) else {
            // Not trade data: no records, but the schema still checks every row.
            while checker != nil, try reader.nextRow(checking: &checker, report: report) {}
            return
        }
        while try reader.nextRow(checking: &checker, report: report) {
            try emit(rows.record(reader, checker: &checker, report: report))
        }
        rows.finish(report: report)
    }

    /// Reads the rows with the tokenizing and the schema check on a thread of their own
    /// (`CSVTableReader.readAhead`), the same rows and diagnostics in the same order as ``readRows``.
    private func readRowsAhead(
        from source: any ByteSource,
        checking check: TableSchemaCheck?,
        emit: (consuming Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws {
        struct NotTradeData: Error {}
        var replay: CSVTableReplay?
        var rows: TradeRows?
        do {
            try CSVTableReader.readAhead(
                source: source,
                name: options.sourceName,
                dialect: options.delimiter.map(CSVDialect.init),
                checking: check
            ) { event in
                switch event {
                case .header(let read):
                    read.diagnostics.forEach(report)
                    guard let header = read.header else { return }
                    rows = startRows(header: header, reader: read.replay.reader, report: report)
                    replay = read.replay
                    if rows == nil, read.replay.checker == nil { throw NotTradeData() }
                case .rows(let block):
                    try replay?.forEachRow(of: block, report: report) { reader, checker in
                        if let record = rows?.record(reader, checker: &checker, report: report) { try emit(record) }
                    }
                }
            }
        } catch is NotTradeData {
            return
        }
        rows?.finish(report: report)
    }

    /// Matches the header to the trade columns, reporting those missing and those unknown.
    /// - Returns: How to read the rows, or `nil` when the file is not trade data (a fatal diagnostic was reported).
    private func startRows(header: CSVHeader, reader: CSVTableReader, report: (Diagnostic) -> Void) -> TradeRows? {
        let columns = TradeColumns(header: header, aliases: Self.aliases)
        let missing = Self.essential.filter { columns[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map(\.name).joined(separator: ", ")
            report(
                Diagnostic(
                    id: .citesColumnMissing,
                    severity: missing.count > 2 ? .fatal : .error,
                    message: "the header has no \(names) column\(missing.count == 1 ? "" : "s") of a CITES trade file",
                    location: reader.rowLocation
                )
            )
            if missing.count > 2 { return nil }
        }
        for index in columns.others {
            report(
                Diagnostic(
                    id: .citesColumnUnknown,
                    severity: .note,
                    message:
                        "column '\(header.names[index])' is not a Trade Database column; its values go to the extras",
                    location: reader.tokenizer.location(ofField: index, name: header.names[index])
                )
            )
        }
        let lists = resolveCodeLists(codeLists, sourceName: options.sourceName, report: report)
        return TradeRows(
            rows: TradeRowReading(
                columns: columns,
                header: header,
                normaliser: TradeNormaliser(
                    lists: lists,
                    everyOccurrence: false,
                    severity: .warning,
                    decimalComma: reader.tokenizer.dialect == .semicolon
                ),
                requireValues: false
            ),
            idColumn: columns[.id]
        )
    }
}

/// Reading the rows of a Trade Database file once its header is known.
private struct TradeRows {
    var rows: TradeRowReading
    let idColumn: Int?

    /// The record of the reader's current row.
    mutating func record(
        _ reader: CSVTableReader,
        checker: inout TableRowChecker?,
        report: (Diagnostic) -> Void
    ) -> Record {
        var id: String
        if let idColumn, !reader.isEmpty(idColumn) {
            id = reader.trimmedValue(idColumn)
        } else {
            id = String(reader.rowNumber)
        }
        if id.isEmpty { id = String(reader.rowNumber) }
        var record = TradeRecord(id: id)
        rows.read(into: &record, reader, checker: &checker, report: report)
        return .tradeRecord(consume record)
    }

    mutating func finish(report: (Diagnostic) -> Void) {
        rows.normaliser.finish(report: report)
    }
}

extension CITESTradeReader: TableSchemaCheckingReader {}
