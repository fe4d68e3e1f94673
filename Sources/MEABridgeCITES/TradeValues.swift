import MEABridgeCSV
import MEABridgeCore

/// The columns of CITES trade files, whatever their layout and language.
enum TradeColumn: Int, CaseIterable, Hashable {
    case id, year, appendix, taxon, taxonClass, order, family, genus, term, quantity, unit
    case importerQuantity, exporterQuantity, importer, exporter, origin, purpose, source, reporterType
    case importPermit, exportPermit, originPermit, ifsPermit, tradingPartner

    /// The canonical name (the header of the `csv` writer).
    var name: String {
        switch self {
        case .id: "id"
        case .year: "year"
        case .appendix: "appendix"
        case .taxon: "taxon"
        case .taxonClass: "class"
        case .order: "order"
        case .family: "family"
        case .genus: "genus"
        case .term: "term"
        case .quantity: "quantity"
        case .unit: "unit"
        case .importerQuantity: "importer_quantity"
        case .exporterQuantity: "exporter_quantity"
        case .importer: "importer"
        case .exporter: "exporter"
        case .origin: "origin"
        case .purpose: "purpose"
        case .source: "source"
        case .reporterType: "reporter_type"
        case .importPermit: "import_permit"
        case .exportPermit: "export_permit"
        case .originPermit: "origin_permit"
        case .ifsPermit: "ifs_permit"
        case .tradingPartner: "trading_partner"
        }
    }
}

/// Finds each trade column in a header by its names (compared by ``CSVText/compactKey(_:)``: case, spaces and
/// punctuation ignored).
struct TradeColumns {
    /// The header index of each column (by `TradeColumn.rawValue`), -1 when absent.
    private var indexes = [Int](repeating: -1, count: TradeColumn.allCases.count)
    /// Header columns that are not trade columns (kept in the extras).
    private(set) var others: [Int] = []

    init(header: CSVHeader, aliases: [TradeColumn: [String]]) {
        var byKey: [String: TradeColumn] = [:]
        for (column, names) in aliases {
            for name in names { byKey[CSVText.compactKey(name)] = column }
        }
        for index in 0..<header.namedCount {
            let key = header.compactKeys[index]
            if let column = byKey[key], indexes[column.rawValue] < 0 {
                indexes[column.rawValue] = index
            } else if !key.isEmpty {
                others.append(index)
            }
        }
    }

    subscript(column: TradeColumn) -> Int? {
        let index = indexes[column.rawValue]
        return index < 0 ? nil : index
    }
}

/// Checks and normalises the values of trade rows against the CITES code lists, and reports problems: every
/// occurrence (annual reports, checked before submission), or the first row of each distinct bad value with a count
/// at the end (Trade Database releases of millions of rows).
struct TradeNormaliser {
    let lists: CITESCodeLists?
    let everyOccurrence: Bool
    let severity: Severity
    /// Semicolon files come from locales that write `0,5`.
    let decimalComma: Bool

    private var counts: [String: Int] = [:]
    private var firstLocations: [String: (message: String, location: SourceLocation?, id: DiagnosticID)] = [:]
    private var countries: [String: (CountryRef?, known: Bool)] = [:]
    private var terms: [String: String?] = [:]
    private var units: [String: String?] = [:]

    init(lists: CITESCodeLists?, everyOccurrence: Bool, severity: Severity, decimalComma: Bool) {
        self.lists = lists
        self.everyOccurrence = everyOccurrence
        self.severity = severity
        self.decimalComma = decimalComma
    }

    /// Reports a problem with a value (or counts it when the same value was reported before).
    mutating func problem(
        _ id: DiagnosticID,
        _ message: String,
        value: String,
        column: String,
        location: () -> SourceLocation,
        report: (Diagnostic) -> Void,
        severity: Severity? = nil
    ) {
        if everyOccurrence {
            report(Diagnostic(id: id, severity: severity ?? self.severity, message: message, location: location()))
            return
        }
        let key = column + "\u{0}" + value
        if let count = counts[key] {
            counts[key] = count + 1
            return
        }
        guard counts.count < 10_000 else { return }
        counts[key] = 1
        let at = location()
        firstLocations[key] = (message, at, id)
        report(
            Diagnostic(
                id: id,
                severity: severity ?? self.severity,
                message: message + " (later rows with this value are counted, not reported)",
                location: at
            )
        )
    }

    /// Reports how many rows had each value reported once.
    func finish(report: (Diagnostic) -> Void) {
        for (key, count) in counts.sorted(by: { $0.key < $1.key }) where count > 1 {
            guard let first = firstLocations[key] else { continue }
            report(
                Diagnostic(
                    id: first.id,
                    severity: .note,
                    message: "\(count) rows in all: \(first.message)",
                    location: first.location
                )
            )
        }
    }

    // MARK: Values

    /// `I`, `II`, `III` or `N` from a Roman numeral or digit in any case.
    static func appendix(_ text: String) -> String? {
        switch CSVText.trimmed(text).uppercased() {
        case "I", "1": "I"
        case "II", "2": "II"
        case "III", "3": "III"
        case "N": "N"
        default: nil
        }
    }

    /// A decimal number: digits with an optional fraction (`.`, or `,` in semicolon files) and exponent.
    static func quantity(_ bytes: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> Double? {
        // Fast path: `digits[.digits]`, exact for up to 15 significant digits.
        var mantissa: Int64 = 0
        var digits = 0
        var fraction = -1
        var index = 0
        var simple = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30, byte <= 0x39 {
                mantissa = mantissa &* 10 &+ Int64(byte &- 0x30)
                digits += 1
                if fraction >= 0 { fraction += 1 }
            } else if byte == UInt8(ascii: ".") || (decimalComma && byte == UInt8(ascii: ",")), fraction < 0 {
                fraction = 0
            } else {
                simple = false
                break
            }
            index += 1
        }
        if simple, digits > 0, digits <= 15 {
            let scale = max(fraction, 0)
            if scale == 0 { return Double(mantissa) }
            if scale <= 22 { return Double(mantissa) / Self.powersOfTen[scale] }
        }
        var text = CSVText.decodeTrimmed(bytes)
        if decimalComma, !text.contains("."), text.filter({ $0 == "," }).count == 1 {
            text = text.replacing(",", with: ".")
        }
        guard !text.isEmpty, text.first != "+", text.first != "-" || text.count > 1,
            text.allSatisfy({ $0.isASCII && ($0.isNumber || ".eE+-".contains($0)) }), let value = Double(text),
            value.isFinite
        else { return nil }
        return value
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// A four-digit year.
    static func year(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count == 4 else {
            let text = CSVText.decodeTrimmed(bytes)
            guard text.utf8.count == 4 else { return nil }
            return Int(text)
        }
        var value = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// A country code checked against the Trade Database's list; unknown codes are kept unresolved.
    mutating func country(_ text: String) -> (CountryRef?, known: Bool) {
        if let cached = countries[text] { return cached }
        let trimmed = CSVText.trimmed(text)
        var reference: CountryRef?
        if let entry = lists?.country(trimmed) {
            reference = CountryRef(alpha2: entry.code)
        } else {
            reference = CountryRef(parsing: trimmed)
        }
        let result = (reference, known: reference.map { isKnown($0) } ?? false)
        if countries.count < 4096 { countries[text] = result }
        return result
    }

    private func isKnown(_ country: CountryRef) -> Bool {
        guard let lists else { return true }
        return lists.country(country.alpha2 ?? country.original) != nil
    }

    /// The term code for a code or a name; `nil` when unknown.
    mutating func term(_ text: String) -> String? {
        if let cached = terms[text] { return cached }
        let code = lists?.term(CSVText.trimmed(text))
        if terms.count < 4096 { terms[text] = code }
        return code
    }

    /// The unit code for a code or a name; `nil` when unknown.
    mutating func unit(_ text: String) -> String? {
        if let cached = units[text] { return cached }
        let code = lists?.unit(CSVText.trimmed(text))
        if units.count < 4096 { units[text] = code }
        return code
    }
}

/// Values computed from a field's bytes, remembered by those bytes (a ``ByteKeyIndex``), up to a limit.
struct BytesCache<Value> {
    private var index = ByteKeyIndex()
    private var values: [Value] = []
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// The value remembered for `bytes`, if any.
    func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        let found = index.index(of: bytes)
        return found < 0 ? nil : values[found]
    }

    /// Remembers the value for `bytes` (not looked up before), unless the limit is reached.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ value: Value) {
        guard values.count < limit else { return }
        index.insert(bytes)
        values.append(value)
    }

    /// The value for `bytes`, computed by `make` the first time.
    mutating func value(_ bytes: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
        if let value = value(bytes) { return value }
        let value = make(bytes)
        insert(bytes, value)
        return value
    }
}

/// The latest plausible year of trade: next year, from the system clock.
let latestTradeYear: Int = {
    #if canImport(Glibc)
        let now = time(nil)
        return 1970 + Int(now / 31_556_952) + 1
    #else
        return 2100
    #endif
}()

#if canImport(Glibc)
    import Glibc
#endif
