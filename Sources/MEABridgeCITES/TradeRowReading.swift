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
    /// The text and the code of each distinct value of the code columns (terms, units, appendices, purposes,
    /// sources), found again by their bytes or their index in the schema's `enum`: a code is looked up once per
    /// distinct value.
    private var codes = InternedValues<Mapped>(columns: TradeColumn.allCases.count, limit: 16_384)
    /// The text and the country of each distinct value of the country columns.
    private var countries = InternedValues<CountryValue>(columns: TradeColumn.allCases.count, limit: 16_384)

    /// A value, trimmed, and the code it stands for (`nil` when it stands for none).
    struct Mapped {
        let text: String
        let code: String?
    }

    /// A country value, trimmed, the country it names and whether the code lists know it.
    struct CountryValue {
        let text: String
        let reference: CountryRef?
        let known: Bool
        /// Whether the value resolves to a country but is not written as a two-letter code.
        let notTwoLetters: Bool
    }

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
            texts[column.rawValue].value(bytes) { CSVText.decodeTrimmed($0) }
        }
        return value.isEmpty ? nil : value
    }

    /// The value of a column, trimmed, with its code (`map` is called once per distinct value); `nil` when the column is
    /// absent or the value empty.
    private mutating func mapped(
        _ column: TradeColumn,
        _ reader: CSVTableReader,
        _ checker: inout TableRowChecker?,
        map: (inout TradeNormaliser, String) -> String?
    ) -> Mapped? {
        guard let index = columns[column], !reader.isEmpty(index) else { return nil }
        let allowed = checker?.allowedIndex(ofColumn: index)
        let found = codes.index(column.rawValue, allowed: allowed, reader, field: index, &normaliser) {
            text,
            normaliser in Mapped(text: text, code: text.isEmpty ? nil : map(&normaliser, text))
        }
        return codes.values[found].text.isEmpty ? nil : codes.values[found]
    }

    /// The index in `countries` of the value of a country column, trimmed, with its country; `nil` when the column is
    /// absent or the value empty.
    private mutating func countryValue(
        _ column: TradeColumn,
        _ reader: CSVTableReader,
        _ checker: inout TableRowChecker?
    ) -> Int? {
        guard let index = columns[column], !reader.isEmpty(index) else { return nil }
        let allowed = checker?.allowedIndex(ofColumn: index)
        let found = countries.index(column.rawValue, allowed: allowed, reader, field: index, &normaliser) {
            text,
            normaliser in
            guard !text.isEmpty else {
                return CountryValue(text: text, reference: nil, known: false, notTwoLetters: false)
            }
            let (reference, known) = normaliser.country(text)
            let notTwoLetters = reference.map { $0.alpha2 != nil && $0.original.count != 2 } ?? false
            return CountryValue(text: text, reference: reference, known: known, notTwoLetters: notTwoLetters)
        }
        return countries.values[found].text.isEmpty ? nil : found
    }

    /// The value of a column that differs on every row (ids, permits): not cached.
    func uncachedText(_ column: TradeColumn, _ reader: CSVTableReader) -> String? {
        guard let index = columns[column], !reader.isEmpty(index) else { return nil }
        let value = reader.trimmedValue(index)
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

    /// The trading partner of an annual-report row: required, and checked like the other country columns.
    /// - Parameters:
    ///   - reader: The table reader, on the row.
    ///   - checker: The table schema's check of the row, when it is checked in the same pass.
    ///   - report: Receives the problems.
    /// - Returns: The partner, `nil` when the column is missing or empty.
    mutating func partner(
        _ reader: CSVTableReader,
        checker: inout TableRowChecker?,
        report: (Diagnostic) -> Void
    ) -> CountryRef? {
        guard let index = columns[.tradingPartner] else { return nil }
        guard !reader.isEmpty(index) else {
            missing(.tradingPartner, "trading partner", reader, report)
            return nil
        }
        return country(.tradingPartner, reader, &checker, report)
    }

    /// Reads the current row into a record (made with its id), reporting every problem; filling the caller's record
    /// saves copying it on the way out.
    /// - Parameters:
    ///   - record: The record to fill.
    ///   - reader: The table reader, on the row.
    ///   - checker: The table schema's check of the row, when it is checked in the same pass: the codes of values it
    ///     found in the schema's `enum`s are remembered by their index there.
    ///   - report: Receives the problems.
    mutating func read(
        into record: inout TradeRecord,
        _ reader: CSVTableReader,
        checker: inout TableRowChecker?,
        report: (Diagnostic) -> Void
    ) {
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

        if let mapped = mapped(.appendix, reader, &checker, map: { _, text in TradeNormaliser.appendix(text) }) {
            let value = mapped.text
            if let appendix = mapped.code {
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

        if let mapped = mapped(.term, reader, &checker, map: { $0.term($1) }) {
            let value = mapped.text
            if let code = mapped.code {
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

        if let mapped = mapped(.unit, reader, &checker, map: { $0.unit($1) }) {
            let value = mapped.text
            if let code = mapped.code {
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

        record.importer = country(.importer, reader, &checker, report)
        record.exporter = country(.exporter, reader, &checker, report)
        record.origin = country(.origin, reader, &checker, report)

        record.purpose = code(.purpose, "purpose", reader, &checker, report) { $0.purpose($1) }
        record.sourceCode = code(.source, "source", reader, &checker, report) { $0.source($1) }
        if record.sourceCode == nil { missing(.source, "source code", reader, report) }

        if let mapped = mapped(.reporterType, reader, &checker, map: { _, text in text.uppercased() }) {
            let value = mapped.text
            let upper = mapped.code ?? value.uppercased()
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

    private mutating func country(
        _ column: TradeColumn,
        _ reader: CSVTableReader,
        _ checker: inout TableRowChecker?,
        _ report: (Diagnostic) -> Void
    ) -> CountryRef? {
        guard let index = columns[column], let found = countryValue(column, reader, &checker) else { return nil }
        // Read in place: most values are known two-letter codes, and only their reference is copied out.
        if countries.values[found].known, !countries.values[found].notTwoLetters {
            return countries.values[found].reference
        }
        let country = countries.values[found]
        let (value, reference, known) = (country.text, country.reference, country.known)
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
        } else if country.notTwoLetters, let reference {
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
        _ checker: inout TableRowChecker?,
        _ report: (Diagnostic) -> Void,
        lookup: (CITESCodeLists, String) -> String?
    ) -> String? {
        let found = mapped(column, reader, &checker) { normaliser, text in
            guard let lists = normaliser.lists else { return text.uppercased() }
            return lookup(lists, text)
        }
        guard let found else { return nil }
        if let code = found.code { return code }
        let value = found.text
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

/// Values made once from the distinct values of some columns, in one list, found again by a value's bytes or by its
/// index in the schema's `enum` (which the schema check found in the same pass): a reader gets the index and reads
/// the value in place, instead of copying a value with several strings for every row.
struct InternedValues<Value> {
    /// The values, by index.
    private(set) var values: [Value] = []
    /// The index of a value by its bytes, per column.
    private var byBytes: [BytesCache<Int32>]
    /// The index of a value by its index in the column's `enum`, per column (-1: not seen yet).
    private var byAllowed: [[Int32]]
    /// The most values remembered, all columns together.
    private let limit: Int

    /// Creates an empty list.
    /// - Parameters:
    ///   - columns: The number of columns.
    ///   - limit: The most values remembered, all columns together (and by their bytes, per column).
    init(columns: Int, limit: Int) {
        self.limit = limit
        byBytes = Array(repeating: BytesCache(limit: limit), count: columns)
        byAllowed = Array(repeating: [], count: columns)
    }

    /// The index of the value of a field: found by its index in the column's `enum` or by its bytes, else made by
    /// `make` from its trimmed text and added.
    mutating func index(
        _ column: Int,
        allowed: Int?,
        _ reader: CSVTableReader,
        field: Int,
        _ normaliser: inout TradeNormaliser,
        make: (String, inout TradeNormaliser) -> Value
    ) -> Int {
        if let known = index(column, allowed: allowed) { return known }
        return reader.tokenizer.withField(field) { bytes in
            let known = index(column, bytes: bytes)
            if known >= 0 { return known }
            return insert(make(CSVText.decodeTrimmed(bytes), &normaliser), column, allowed: allowed, bytes: bytes)
        }
    }

    /// The index of a value by its index in the column's `enum`, when it was made already.
    private func index(_ column: Int, allowed: Int?) -> Int? {
        guard let allowed, allowed < byAllowed[column].count, byAllowed[column][allowed] >= 0 else { return nil }
        return Int(byAllowed[column][allowed])
    }

    /// The index of a value by its bytes, or -1 when it was not made yet.
    private func index(_ column: Int, bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let found = byBytes[column].value(bytes) else { return -1 }
        return Int(found)
    }

    /// Adds the value of bytes that ``index(_:bytes:)`` did not find.
    /// - Returns: Its index.
    private mutating func insert(
        _ value: Value,
        _ column: Int,
        allowed: Int?,
        bytes: UnsafeBufferPointer<UInt8>
    ) -> Int {
        guard values.count < limit else {
            // Full (a column of ever new values): the value is kept in one slot past the others until the next one.
            if values.count == limit { values.append(value) } else { values[limit] = value }
            return limit
        }
        values.append(value)
        let index = values.count - 1
        byBytes[column].insert(bytes, Int32(index))
        if let allowed, allowed < 65_536 {
            if allowed >= byAllowed[column].count {
                byAllowed[column] += repeatElement(-1, count: allowed + 1 - byAllowed[column].count)
            }
            byAllowed[column][allowed] = Int32(index)
        }
        return index
    }
}
