public import MEABridgeCore

/// The header row of a CSV table: column names as found, and keys to find columns by.
///
/// Names are trimmed of spaces, NBSP and a stray byte order mark (`Internal Notes ` is `Internal Notes`). Lookups
/// ignore case and runs of white space; ``index(compact:)`` also ignores punctuation (`SpeciesName`,
/// `species_name`). Trailing columns with an empty name, as spreadsheets export, are not named columns: values under
/// them must be empty.
public struct CSVHeader: Sendable, Hashable {
    /// The column names, trimmed.
    public let names: [String]
    /// The lookup key of each column (``CSVText/headerKey(_:)``).
    public let keys: [String]
    /// The compact key of each column (``CSVText/compactKey(_:)``).
    public let compactKeys: [String]
    /// The number of columns up to the last one with a name.
    public let namedCount: Int

    /// Creates a header from the cells of the first row.
    /// - Parameter cells: The header cells as read.
    public init(_ cells: [String]) {
        names = cells.map { CSVText.trimmed($0) }
        keys = cells.map { CSVText.headerKey($0) }
        compactKeys = cells.map { CSVText.compactKey($0) }
        namedCount = (names.lastIndex { !$0.isEmpty } ?? -1) + 1
    }

    /// The first column whose name matches, ignoring case and surrounding white space.
    /// - Parameter name: The name to look for.
    /// - Returns: The 0-based column index, or `nil`.
    public func index(of name: String) -> Int? {
        let key = CSVText.headerKey(name)
        return keys.firstIndex(of: key)
    }

    /// The first column whose name matches one of `names`, ignoring case, white space and punctuation.
    /// - Parameter names: The names to look for, in order of preference.
    /// - Returns: The 0-based column index, or `nil`.
    public func index(compact names: [String]) -> Int? {
        for name in names {
            let key = CSVText.compactKey(name)
            if let index = compactKeys.firstIndex(of: key) { return index }
        }
        return nil
    }

    /// The name of a column for messages (`column 14` when it has none).
    /// - Parameter index: The 0-based column index.
    /// - Returns: The name.
    public func displayName(_ index: Int) -> String {
        index < names.count && !names[index].isEmpty ? names[index] : "column \(index + 1)"
    }
}

/// Reads a CSV table: the header, then the data rows, with the checks every CSV input needs.
///
/// Blank lines and rows of separators only are skipped. A row with fewer fields than the named columns, or with
/// values past them (a value holding an unquoted separator spills into the next columns), is reported with its row
/// and column and skipped: reading goes on with the next row. Bytes that are not UTF-8 are reported once and read
/// as Windows-1252.
public struct CSVTableReader {
    /// The tokenizer underneath (its row is the current row).
    public private(set) var tokenizer: CSVTokenizer
    /// The header, once read.
    public private(set) var header: CSVHeader?
    private var encodingReported = false
    private var headerRead = false

    /// Creates a table reader.
    /// - Parameters:
    ///   - source: The input bytes.
    ///   - name: The name used in locations (the source's own name when `nil`).
    ///   - dialect: The dialect, or `nil` to sniff it.
    ///   - limits: The limits on row size.
    public init(
        source: some ByteSource,
        name: String? = nil,
        dialect: CSVDialect? = nil,
        limits: CSVLimits = CSVLimits()
    ) {
        tokenizer = CSVTokenizer(source: source, name: name, dialect: dialect, limits: limits)
    }

    /// Reads the header: the first row that is not blank.
    /// - Parameter report: Receives problems (no header, duplicate names, names with spaces around them).
    /// - Returns: The header, or `nil` for an input without rows.
    /// - Throws: `IOFailure` when reading fails.
    public mutating func readHeader(report: (Diagnostic) -> Void) throws(IOFailure) -> CSVHeader? {
        headerRead = true
        while try tokenizer.nextRow(report: report) {
            if tokenizer.isEmptyRow { continue }
            checkEncoding(report: report)
            let cells = tokenizer.fields
            let header = CSVHeader(cells)
            var seen: [String: Int] = [:]
            for (index, key) in header.keys.enumerated() where !key.isEmpty {
                if let first = seen[key] {
                    report(
                        Diagnostic(
                            id: .csvDuplicateHeader,
                            severity: .warning,
                            message: "column \(index + 1) is named '\(header.names[index])' like column \(first + 1); "
                                + "only the first is used",
                            location: tokenizer.location(ofField: index, name: header.names[index])
                        )
                    )
                } else {
                    seen[key] = index
                }
                if cells[index] != header.names[index] {
                    report(
                        Diagnostic(
                            id: .csvHeaderSpaces,
                            severity: .note,
                            message: "header '\(CSVText.shown(cells[index]))' has spaces or NBSP around its name; it "
                                + "is read as '\(header.names[index])'",
                            location: tokenizer.location(ofField: index, name: header.names[index])
                        )
                    )
                }
            }
            self.header = header
            return header
        }
        report(
            Diagnostic(
                id: .csvNoHeader,
                severity: .error,
                message: "the input has no rows; a header row naming the columns is expected",
                location: SourceLocation(source: tokenizer.sourceName, line: 1, column: 1)
            )
        )
        return nil
    }

    /// Moves to the next data row that is well formed, reporting and skipping malformed ones.
    /// - Parameter report: Receives the problems.
    /// - Returns: `false` at the end of the input.
    /// - Throws: `IOFailure` when reading fails.
    public mutating func nextRow(report: (Diagnostic) -> Void) throws(IOFailure) -> Bool {
        if header == nil, !headerRead {
            guard try readHeader(report: report) != nil else { return false }
        }
        guard let header else { return false }
        while try tokenizer.nextRow(report: report) {
            if tokenizer.isEmptyRow { continue }
            checkEncoding(report: report)
            let count = tokenizer.fieldCount
            if count < header.namedCount {
                reportShortRow(header: header, report: report)
                continue
            }
            if count > header.namedCount,
                let firstExtra = (header.namedCount..<count).first(where: { !tokenizer.fieldIsEmpty($0) })
            {
                reportLongRow(header: header, firstExtra: firstExtra, report: report)
                continue
            }
            return true
        }
        return false
    }

    /// A reader whose rows are loaded from blocks (``load(_:row:)``), positioned nowhere yet.
    init(replaying header: CSVHeader?, name: String, dialect: CSVDialect) {
        tokenizer = CSVTokenizer(replaying: name, dialect: dialect)
        self.header = header
        headerRead = true
        encodingReported = true
    }

    /// Makes a row of a block the current row.
    mutating func load(_ block: CSVRowBlock, row: Int) {
        tokenizer.load(block, row: row)
    }

    /// The number of fields of the current row.
    public var fieldCount: Int { tokenizer.fieldCount }

    /// The current row's number (row 1 is the header in most files).
    public var rowNumber: Int { tokenizer.rowNumber }

    /// The value of a column in the current row, as text; `""` for a column the row does not have.
    /// - Parameter column: The 0-based column index.
    /// - Returns: The value.
    public func value(_ column: Int) -> String {
        column < tokenizer.fieldCount ? tokenizer.field(column) : ""
    }

    /// The value of a column in the current row, as text without white space around it (``CSVText/trimmed(_:)``);
    /// `""` for a column the row does not have.
    /// - Parameter column: The 0-based column index.
    /// - Returns: The value.
    public func trimmedValue(_ column: Int) -> String {
        column < tokenizer.fieldCount ? tokenizer.withField(column) { CSVText.decodeTrimmed($0) } : ""
    }

    /// Whether a column of the current row is empty (or missing).
    /// - Parameter column: The 0-based column index.
    /// - Returns: `true` when empty.
    public func isEmpty(_ column: Int) -> Bool {
        column >= tokenizer.fieldCount || tokenizer.fieldIsEmpty(column)
    }

    /// Where a column of the current row is, with `row N, column NAME` as its path.
    /// - Parameter column: The 0-based column index.
    /// - Returns: The location.
    public func location(_ column: Int) -> SourceLocation {
        let name = header?.displayName(column)
        if column < tokenizer.fieldCount { return tokenizer.location(ofField: column, name: name) }
        var at = tokenizer.rowLocation
        at.path = "row \(tokenizer.rowNumber), column \(name ?? String(column + 1))"
        return at
    }

    /// Where the current row starts, with `row N` as its path.
    public var rowLocation: SourceLocation { tokenizer.rowLocation }

    private mutating func checkEncoding(report: (Diagnostic) -> Void) {
        guard !encodingReported, tokenizer.rowHasInvalidUTF8 else { return }
        encodingReported = true
        report(
            Diagnostic(
                id: .csvEncoding,
                severity: .warning,
                message: "bytes that are not UTF-8 (first here); the file is read as Windows-1252 from here on where "
                    + "a value is not UTF-8. Save it as \"CSV UTF-8\"",
                location: tokenizer.invalidUTF8Location ?? tokenizer.rowLocation
            )
        )
    }

    private func reportShortRow(header: CSVHeader, report: (Diagnostic) -> Void) {
        let count = tokenizer.fieldCount
        let missing = (count..<header.namedCount).map { "'\(header.displayName($0))'" }
        let listed =
            missing.count > 3 ? missing.prefix(3).joined(separator: ", ") + ", …" : missing.joined(separator: ", ")
        var at = tokenizer.location(ofField: count - 1, name: header.displayName(count - 1))
        at.path = "row \(tokenizer.rowNumber), column \(header.displayName(count))"
        report(
            Diagnostic(
                id: .csvRowShort,
                severity: .error,
                message: "row \(tokenizer.rowNumber) has \(count) of the \(header.namedCount) columns; "
                    + "\(listed) \(missing.count == 1 ? "is" : "are") missing; the row is skipped",
                location: at
            )
        )
    }

    private func reportLongRow(header: CSVHeader, firstExtra: Int, report: (Diagnostic) -> Void) {
        let count = tokenizer.fieldCount
        let extras = (header.namedCount..<count).filter { !tokenizer.fieldIsEmpty($0) }
        // An unquoted list such as `Z, G, Q, S` splits at each comma; the pieces after the first start with a space.
        var spill: (column: Int, value: String)?
        for column in 0..<header.namedCount {
            var end = column + 1
            while end < count, !tokenizer.fieldIsEmpty(end), tokenizer.field(end).first == " " { end += 1 }
            if end - column > 1, end > header.namedCount || end - column > 2 {
                let value = (column..<end).map { tokenizer.field($0) }.joined(separator: ",")
                spill = (column, value)
                break
            }
        }
        var message =
            "row \(tokenizer.rowNumber) has \(extras.count) value\(extras.count == 1 ? "" : "s") past the "
            + "\(header.namedCount) named columns (first in column \(firstExtra + 1): "
            + "'\(CSVText.shown(tokenizer.field(firstExtra)))')"
        var at = tokenizer.location(ofField: firstExtra)
        if let spill {
            message +=
                "; the unquoted value '\(CSVText.shown(spill.value))' in column '\(header.displayName(spill.column))' "
                + "probably spilled across columns at its commas: quote it"
            at = tokenizer.location(ofField: spill.column, name: header.displayName(spill.column))
        }
        message += "; the row is skipped"
        report(Diagnostic(id: .csvRowLong, severity: .error, message: message, location: at))
    }
}
