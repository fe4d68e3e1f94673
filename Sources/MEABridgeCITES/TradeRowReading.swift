import MEABridgeCSV
import MEABridgeCore
import OrderedCollections

/// Reading the rows of a trade file into `TradeRecord`s: what the annual-report and Trade Database readers share.
struct TradeRowReading {
    let columns: TradeColumns
    let header: CSVHeader
    var normaliser: TradeNormaliser
    /// Whether the annual report's required values must be present.
    let requireValues: Bool
    /// The text of recent values by column, so that repeated values (codes, taxa) are not decoded again.
    private var texts = [BytesCache<String>](repeating: BytesCache(limit: 20_000), count: TradeColumn.allCases.count)

    init(columns: TradeColumns, header: CSVHeader, normaliser: TradeNormaliser, requireValues: Bool) {
        self.columns = columns
        self.header = header
        self.normaliser = normaliser
        self.requireValues = requireValues
    }

    /// The value of a column, trimmed; `nil` when the column is absent or the value empty.
    mutating func text(_ column: TradeColumn, _ reader: CSVTableReader) -> String? {
        guard let index = columns[column], !reader.isEmpty(index) else { return nil }
        let value = reader.tokenizer.withField(index) { bytes in
            texts[column.rawValue].value(bytes) { CSVText.trimmed(CSVText.decode($0)) }
        }
        return value.isEmpty ? nil : value
    }

    /// The value of a column that differs on every row (ids, permits): not cached.
    func uncachedText(_ column: TradeColumn, _ reader: CSVTableReader) -> String? {
        guard let index = columns[column], !reader.isEmpty(index) else { return nil }
        let value = CSVText.trimmed(reader.value(index))
        return value.isEmpty ? nil : value
    }

    private static func location(_ index: Int?, _ reader: CSVTableReader) -> SourceLocation {
        index.map { reader.location($0) } ?? reader.rowLocation
    }

    private func location(_ column: TradeColumn, _ reader: CSVTableReader) -> SourceLocation {
        Self.location(columns[column], reader)
    }

    private mutating func missing(
        _ column: TradeColumn,
        _ what: String,
        _ reader: CSVTableReader,
        _ report: (Diagnostic) -> Void
    ) {
        guard requireValues, columns[column] != nil else { return }
        report(
            Diagnostic(
                id: .citesValueMissing,
                severity: .error,
                message: "row \(reader.rowNumber): the \(what) is empty; the annual report requires it",
                location: location(column, reader)
            )
        )
    }

    /// The current row as a trade record (every problem reported, the values kept as written when they cannot be
    /// normalised).
    mutating func record(id: String, _ reader: CSVTableReader, report: (Diagnostic) -> Void) -> TradeRecord {
        var record = TradeRecord(id: id)
        record.source = reader.rowLocation
        let row = reader.rowNumber

        if let index = columns[.year], !reader.isEmpty(index) {
            if let year = reader.tokenizer.withField(index, { TradeNormaliser.year($0) }) {
                record.year = year
                if !(1975...latestTradeYear).contains(year) {
                    normaliser.problem(
                        .citesYearInvalid,
                        "row \(row): year \(year) is outside 1975–\(latestTradeYear)",
                        value: String(year),
                        column: "year",
                        location: { reader.location(index) },
                        report: report
                    )
                }
            } else {
                let value = reader.value(index)
                normaliser.problem(
                    .citesYearInvalid,
                    "row \(row): year '\(CSVText.shown(value))' is not a four-digit year",
                    value: value,
                    column: "year",
                    location: { reader.location(index) },
                    report: report
                )
            }
        } else {
            missing(.year, "year", reader, report)
        }

        if let value = text(.appendix, reader) {
            if let appendix = TradeNormaliser.appendix(value) {
                record.appendix = appendix
            } else {
                record.appendix = value
                normaliser.problem(
                    .citesAppendixInvalid,
                    "row \(row): appendix '\(CSVText.shown(value))' is not I, II, III (1, 2, 3) or N",
                    value: value,
                    column: "appendix",
                    location: { [columns] in Self.location(columns[.appendix], reader) },
                    report: report
                )
            }
        } else {
            missing(.appendix, "appendix", reader, report)
        }

        record.taxon = text(.taxon, reader)
        if record.taxon == nil { missing(.taxon, "species name", reader, report) }
        record.taxonClass = text(.taxonClass, reader)
        record.taxonOrder = text(.order, reader)
        record.family = text(.family, reader)
        record.genus = text(.genus, reader)

        if let value = text(.term, reader) {
            if let code = normaliser.term(value) {
                record.term = code
            } else {
                record.term = value
                if normaliser.lists != nil {
                    normaliser.problem(
                        .citesCodeUnknown,
                        "row \(row): term '\(CSVText.shown(value))' is not a CITES term code or name",
                        value: value,
                        column: "term",
                        location: { [columns] in Self.location(columns[.term], reader) },
                        report: report
                    )
                }
            }
        } else {
            missing(.term, "term code", reader, report)
        }

        record.quantity = quantity(.quantity, reader, report)
        if record.quantity == nil, columns[.quantity] != nil, reader.isEmpty(columns[.quantity] ?? 0) {
            missing(.quantity, "quantity", reader, report)
        }
        record.importerQuantity = quantity(.importerQuantity, reader, report)
        record.exporterQuantity = quantity(.exporterQuantity, reader, report)

        if let value = text(.unit, reader) {
            if let code = normaliser.unit(value) {
                record.unit = code
            } else {
                record.unit = value
                if normaliser.lists != nil {
                    normaliser.problem(
                        .citesCodeUnknown,
                        "row \(row): unit '\(CSVText.shown(value))' is not a CITES unit code or name",
                        value: value,
                        column: "unit",
                        location: { [columns] in Self.location(columns[.unit], reader) },
                        report: report
                    )
                }
            }
        }

        record.importer = country(.importer, reader, report)
        record.exporter = country(.exporter, reader, report)
        record.origin = country(.origin, reader, report)

        record.purpose = code(.purpose, "purpose", reader, report) { $0.purpose($1) }
        record.sourceCode = code(.source, "source", reader, report) { $0.source($1) }
        if record.sourceCode == nil { missing(.source, "source code", reader, report) }

        if let value = text(.reporterType, reader) {
            let upper = value.uppercased()
            record.reporterType = upper
            if upper != "I", upper != "E" {
                normaliser.problem(
                    .citesCodeUnknown,
                    "row \(row): reporter type '\(CSVText.shown(value))' is not I (importer) or E (exporter)",
                    value: value,
                    column: "reporter type",
                    location: { [columns] in Self.location(columns[.reporterType], reader) },
                    report: report
                )
            }
        }
        record.importPermit = uncachedText(.importPermit, reader)
        record.exportPermit = uncachedText(.exportPermit, reader)
        record.originPermit = uncachedText(.originPermit, reader)
        record.ifsPermit = uncachedText(.ifsPermit, reader)

        for index in columns.others where !reader.isEmpty(index) {
            record.extras[header.names[index]] = .string(reader.value(index))
        }
        return record
    }

    private mutating func quantity(_ column: TradeColumn, _ reader: CSVTableReader, _ report: (Diagnostic) -> Void)
        -> Double?
    {
        guard let index = columns[column], !reader.isEmpty(index) else { return nil }
        let decimalComma = normaliser.decimalComma
        if let value = reader.tokenizer.withField(index, { TradeNormaliser.quantity($0, decimalComma: decimalComma) }),
            value >= 0
        {
            if value == 0, requireValues {
                normaliser.problem(
                    .citesQuantityInvalid,
                    "row \(reader.rowNumber): quantity is 0; report only quantities traded",
                    value: "0",
                    column: column.name,
                    location: { reader.location(index) },
                    report: report
                )
            }
            return value
        }
        let value = reader.value(index)
        normaliser.problem(
            .citesQuantityInvalid,
            "row \(reader.rowNumber): quantity '\(CSVText.shown(value))' is not a number",
            value: value,
            column: column.name,
            location: { reader.location(index) },
            report: report
        )
        return nil
    }

    private mutating func country(_ column: TradeColumn, _ reader: CSVTableReader, _ report: (Diagnostic) -> Void)
        -> CountryRef?
    {
        guard let index = columns[column], let value = text(column, reader) else { return nil }
        let (reference, known) = normaliser.country(value)
        if !known, normaliser.lists != nil {
            normaliser.problem(
                .citesCountryUnknown,
                "row \(reader.rowNumber): \(column.name.replacing("_", with: " ")) '\(CSVText.shown(value))' is not an "
                    + "ISO 3166-1 alpha-2 or CITES Trade Database country code",
                value: value,
                column: column.name,
                location: { reader.location(index) },
                report: report
            )
        } else if let reference, reference.alpha2 != nil, reference.original.count != 2 {
            normaliser.problem(
                .citesCountryUnknown,
                "row \(reader.rowNumber): \(column.name.replacing("_", with: " ")) '\(CSVText.shown(value))' is read as "
                    + "\(reference.alpha2 ?? ""); CITES files use two-letter codes",
                value: value,
                column: column.name,
                location: { reader.location(index) },
                report: report,
                severity: .warning
            )
        }
        return reference
    }

    private mutating func code(
        _ column: TradeColumn,
        _ what: String,
        _ reader: CSVTableReader,
        _ report: (Diagnostic) -> Void,
        lookup: (CITESCodeLists, String) -> String?
    ) -> String? {
        guard let value = text(column, reader) else { return nil }
        guard let lists = normaliser.lists else { return value.uppercased() }
        if let code = lookup(lists, value) { return code }
        normaliser.problem(
            .citesCodeUnknown,
            "row \(reader.rowNumber): \(what) '\(CSVText.shown(value))' is not a CITES \(what) code",
            value: value,
            column: what,
            location: { [columns] in Self.location(columns[column], reader) },
            report: report
        )
        return value
    }
}

/// The header of a CSV prefix, for sniffing: its compact keys.
func headerKeys(_ input: SniffInput) -> Set<String> {
    var tokenizer = CSVTokenizer(source: MemoryByteSource(input.prefix, name: input.name))
    while (try? tokenizer.nextRow(report: { _ in })) == true {
        if tokenizer.isEmptyRow { continue }
        return Set(tokenizer.fields.map { CSVText.compactKey($0) })
    }
    return []
}

/// The code lists to check against, or a warning that they are missing.
func resolveCodeLists(_ given: CITESCodeLists?, sourceName: String, report: (Diagnostic) -> Void) -> CITESCodeLists? {
    if let given { return given }
    switch CITESCodeLists.bundled {
    case .success(let lists): return lists
    case .failure(let failure):
        report(
            Diagnostic(
                id: .citesCodeListsMissing,
                severity: .warning,
                message: "the CITES code lists cannot be loaded (\(failure)); codes are read but not checked",
                location: SourceLocation(source: sourceName)
            )
        )
        return nil
    }
}
