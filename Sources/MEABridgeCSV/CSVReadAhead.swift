public import MEABridgeCore

/// Rows of a CSV table that one thread tokenized (and checked against a table schema), for another thread to read:
/// their bytes, fields and positions, the `enum` indexes the schema check found, and the diagnostics reported before
/// each row.
///
/// A reader on the other thread loads each row in turn (``CSVTableReplay``) and sees it exactly as if it had read it
/// itself: the same values, locations and row numbers.
public struct CSVRowBlock: Sendable {
    struct Row: Sendable {
        /// The row's bytes in `bytes`, from the start of its first line to after its line end.
        var start: Int
        var end: Int
        /// Its fields in `spans`.
        var spanStart: Int
        var spanEnd: Int
        /// What to add to the spans' positions, which are those of the tokenizer's buffer, to make them positions in
        /// `bytes`.
        var spanShift: Int
        var rowNumber: Int
        var line: Int
        /// The absolute byte offset of `start` in the input.
        var offset: Int
        /// Where the schema check's `enum` indexes of the row start in `allowed` (-1: the row was not checked).
        var allowedStart: Int
        /// The diagnostics reported before this row are those of `diagnostics` before this index.
        var diagnosticsEnd: Int
    }

    var bytes: [UInt8] = []
    var spans: [CSVTokenizer.Span] = []
    var rows: [Row] = []
    var allowed: [Int32] = []
    var diagnostics: [Diagnostic] = []

    init(capacity: Int, fields: Int = 0) {
        bytes.reserveCapacity(capacity)
        rows.reserveCapacity(CSVTableReader.rowsPerBlock)
        spans.reserveCapacity(CSVTableReader.rowsPerBlock * fields)
        allowed.reserveCapacity(CSVTableReader.rowsPerBlock * fields)
    }
}

/// What the tokenizing thread of ``CSVTableReader/readAhead(source:name:dialect:checking:consume:)`` hands on.
public enum CSVReadAheadEvent: Sendable {
    /// The header (`nil` when the input has no rows), its row, and the problems found so far.
    case header(CSVTableHeaderRead)
    /// The next rows.
    case rows(CSVRowBlock)
}

/// The header of a table read on another thread, with what reading its rows needs.
public struct CSVTableHeaderRead: Sendable {
    /// The header, or `nil` for an input without rows.
    public let header: CSVHeader?
    /// A reader on the header row, that loads the rows of each block (see ``CSVTableReplay``).
    public let replay: CSVTableReplay
    /// The diagnostics reported while reading the header and matching it to the schema.
    public let diagnostics: [Diagnostic]
}

/// A table reader whose rows come from blocks that another thread read: ``forEachRow(of:report:_:)`` makes each
/// row the current one, for the reader and the schema check's `enum` indexes alike.
///
/// It moves from the thread that made it to the one that reads, and is used by one thread at a time (its tokenizer
/// reads no source).
public struct CSVTableReplay: @unchecked Sendable {
    /// The reader, on the current row.
    public private(set) var reader: CSVTableReader
    /// The schema check, for ``TableRowChecker/allowedIndex(ofColumn:)`` on the current row; `nil` without a schema.
    public private(set) var checker: TableRowChecker?

    /// Calls `body` on each row of a block, as the current row; the diagnostics the tokenizing thread reported go to
    /// `report` where they were reported, before the row that followed them.
    /// - Parameters:
    ///   - block: The rows.
    ///   - report: Receives the block's diagnostics.
    ///   - body: Called with the reader and the checker on each row (`inout` so that they are not copied; the reader
    ///     is only read).
    /// - Throws: What `body` throws.
    public mutating func forEachRow(
        of block: CSVRowBlock,
        report: (Diagnostic) -> Void,
        _ body: (inout CSVTableReader, inout TableRowChecker?) throws -> Void
    ) rethrows {
        var reported = 0
        for index in block.rows.indices {
            let row = block.rows[index]
            while reported < row.diagnosticsEnd {
                report(block.diagnostics[reported])
                reported += 1
            }
            reader.load(block, row: index)
            checker?.load(block.allowed, start: row.allowedStart)
            // In place: handing the reader by value would copy it for every row.
            try body(&reader, &checker)
        }
        while reported < block.diagnostics.count {
            report(block.diagnostics[reported])
            reported += 1
        }
    }
}

extension CSVTableReader {
    /// Reads a table on a thread of its own (tokenizing, the table's checks and the schema check when there is one)
    /// and hands its header, then its rows in blocks, to `consume` on the calling thread: what a reader that does
    /// much with each row runs, so that its work on one block overlaps with reading the next.
    ///
    /// The rows, their values, locations and diagnostics are exactly those of reading the table on one thread with
    /// ``nextRow(checking:report:)``; at most a few blocks (of up to 512 rows or 256 KiB) wait between the threads.
    /// - Parameters:
    ///   - source: The CSV bytes (moved to the reading thread).
    ///   - name: The name used in locations.
    ///   - dialect: The dialect, or `nil` to sniff it.
    ///   - check: The table schema to check the rows against, or `nil`.
    ///   - consume: Receives the header first, then the blocks, in order.
    /// - Throws: `IOFailure` when reading fails, or what `consume` throws.
    public static func readAhead(
        source: some ByteSource,
        name: String,
        dialect: CSVDialect?,
        checking check: TableSchemaCheck?,
        consume: (CSVReadAheadEvent) throws -> Void
    ) throws {
        let work = Handoff(source as any ByteSource)
        try Pipeline.run(
            batchSize: 1,
            capacity: 4,
            produce: { (handOn: (consuming CSVReadAheadEvent) throws -> Void) in
                try produceBlocks(source: work.value, name: name, dialect: dialect, check: check, handOn: handOn)
            },
            consume: consume
        )
    }

    /// The most rows in one block.
    static let rowsPerBlock = 512

    private static func produceBlocks(
        source: any ByteSource,
        name: String,
        dialect: CSVDialect?,
        check: TableSchemaCheck?,
        handOn: (consuming CSVReadAheadEvent) throws -> Void
    ) throws {
        let bytesPerBlock = 256 * 1024
        var reader = CSVTableReader(source: source, name: name, dialect: dialect)
        var diagnostics: [Diagnostic] = []
        let header = try reader.readHeader { diagnostics.append($0) }
        var checker: TableRowChecker?
        var headerRow = CSVRowBlock(capacity: 0)
        var replay = CSVTableReader(
            replaying: header,
            name: reader.tokenizer.sourceName,
            dialect: reader.tokenizer.dialect
        )
        if let header {
            checker = check?.checker(header: header, reader: reader, report: { diagnostics.append($0) })
            reader.tokenizer.appendRow(to: &headerRow, allowedStart: -1, diagnosticsEnd: 0)
            replay.load(headerRow, row: 0)
        }
        try handOn(
            .header(
                CSVTableHeaderRead(
                    header: header,
                    replay: CSVTableReplay(reader: replay, checker: checker),
                    diagnostics: diagnostics
                )
            )
        )
        guard let header else { return }
        // Room for the rows of a full block, so that filling it copies nothing twice.
        let fields = header.names.count
        var block = CSVRowBlock(capacity: bytesPerBlock + 4096, fields: fields)
        func report(_ diagnostic: Diagnostic) { block.diagnostics.append(diagnostic) }
        while try reader.nextRow(checking: &checker, report: report) {
            let allowedStart = checker?.appendAllowedIndexes(to: &block.allowed) ?? -1
            reader.tokenizer.appendRow(to: &block, allowedStart: allowedStart, diagnosticsEnd: block.diagnostics.count)
            if block.rows.count >= Self.rowsPerBlock || block.bytes.count >= bytesPerBlock {
                try handOn(.rows(block))
                block = CSVRowBlock(capacity: bytesPerBlock + 4096, fields: fields)
            }
        }
        if !block.rows.isEmpty || !block.diagnostics.isEmpty { try handOn(.rows(block)) }
    }
}
