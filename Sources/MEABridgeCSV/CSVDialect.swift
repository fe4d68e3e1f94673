public import MEABridgeCore

/// How a CSV file separates its fields: the separator and the quote character (RFC 4180 doubles the quote inside
/// a quoted field).
public struct CSVDialect: Sendable, Hashable, CustomStringConvertible {
    /// The field separator byte.
    public var separator: UInt8
    /// The quote byte.
    public var quote: UInt8

    /// Creates a dialect.
    /// - Parameters:
    ///   - separator: The field separator (`,`, `;`, tab or `|`).
    ///   - quote: The quote character, `"` by default.
    public init(separator: UInt8, quote: UInt8 = UInt8(ascii: "\"")) {
        self.separator = separator
        self.quote = quote
    }

    /// Comma-separated (RFC 4180).
    public static let comma = CSVDialect(separator: UInt8(ascii: ","))
    /// Semicolon-separated, as spreadsheets write CSV where the decimal mark is a comma.
    public static let semicolon = CSVDialect(separator: UInt8(ascii: ";"))
    /// Tab-separated.
    public static let tab = CSVDialect(separator: 0x09)
    /// Pipe-separated.
    public static let pipe = CSVDialect(separator: UInt8(ascii: "|"))

    /// The separators `sniff` chooses among, in order of preference when they score the same.
    public static let candidates: [CSVDialect] = [.comma, .semicolon, .tab, .pipe]

    /// The separator's name: `comma`, `semicolon`, `tab`, `pipe`, or the character.
    public var description: String {
        switch separator {
        case UInt8(ascii: ","): "comma"
        case UInt8(ascii: ";"): "semicolon"
        case 0x09: "tab"
        case UInt8(ascii: "|"): "pipe"
        default: "'\(Character(Unicode.Scalar(separator)))'"
        }
    }

    /// The dialect of a separator, with the double quote.
    /// - Parameter separator: The separator.
    public init(_ separator: FieldSeparator) {
        self.init(separator: separator.byte)
    }

    /// Guesses the separator from the first bytes of a file.
    ///
    /// Each candidate splits the first rows (quotes respected, so a quoted `;` in a comma file does not count); the
    /// candidate whose rows most often have as many fields as the first row, with more than one field, wins. A file
    /// name ending in `.tsv` or `.tab` prefers tab. When nothing splits, comma is assumed.
    /// - Parameters:
    ///   - prefix: The first bytes (64 KiB is plenty).
    ///   - name: The file name, if known.
    /// - Returns: The dialect that fits best.
    public static func sniff(_ prefix: [UInt8], name: String = "") -> CSVDialect {
        var best = CSVDialect.comma
        var bestScore = 0
        let lowered = name.lowercased()
        let tabByName = lowered.hasSuffix(".tsv") || lowered.hasSuffix(".tab")
        for candidate in candidates {
            var score = Self.score(prefix, candidate)
            if tabByName, candidate == .tab, score > 0 { score += 1_000_000 }
            if score > bestScore {
                best = candidate
                bestScore = score
            }
        }
        return best
    }

    /// How well a dialect fits: consistency of the field count over the first rows, then the field count.
    private static func score(_ prefix: [UInt8], _ dialect: CSVDialect) -> Int {
        // The last row may be cut by the end of the prefix: it is left out unless the prefix ends with a line end.
        var tokenizer = CSVTokenizer(
            source: MemoryByteSource(prefix),
            dialect: dialect,
            limits: CSVLimits(maxRowBytes: max(prefix.count, 1))
        )
        var counts: [Int] = []
        var rowEnds: [Int] = []
        while counts.count < 50 {
            guard (try? tokenizer.nextRow(report: { _ in })) == true else { break }
            if tokenizer.isBlankRow { continue }
            counts.append(tokenizer.fieldCount)
            rowEnds.append(tokenizer.rowEndOffset)
        }
        if let last = rowEnds.last, last >= prefix.count, let lastByte = prefix.last, lastByte != 0x0A,
            lastByte != 0x0D, counts.count > 1
        {
            counts.removeLast()
        }
        guard let header = counts.first, header > 1 else { return 0 }
        let consistent = counts.filter { $0 == header }.count
        return consistent * 1000 / counts.count * 1000 + min(header, 999)
    }
}

/// Bounds that keep memory bounded on any input.
public struct CSVLimits: Sendable, Hashable {
    /// The longest row, in bytes, line breaks inside quoted fields included.
    ///
    /// A longer row (a huge line, or a quoted field that never closes) is reported and skipped up to the next line
    /// end.
    public var maxRowBytes: Int
    /// The most fields in one row.
    public var maxFields: Int

    /// Creates limits.
    /// - Parameters:
    ///   - maxRowBytes: The longest row in bytes (16 MiB by default).
    ///   - maxFields: The most fields in a row (100,000 by default).
    public init(maxRowBytes: Int = 16 << 20, maxFields: Int = 100_000) {
        self.maxRowBytes = max(1, maxRowBytes)
        self.maxFields = max(1, maxFields)
    }
}
