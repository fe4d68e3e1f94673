public import MEABridgeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A streaming, byte-level CSV tokenizer (RFC 4180 plus what spreadsheets and databases really write).
///
/// It reads its source in chunks into one buffer and hands out one row at a time; a row's fields stay valid until
/// the next call to ``nextRow(report:)``. Memory is bounded by the chunk size plus the longest row
/// (``CSVLimits/maxRowBytes``), whatever the size of the file. It handles:
///
/// - separators comma, semicolon, tab and pipe, given or sniffed from the first 64 KiB (``CSVDialect/sniff(_:name:)``);
/// - a UTF-8 byte order mark (skipped) and UTF-16 input (reported, as it cannot be read);
/// - CRLF, LF and CR line ends, mixed in one file;
/// - quoted fields holding separators, doubled quotes and line breaks (which advance the line count, so later rows
///   keep their true line numbers);
/// - a quote inside an unquoted field (kept as a character) and text after a closing quote (kept, with a warning);
/// - a quoted field left open at the end of the input (an error pointing at the opening quote);
/// - a row longer than the limit, such as a quoted field that never closes (an error; the tokenizer skips to the next
///   line end and goes on).
///
/// Rows and fields are counted 1-based: row 1 is the first row of the file (usually the header).
public struct CSVTokenizer {
    /// Where one field's bytes are in the buffer.
    @usableFromInline
    struct Span: Sendable {
        /// The first byte of the value (after the opening quote of a quoted field).
        @usableFromInline var start: Int
        /// One past the last byte of the value (the closing quote of a quoted field).
        @usableFromInline var end: Int
        /// `quoted`, `escaped`, `irregular`, `unterminated`.
        @usableFromInline var flags: UInt8
    }

    static var quotedFlag: UInt8 { 1 }
    @usableFromInline static var escapedFlag: UInt8 { 2 }
    @usableFromInline static var irregularFlag: UInt8 { 4 }
    static var unterminatedFlag: UInt8 { 8 }

    /// How a call to `scanRow` ended.
    enum ScanOutcome {
        /// The row is complete.
        case complete
        /// More bytes are needed (or the input ended inside the row).
        case needsBytes
        /// The row has more fields than there is room for: grow `spans` and call again.
        case needsRoom
    }

    /// Where the scan of a row is, kept across buffer refills so a row split between chunks resumes exactly.
    struct RowScan {
        enum State {
            case fieldStart
            case unquoted
            case quoted
            case afterQuote
        }
        var pos: Int
        var state = State.fieldStart
        var fieldStart: Int
        var flags: UInt8 = 0
        var quoteOpen = 0
        var closeQuote = 0
        /// Line breaks inside quoted fields of this row.
        var newlines = 0
        var previousCR = false
        /// The row ended with CR as the last byte of the buffer: an LF that follows belongs to it.
        var crAtEnd = false
        /// Where text after a closing quote was first seen.
        var irregularAt: Int?
        /// Fields beyond the limit (not stored).
        var extraFields = 0
        var firstFieldOfRow = true

        init(at position: Int) {
            pos = position
            fieldStart = position
        }
    }

    private var source: any ByteSource
    /// The input's name, used in locations.
    public let sourceName: String
    /// The dialect: the one given, or the one sniffed (known after the first call to ``nextRow(report:)``).
    public private(set) var dialect: CSVDialect
    private let sniffDialect: Bool
    /// The limits.
    public let limits: CSVLimits

    @usableFromInline var buffer: [UInt8]
    private let chunkSize: Int
    private var end = 0
    private var bufferOffset = 0
    private var atEOF = false
    private var started = false
    private var stopped = false
    private var pendingLF = false
    private var next = 0
    private var nextLine = 1
    /// The current row's field spans: the first `spanCount` elements (the array only grows, and is written in place
    /// while a row is scanned).
    @usableFromInline var spans = [Span](repeating: Span(start: 0, end: 0, flags: 0), count: 64)
    /// The number of fields of the current row.
    @usableFromInline var spanCount = 0
    private var rowStart = 0
    private var rowContentEnd = 0

    /// The line where the current row starts (1-based).
    public private(set) var line = 0
    /// The current row's number (1-based, counting every row including the header and rows skipped as too long).
    public private(set) var rowNumber = 0
    /// Whether a UTF-8 byte order mark was skipped at the start.
    public private(set) var hadByteOrderMark = false

    /// Creates a tokenizer.
    /// - Parameters:
    ///   - source: The input bytes.
    ///   - name: The name used in locations (the source's own name when `nil`).
    ///   - dialect: The dialect, or `nil` to sniff it from the first 64 KiB.
    ///   - limits: The limits on row size.
    ///   - chunkSize: How many bytes to read at a time.
    public init(
        source: some ByteSource,
        name: String? = nil,
        dialect: CSVDialect? = nil,
        limits: CSVLimits = CSVLimits(),
        chunkSize: Int = 1 << 20
    ) {
        self.source = source
        self.sourceName = name ?? source.name
        self.dialect = dialect ?? .comma
        self.sniffDialect = dialect == nil
        self.limits = limits
        self.chunkSize = max(chunkSize, 64)
        self.buffer = [UInt8](repeating: 0, count: self.chunkSize)
    }

    // MARK: Reading rows

    /// Reads the next row.
    /// - Parameter report: Receives problems found in the row (unterminated quote, text after a quote, a row over
    ///   the limits) and in the input (UTF-16).
    /// - Returns: `false` at the end of the input.
    /// - Throws: `IOFailure` when reading the source fails.
    public mutating func nextRow(report: (Diagnostic) -> Void) throws(IOFailure) -> Bool {
        if !started { try begin(report: report) }
        if stopped { return false }
        while true {
            spanCount = 0
            if pendingLF {
                if next == end { try fill(from: next) }
                if next < end, buffer[next] == 0x0A { next += 1 }
                pendingLF = false
            }
            if next == end {
                try fill(from: next)
                if next == end { return false }
            }
            line = nextLine
            rowNumber += 1
            rowStart = next
            var scan = RowScan(at: rowStart)
            while true {
                let (end, dialect, maxFields) = (end, dialect, limits.maxFields)
                var count = spanCount
                let outcome = buffer.withUnsafeBufferPointer { bytes in
                    spans.withUnsafeMutableBufferPointer { spans in
                        Self.scanRow(bytes, end: end, dialect: dialect, maxFields: maxFields, &scan, spans, &count)
                    }
                }
                spanCount = count
                if outcome == .complete { break }
                if outcome == .needsRoom {
                    growSpans()
                    continue
                }
                if atEOF {
                    finishAtEndOfInput(&scan, report: report)
                    break
                }
                if end - rowStart >= limits.maxRowBytes {
                    try skipLongRow(&scan, report: report)
                    break
                }
                let shift = rowStart
                try fill(from: rowStart)
                if shift > 0 {
                    scan.pos -= shift
                    scan.fieldStart -= shift
                    scan.quoteOpen -= shift
                    scan.closeQuote -= shift
                    if let at = scan.irregularAt { scan.irregularAt = at - shift }
                    for index in 0..<spanCount {
                        spans[index].start -= shift
                        spans[index].end -= shift
                    }
                }
            }
            if spanCount == 0 { continue }  // a row skipped as too long
            rowContentEnd = scan.pos
            next = scan.pos
            nextLine = line + 1 + scan.newlines
            if scan.crAtEnd { pendingLF = true }
            if let at = scan.irregularAt {
                report(
                    Diagnostic(
                        id: .csvTextAfterQuote,
                        severity: .warning,
                        message: "text after the closing quote of a quoted field; it is kept as part of the value "
                            + "(a quote inside a quoted field must be doubled: \"\")",
                        location: location(at: at)
                    )
                )
            }
            if scan.extraFields > 0 {
                report(
                    Diagnostic(
                        id: .csvRowTooLong,
                        severity: .error,
                        message: "row \(rowNumber) has \(spanCount + scan.extraFields) fields, more than the limit "
                            + "of \(limits.maxFields); the row is skipped",
                        location: location(at: rowStart)
                    )
                )
                continue
            }
            return true
        }
    }

    /// Appends a field to the current row.
    private mutating func appendSpan(_ span: Span) {
        if spanCount == spans.count { growSpans() }
        spans[spanCount] = span
        spanCount += 1
    }

    /// Doubles the room for the fields of a row (up to the field limit, past which fields are not kept).
    private mutating func growSpans() {
        let room = min(spans.count, max(limits.maxFields + 1 - spans.count, 1))
        spans.append(contentsOf: repeatElement(Span(start: 0, end: 0, flags: 0), count: room))
    }

    /// Reads the first bytes: UTF-16 check, byte order mark, dialect sniffing.
    private mutating func begin(report: (Diagnostic) -> Void) throws(IOFailure) {
        started = true
        nextLine = 1
        while end < 4, !atEOF { try fill(from: 0) }
        if end >= 2, (buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF) {
            report(
                Diagnostic(
                    id: .csvEncoding,
                    severity: .fatal,
                    message: "the file is UTF-16 (a spreadsheet's \"Unicode text\" export); save it as CSV UTF-8",
                    location: SourceLocation(source: sourceName, line: 1, column: 1, byteOffset: 0)
                )
            )
            stopped = true
            return
        }
        if end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            next = 3
            hadByteOrderMark = true
        }
        if sniffDialect {
            while end < 65_536, !atEOF, end < buffer.count { try fill(from: 0) }
            dialect = CSVDialect.sniff(Array(buffer[next..<min(end, 65_536)]), name: sourceName)
        }
    }

    /// Moves the bytes from `keep` on to the front of the buffer, grows it when a row fills it, and reads more.
    private mutating func fill(from keep: Int) throws(IOFailure) {
        if atEOF { return }
        if keep > 0 {
            let count = end - keep
            if count > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    guard let base = raw.baseAddress else { return }
                    _ = memmove(base, base + keep, count)
                }
            }
            bufferOffset += keep
            end = count
            next -= keep
            rowStart -= keep
            rowContentEnd = max(0, rowContentEnd - keep)
        }
        if end == buffer.count {
            let grown = min(buffer.count * 2, limits.maxRowBytes + chunkSize)
            if grown > buffer.count { buffer.append(contentsOf: repeatElement(0, count: grown - buffer.count)) }
        }
        guard end < buffer.count else { return }
        let start = end
        var failure: IOFailure?
        let read = buffer.withUnsafeMutableBytes { raw -> Int in
            do throws(IOFailure) {
                return try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[start...]))
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        if read == 0 { atEOF = true }
        end += read
    }

    /// Closes the row at the end of the input.
    private mutating func finishAtEndOfInput(_ scan: inout RowScan, report: (Diagnostic) -> Void) {
        switch scan.state {
        case .fieldStart:
            appendSpan(Span(start: scan.pos, end: scan.pos, flags: 0))
        case .unquoted:
            appendSpan(Span(start: scan.fieldStart, end: end, flags: scan.flags))
        case .quoted:
            if scan.pos < end, buffer[scan.pos] == dialect.quote {
                appendSpan(Span(start: scan.fieldStart, end: scan.pos, flags: scan.flags))
            } else {
                report(
                    Diagnostic(
                        id: .csvUnterminatedQuote,
                        severity: .error,
                        message:
                            "a quoted field opened here is never closed; the rest of the input (\(end - scan.quoteOpen) "
                            + "bytes) is taken as its value",
                        location: location(at: scan.quoteOpen)
                    )
                )
                appendSpan(
                    Span(start: scan.fieldStart, end: end, flags: scan.flags | Self.escapedFlag | Self.unterminatedFlag)
                )
            }
        case .afterQuote:
            if scan.flags & Self.irregularFlag != 0 {
                appendSpan(Span(start: scan.quoteOpen, end: end, flags: scan.flags))
            } else {
                appendSpan(Span(start: scan.fieldStart, end: scan.closeQuote, flags: scan.flags))
            }
        }
        scan.pos = end
    }

    /// Reports a row over the size limit and skips to the next line end (or the end of the input).
    private mutating func skipLongRow(_ scan: inout RowScan, report: (Diagnostic) -> Void) throws(IOFailure) {
        var message =
            "row \(rowNumber) is longer than the limit of \(limits.maxRowBytes) bytes; it is skipped up to the "
            + "next line end"
        if scan.state == .quoted {
            let opened = location(at: scan.quoteOpen)
            message =
                "a quoted field opened at line \(opened.line ?? 0), column \(opened.column ?? 0) does not close "
                + "within \(limits.maxRowBytes) bytes (row \(rowNumber)); the row is skipped up to the next line end"
        }
        report(Diagnostic(id: .csvRowTooLong, severity: .error, message: message, location: location(at: rowStart)))
        spanCount = 0
        var position = scan.pos
        while true {
            while position < end, buffer[position] != 0x0A, buffer[position] != 0x0D { position += 1 }
            if position < end { break }
            if atEOF {
                next = end
                nextLine = line + 1 + scan.newlines
                return
            }
            // Everything scanned so far is dropped; keep nothing.
            rowStart = end
            try fill(from: end)
            position = 0
        }
        next = position + 1
        if buffer[position] == 0x0D {
            if next < end {
                if buffer[next] == 0x0A { next += 1 }
            } else {
                pendingLF = true
            }
        }
        nextLine = line + 1 + scan.newlines
    }

    /// Marks the separators, line feeds and carriage returns of eight bytes (``ByteWord``).
    @inline(__always)
    static func unquotedStops(_ word: UInt64, _ separators: UInt64) -> UInt64 {
        ByteWord.equal(word, separators) | ByteWord.equal(word, ByteWord.repeating(0x0A))
            | ByteWord.equal(word, ByteWord.repeating(0x0D))
    }

    /// Marks the quotes and the bytes up to 0x0D (line ends) of eight bytes.
    @inline(__always)
    static func quotedStops(_ word: UInt64, _ quotes: UInt64) -> UInt64 {
        ByteWord.equal(word, quotes) | ByteWord.below(word, 0x0E)
    }

    /// Scans as much of one row as the buffer holds.
    /// - Returns: `.complete` when the row is complete (`scan.pos` is after its line end), `.needsBytes` when more
    ///   bytes are needed (or the input ended inside it), `.needsRoom` when `spans` is full (the scan resumes at the
    ///   field's end once it has grown).
    @inline(__always)
    static func scanRow(
        _ bytes: UnsafeBufferPointer<UInt8>,
        end: Int,
        dialect: CSVDialect,
        maxFields: Int,
        _ saved: inout RowScan,
        _ spans: UnsafeMutableBufferPointer<Span>,
        _ savedCount: inout Int
    ) -> ScanOutcome {
        // Worked on in local copies (kept in registers), stored back on the way out.
        var scan = saved
        var count = savedCount
        defer {
            saved = scan
            savedCount = count
        }
        let separator = dialect.separator
        let quote = dialect.quote
        let separators = ByteWord.repeating(separator)
        let quotes = ByteWord.repeating(quote)
        guard let base = bytes.baseAddress else { return .needsBytes }
        let raw = UnsafeRawPointer(base)
        var i = scan.pos
        @inline(__always) func appendField(_ span: Span) {
            if count < maxFields {
                spans[count] = span
                count += 1
            } else {
                scan.extraFields += 1
            }
        }
        /// Whether a field can be appended (or is past the limit, and only counted).
        @inline(__always) func hasRoom() -> Bool { count < spans.count || count >= maxFields }
        /// Handles the byte at `i`, a separator or a line end, after a field. Returns `true` at a line end.
        @inline(__always) func afterField(_ byte: UInt8) -> Bool {
            if byte == separator {
                i += 1
                scan.state = .fieldStart
                scan.fieldStart = i
                scan.flags = 0
                return false
            }
            i += 1
            if byte == 0x0D {
                if i < end {
                    if bytes[i] == 0x0A { i += 1 }
                } else {
                    scan.crAtEnd = true
                }
            }
            scan.pos = i
            return true
        }
        while true {
            switch scan.state {
            case .fieldStart:
                if i == end {
                    scan.pos = i
                    return .needsBytes
                }
                if bytes[i] == quote {
                    scan.quoteOpen = i
                    scan.flags = quotedFlag
                    i += 1
                    scan.fieldStart = i
                    scan.state = .quoted
                    continue
                }
                scan.fieldStart = i
                scan.state = .unquoted
                fallthrough
            case .unquoted:
                // Eight bytes at a time up to the first separator or line end, then byte by byte near the end.
                var found = false
                while i + 8 <= end {
                    let marks = Self.unquotedStops(ByteWord.load(raw, at: i), separators)
                    if marks != 0 {
                        i += ByteWord.first(marks)
                        found = true
                        break
                    }
                    i += 8
                }
                while !found, i < end {
                    let byte = bytes[i]
                    if byte == separator || byte == 0x0A || byte == 0x0D { break }
                    i += 1
                }
                if i == end {
                    scan.pos = i
                    return .needsBytes
                }
                guard hasRoom() else {
                    scan.pos = i
                    return .needsRoom
                }
                let byte = bytes[i]
                appendField(Span(start: scan.fieldStart, end: i, flags: scan.flags))
                if afterField(byte) { return .complete }
            case .quoted:
                while i < end {
                    // Ordinary bytes (neither the quote nor a line end) eight at a time.
                    if i + 8 <= end {
                        let marks = Self.quotedStops(ByteWord.load(raw, at: i), quotes)
                        if marks == 0 {
                            scan.previousCR = false
                            i += 8
                            continue
                        }
                        let skip = ByteWord.first(marks)
                        if skip > 0 {
                            scan.previousCR = false
                            i += skip
                        }
                    }
                    let byte = bytes[i]
                    if byte == quote { break }
                    if byte <= 0x0D {
                        if byte == 0x0A {
                            if !scan.previousCR { scan.newlines += 1 }
                            scan.previousCR = false
                        } else if byte == 0x0D {
                            scan.newlines += 1
                            scan.previousCR = true
                        } else {
                            scan.previousCR = false
                        }
                    } else {
                        scan.previousCR = false
                    }
                    i += 1
                }
                if i + 1 >= end {
                    // Either no closing quote yet, or a quote whose next byte (`""` or the end) is not here yet.
                    scan.pos = i
                    return .needsBytes
                }
                scan.previousCR = false
                if bytes[i + 1] == quote {
                    scan.flags |= escapedFlag
                    i += 2
                    continue
                }
                scan.closeQuote = i
                i += 1
                scan.state = .afterQuote
            case .afterQuote:
                while i < end {
                    let byte = bytes[i]
                    if byte == separator || byte == 0x0A || byte == 0x0D { break }
                    if scan.flags & irregularFlag == 0 {
                        scan.flags |= irregularFlag
                        if scan.irregularAt == nil { scan.irregularAt = i }
                    }
                    i += 1
                }
                if i == end {
                    scan.pos = i
                    return .needsBytes
                }
                guard hasRoom() else {
                    scan.pos = i
                    return .needsRoom
                }
                let byte = bytes[i]
                if scan.flags & irregularFlag != 0 {
                    appendField(Span(start: scan.quoteOpen, end: i, flags: scan.flags))
                } else {
                    appendField(Span(start: scan.fieldStart, end: scan.closeQuote, flags: scan.flags))
                }
                if afterField(byte) { return .complete }
            }
        }
    }

    // MARK: The current row

    /// The number of fields in the current row.
    public var fieldCount: Int { spanCount }

    /// Whether the current row is an empty line (one empty, unquoted field).
    public var isBlankRow: Bool {
        spanCount == 1 && spans[0].start == spans[0].end && spans[0].flags == 0
    }

    /// Whether every field of the current row is empty (a blank line, or a row of separators only such as `,,,,`).
    public var isEmptyRow: Bool {
        spans[0..<spanCount].allSatisfy { $0.start == $0.end }
    }

    /// The absolute byte offset just after the current row's line end.
    public var rowEndOffset: Int { bufferOffset + rowContentEnd }

    /// The bytes read so far from the source.
    public var bytesRead: Int { bufferOffset + end }

    /// The size of the read buffer: the memory the tokenizer holds, bounded by the chunk size plus the longest row.
    public var bufferCapacity: Int { buffer.count }

    /// Whether a field is empty.
    /// - Parameter index: The 0-based field index.
    /// - Returns: `true` for an empty value (quoted or not).
    public func fieldIsEmpty(_ index: Int) -> Bool { spans[index].start == spans[index].end }

    /// Calls `body` with a field's value as bytes (doubled quotes undone).
    /// - Parameters:
    ///   - index: The 0-based field index.
    ///   - body: Receives the bytes, valid only during the call.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    @inlinable
    public func withField<R, E: Error>(
        _ index: Int,
        _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R
    ) throws(E) -> R {
        let span = spans[index]
        if span.flags & (Self.escapedFlag | Self.irregularFlag) == 0 {
            return try buffer.withUnsafeBufferPointer { (bytes) throws(E) -> R in
                try body(UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]))
            }
        }
        let decoded = decodedBytes(span)
        return try decoded.withUnsafeBufferPointer { (bytes) throws(E) -> R in try body(bytes) }
    }

    /// Runs the quick checks of a table schema over the current row: `quicks[i]` checks the field `columns[i]` with
    /// `tables[i]`, and sets `allowedIndexes[i]` to the index of the value in its `enum` (-1 when it has none).
    /// - Returns: Bit `i` set in `missing` when field `i` is a missing value (or the row has no such field), in
    ///   `full` when it needs the full check; at most 64 checks.
    func quickCheck(
        _ quicks: UnsafeBufferPointer<QuickCheck>,
        _ tables: UnsafeBufferPointer<QuickCheck.Tables>,
        _ columns: UnsafeBufferPointer<Int>,
        _ allowedIndexes: UnsafeMutableBufferPointer<Int32>
    ) -> (missing: UInt64, full: UInt64) {
        guard let tables = tables.baseAddress else { return (0, 0) }
        var missing: UInt64 = 0
        var full: UInt64 = 0
        let special = Self.escapedFlag | Self.irregularFlag
        buffer.withUnsafeBufferPointer { bytes in
            spans.withUnsafeBufferPointer { spans in
                for index in 0..<quicks.count {
                    let bit = UInt64(1) << UInt64(index)
                    let column = columns[index]
                    allowedIndexes[index] = -1
                    guard column < spanCount else {
                        missing |= bit
                        continue
                    }
                    let span = spans[column]
                    let quick = quicks[index]
                    var allowed: Int32 = -1
                    let outcome =
                        span.flags & special == 0
                        ? quick.check(
                            UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]),
                            tables + index,
                            &allowed
                        )
                        : decodedBytes(span).withUnsafeBufferPointer { quick.check($0, tables + index, &allowed) }
                    allowedIndexes[index] = allowed
                    switch outcome {
                    case .valid: break
                    case .missing: missing |= bit
                    case .fullCheck: full |= bit
                    }
                }
            }
        }
        return (missing, full)
    }

    /// A field's value as text; bytes that are not UTF-8 are read as Windows-1252 (see ``rowHasInvalidUTF8``).
    /// - Parameter index: The 0-based field index.
    /// - Returns: The value.
    public func field(_ index: Int) -> String {
        withField(index) { bytes in CSVText.decode(bytes) }
    }

    /// Every field of the current row as text.
    public var fields: [String] { (0..<spanCount).map { field($0) } }

    /// Whether the current row holds bytes that are not valid UTF-8 (a Latin-1 or Windows-1252 export).
    public var rowHasInvalidUTF8: Bool {
        buffer.withUnsafeBufferPointer { bytes in
            !CSVText.isValidUTF8(UnsafeBufferPointer(rebasing: bytes[rowStart..<rowContentEnd]))
        }
    }

    /// The first invalid UTF-8 byte of the current row, as a location.
    public var invalidUTF8Location: SourceLocation? {
        let offset = buffer.withUnsafeBufferPointer { bytes in
            CSVText.firstInvalidUTF8(UnsafeBufferPointer(rebasing: bytes[rowStart..<rowContentEnd]))
        }
        return offset.map { location(at: rowStart + $0) }
    }

    @usableFromInline
    func decodedBytes(_ span: Span) -> [UInt8] {
        let quote = dialect.quote
        var out: [UInt8] = []
        out.reserveCapacity(span.end - span.start)
        var i = span.start
        if span.flags & Self.irregularFlag != 0 {
            // `"quoted part"rest`: the quoted part unescaped, then the rest as it is.
            i += 1
            while i < span.end {
                let byte = buffer[i]
                if byte == quote {
                    if i + 1 < span.end, buffer[i + 1] == quote {
                        out.append(quote)
                        i += 2
                        continue
                    }
                    i += 1
                    break
                }
                out.append(byte)
                i += 1
            }
            out.append(contentsOf: buffer[i..<span.end])
            return out
        }
        while i < span.end {
            let byte = buffer[i]
            out.append(byte)
            i += byte == quote && i + 1 < span.end && buffer[i + 1] == quote ? 2 : 1
        }
        return out
    }

    // MARK: Rows handed to another thread

    /// Creates a tokenizer that reads no source: its rows are loaded from blocks with ``load(_:row:)``.
    /// - Parameters:
    ///   - name: The input's name, used in locations.
    ///   - dialect: The dialect the rows were read with.
    init(replaying name: String, dialect: CSVDialect) {
        self.init(source: MemoryByteSource([UInt8](), name: name), name: name, dialect: dialect, chunkSize: 64)
        started = true
        stopped = true
    }

    /// Appends the current row (its bytes, fields and position) to a block.
    /// - Parameters:
    ///   - block: The block.
    ///   - allowedStart: Where the row's `enum` indexes start in the block (-1: the row was not checked).
    ///   - diagnosticsEnd: The number of the block's diagnostics reported before this row.
    func appendRow(to block: inout CSVRowBlock, allowedStart: Int, diagnosticsEnd: Int) {
        let base = block.bytes.count
        let shift = base - rowStart
        buffer.withUnsafeBufferPointer { bytes in
            block.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rowStart..<rowContentEnd]))
        }
        let spanStart = block.spans.count
        // The spans as they are (one copy); loading the row moves them by `shift`.
        spans.withUnsafeBufferPointer { spans in
            block.spans.append(contentsOf: UnsafeBufferPointer(rebasing: spans[0..<spanCount]))
        }
        block.rows.append(
            CSVRowBlock.Row(
                start: base,
                end: base + (rowContentEnd - rowStart),
                spanStart: spanStart,
                spanEnd: block.spans.count,
                spanShift: shift,
                rowNumber: rowNumber,
                line: line,
                offset: bufferOffset + rowStart,
                allowedStart: allowedStart,
                diagnosticsEnd: diagnosticsEnd
            )
        )
    }

    /// Makes a row of a block the current row, as if it had just been read.
    /// - Parameters:
    ///   - block: The block.
    ///   - index: The row's index in the block.
    mutating func load(_ block: CSVRowBlock, row index: Int) {
        let row = block.rows[index]
        if !buffer.withUnsafeBufferPointer({ mine in
            block.bytes.withUnsafeBufferPointer { theirs in mine.baseAddress == theirs.baseAddress }
        }) {
            buffer = block.bytes
        }
        let count = row.spanEnd - row.spanStart
        while spans.count < count { growSpans() }
        let shift = row.spanShift
        block.spans.withUnsafeBufferPointer { all in
            spans.withUnsafeMutableBufferPointer { spans in
                for index in 0..<count {
                    var span = all[row.spanStart + index]
                    span.start &+= shift
                    span.end &+= shift
                    spans[index] = span
                }
            }
        }
        spanCount = count
        rowStart = row.start
        rowContentEnd = row.end
        bufferOffset = row.offset - row.start
        end = block.bytes.count
        next = end
        rowNumber = row.rowNumber
        line = row.line
    }

    // MARK: Locations

    /// The location of a byte of the current row (buffer index), with line and column.
    func location(at index: Int) -> SourceLocation {
        var lineNumber = line
        var lineStart = rowStart
        buffer.withUnsafeBufferPointer { bytes in
            var i = rowStart
            while i < index {
                let byte = bytes[i]
                if byte == 0x0A || (byte == 0x0D && !(i + 1 < index && bytes[i + 1] == 0x0A)) {
                    lineNumber += 1
                    lineStart = i + 1
                }
                i += 1
            }
        }
        // Row 1 starts after a byte order mark, so columns do not count it.
        return SourceLocation(
            source: sourceName,
            line: lineNumber,
            column: index - lineStart + 1,
            byteOffset: bufferOffset + index,
            path: "row \(rowNumber)"
        )
    }

    /// Where a field of the current row starts: line, column (bytes), byte offset and `row N, column NAME`.
    /// - Parameters:
    ///   - index: The 0-based field index.
    ///   - name: The column's name for the path (the field number when `nil`).
    /// - Returns: The location.
    public func location(ofField index: Int, name: String? = nil) -> SourceLocation {
        let span = spans[index]
        var start = span.start
        if span.flags & Self.quotedFlag != 0, span.flags & Self.irregularFlag == 0 { start -= 1 }
        var at = location(at: start)
        at.path = "row \(rowNumber), column \(name ?? String(index + 1))"
        return at
    }

    /// Where the current row starts (rows start at the start of a line).
    public var rowLocation: SourceLocation {
        SourceLocation(
            source: sourceName,
            line: line,
            column: 1,
            byteOffset: bufferOffset + rowStart,
            path: Self.rowPath(rowNumber)
        )
    }

    /// `row N`, built without the general integer formatting (it is made for every record).
    static func rowPath(_ row: Int) -> String {
        guard row >= 0, row < 100_000_000_000 else { return "row \(row)" }
        var digits = 0
        var value = row
        repeat {
            digits += 1
            value /= 10
        } while value > 0
        // At most 15 bytes: a small string, written in place.
        return String(unsafeUninitializedCapacity: 4 + digits) { buffer in
            buffer[0] = UInt8(ascii: "r")
            buffer[1] = UInt8(ascii: "o")
            buffer[2] = UInt8(ascii: "w")
            buffer[3] = UInt8(ascii: " ")
            var value = row
            for index in stride(from: 3 + digits, to: 3, by: -1) {
                buffer[index] = UInt8(truncatingIfNeeded: value % 10) &+ 0x30
                value /= 10
            }
            return 4 + digits
        }
    }
}
