import MEABridgeCSV
import MEABridgeCore
import MEABridgeTestSupport
import Testing

/// One row as the tokenizer gave it.
struct TokenizedRow: Equatable, CustomStringConvertible {
    var fields: [String]
    var line: Int
    var number: Int
    var description: String { "\(number)@\(line)\(fields)" }
}

/// Tokenizes bytes, returning every row and diagnostic.
func tokenize(
    _ bytes: [UInt8],
    dialect: CSVDialect? = .comma,
    maxChunk: Int = .max,
    chunkSize: Int = 1 << 20,
    limits: CSVLimits = CSVLimits()
) throws -> (rows: [TokenizedRow], diagnostics: [Diagnostic], dialect: CSVDialect) {
    var tokenizer = CSVTokenizer(
        source: MemoryByteSource(bytes, name: "t.csv", maxChunk: maxChunk),
        dialect: dialect,
        limits: limits,
        chunkSize: chunkSize
    )
    var rows: [TokenizedRow] = []
    var diagnostics: [Diagnostic] = []
    while try tokenizer.nextRow(report: { diagnostics.append($0) }) {
        rows.append(TokenizedRow(fields: tokenizer.fields, line: tokenizer.line, number: tokenizer.rowNumber))
    }
    return (rows, diagnostics, tokenizer.dialect)
}

func tokenize(_ text: String, dialect: CSVDialect? = .comma, maxChunk: Int = .max, chunkSize: Int = 1 << 20) throws
    -> (rows: [TokenizedRow], diagnostics: [Diagnostic], dialect: CSVDialect)
{
    try tokenize(Array(text.utf8), dialect: dialect, maxChunk: maxChunk, chunkSize: chunkSize)
}

@Suite("CSV tokenizer")
struct TokenizerTests {
    @Test("RFC 4180: quoted separators, doubled quotes and line breaks, with true line numbers after them")
    func rfc4180() throws {
        let text = "a,b,c\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n"
        // Every chunk size, down to one byte per read, gives the same rows: the scan resumes across refills.
        for maxChunk in [1, 2, 3, 5, 7, 64, .max] {
            let result = try tokenize(text, maxChunk: maxChunk, chunkSize: 64)
            #expect(
                result.rows == [
                    TokenizedRow(fields: ["a", "b", "c"], line: 1, number: 1),
                    TokenizedRow(fields: ["x,1", "say \"hi\"", "two\nlines"], line: 2, number: 2),
                    TokenizedRow(fields: ["last", "", ""], line: 4, number: 3),
                ],
                "maxChunk \(maxChunk)"
            )
            #expect(result.diagnostics.isEmpty)
        }
    }

    @Test("CRLF, LF and CR line ends, mixed, and CRLF inside a quoted field counted as one line")
    func lineEnds() throws {
        let text = "h1,h2\r\na,\"b\r\nc\"\r\nd,e\rf,g\nh,i"
        for maxChunk in [1, 2, 4, .max] {
            let result = try tokenize(text, maxChunk: maxChunk, chunkSize: 64)
            #expect(
                result.rows.map(\.fields) == [["h1", "h2"], ["a", "b\r\nc"], ["d", "e"], ["f", "g"], ["h", "i"]]
            )
            #expect(result.rows.map(\.line) == [1, 2, 4, 5, 6], "maxChunk \(maxChunk)")
        }
    }

    @Test("a UTF-8 byte order mark is skipped; columns of row 1 do not count it")
    func byteOrderMark() throws {
        var tokenizer = CSVTokenizer(source: MemoryByteSource([0xEF, 0xBB, 0xBF] + Array("id,name\n1,x\n".utf8)))
        #expect(try tokenizer.nextRow(report: { _ in }))
        #expect(tokenizer.fields == ["id", "name"])
        #expect(tokenizer.hadByteOrderMark)
        let at = tokenizer.location(ofField: 1)
        #expect(at.line == 1 && at.column == 4 && at.byteOffset == 6)
    }

    @Test("UTF-16 input is a fatal diagnostic, not garbage")
    func utf16() throws {
        let result = try tokenize([0xFF, 0xFE] + Array("a\0,\0b\0".utf8))
        #expect(result.rows.isEmpty)
        #expect(result.diagnostics.map(\.id) == [.csvEncoding])
        #expect(result.diagnostics.first?.severity == .fatal)
    }

    @Test("an unterminated quoted field is an error at its opening quote, and takes the rest of the input")
    func unterminatedQuote() throws {
        let marked = MarkedText("a,b\n1,1️⃣\"open\n2,3\n")
        let result = try tokenize(marked.text, maxChunk: 3, chunkSize: 64)
        #expect(result.rows.map(\.fields) == [["a", "b"], ["1", "open\n2,3\n"]])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.id == .csvUnterminatedQuote)
        #expect(diagnostic.location?.line == marked["1️⃣"]?.line)
        #expect(diagnostic.location?.column == marked["1️⃣"]?.column)
        #expect(diagnostic.location?.byteOffset == marked["1️⃣"]?.offset)
    }

    @Test("text after a closing quote is kept, with a warning where it starts")
    func textAfterQuote() throws {
        let marked = MarkedText("\"12\"1️⃣ inch,x\nnext,y\n")
        let result = try tokenize(marked.text)
        #expect(result.rows.map(\.fields) == [["12 inch", "x"], ["next", "y"]])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.id == .csvTextAfterQuote)
        #expect(diagnostic.location?.column == marked["1️⃣"]?.column)
    }

    @Test("a quote inside an unquoted field is an ordinary character")
    func quoteInsideUnquoted() throws {
        let result = try tokenize("5\" long,a\"b\n")
        #expect(result.rows.map(\.fields) == [["5\" long", "a\"b"]])
        #expect(result.diagnostics.isEmpty)
    }

    @Test(
        "a quoted field that never closes hits the row limit: reported, skipped to the next line end, then reading goes on"
    )
    func neverEndingQuote() throws {
        // 200 KB inside one open quote, with a 1 KB limit and a 64-byte buffer: memory stays bounded.
        var bytes = Array("h1,h2\nok,1\nbad,\"".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 200_000)
        bytes += Array("\nafter,2\n".utf8)
        let result = try tokenize(bytes, maxChunk: 4096, chunkSize: 64, limits: CSVLimits(maxRowBytes: 1024))
        #expect(result.rows.map(\.fields) == [["h1", "h2"], ["ok", "1"], ["after", "2"]])
        #expect(result.rows.last?.line == 4)
        #expect(result.rows.last?.number == 4)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.id == .csvRowTooLong)
        #expect(diagnostic.location?.line == 3)
        #expect(diagnostic.message.contains("a quoted field opened at line 3, column 5"))
    }

    @Test("a huge line without any line break is skipped with one error")
    func hugeLine() throws {
        var bytes = Array("a\n".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "y"), count: 100_000)
        let result = try tokenize(bytes, maxChunk: 1000, chunkSize: 64, limits: CSVLimits(maxRowBytes: 500))
        #expect(result.rows.map(\.fields) == [["a"]])
        #expect(result.diagnostics.map(\.id) == [.csvRowTooLong])
    }

    @Test("rows with too many fields are reported and skipped")
    func tooManyFields() throws {
        let result = try tokenize(
            Array("a,b\n1,2,3,4,5\n6,7\n".utf8),
            limits: CSVLimits(maxFields: 3)
        )
        #expect(result.rows.map(\.fields) == [["a", "b"], ["6", "7"]])
        #expect(result.diagnostics.map(\.id) == [.csvRowTooLong])
        #expect(result.rows.last?.number == 3)
    }

    @Test("wide rows: thousands of fields, across reads, kept whole; past the limit, reported")
    func wideRows() throws {
        let wide = (1...3000).map { "\"v\($0)\"" }.joined(separator: ",")
        let text = "a,b\n" + wide + "\n" + (1...130).map(String.init).joined(separator: ";") + "\nx,y\n"
        for maxChunk in [.max, 61] {
            let result = try tokenize(Array(text.utf8), maxChunk: maxChunk, chunkSize: 64)
            #expect(result.rows.count == 4)
            #expect(result.rows[1].fields.count == 3000)
            #expect(result.rows[1].fields.last == "v3000")
            #expect(result.rows[3].fields == ["x", "y"])
            let limited = try tokenize(Array(text.utf8), maxChunk: maxChunk, limits: CSVLimits(maxFields: 2999))
            #expect(limited.rows.map(\.number) == [1, 3, 4])
            #expect(limited.diagnostics.map(\.id) == [.csvRowTooLong])
            #expect(limited.diagnostics.first?.message.contains("3000 fields") == true)
        }
    }

    @Test("blank lines and rows of separators only are told apart from data")
    func blankRows() throws {
        var tokenizer = CSVTokenizer(source: MemoryByteSource("a,b\n\n,\n1,2"), dialect: .comma)
        var kinds: [String] = []
        while try tokenizer.nextRow(report: { _ in }) {
            kinds.append(tokenizer.isBlankRow ? "blank" : tokenizer.isEmptyRow ? "empty" : "data")
        }
        #expect(kinds == ["data", "blank", "empty", "data"])
    }

    @Test("the last row needs no line end; a trailing separator gives a last empty field")
    func lastRow() throws {
        #expect(try tokenize("a,b").rows.map(\.fields) == [["a", "b"]])
        #expect(try tokenize("a,b,").rows.map(\.fields) == [["a", "b", ""]])
        #expect(try tokenize("a,\"b\"").rows.map(\.fields) == [["a", "b"]])
        #expect(try tokenize("").rows.isEmpty)
        #expect(try tokenize("\"\"").rows.map(\.fields) == [[""]])
    }

    @Test("sniffs comma, semicolon, tab and pipe; a quoted separator does not mislead it")
    func sniffing() throws {
        #expect(try tokenize("a;b;c\n1;\"x,y\";3\n", dialect: nil).dialect == .semicolon)
        #expect(try tokenize("a\tb\n1\t2\n", dialect: nil).dialect == .tab)
        #expect(try tokenize("a|b|c\n1|2|3\n", dialect: nil).dialect == .pipe)
        #expect(try tokenize("q,notes\n1,\"H; P; Q\"\n2,\"x;y\"\n", dialect: nil).dialect == .comma)
        let semicolons = try tokenize("Year;App.;Taxon\n2016;II;\"Aloe ferox; Mill.\"\n", dialect: nil)
        #expect(semicolons.dialect == .semicolon)
        #expect(semicolons.rows.last?.fields == ["2016", "II", "Aloe ferox; Mill."])
    }

    @Test("bytes that are not UTF-8 read as Windows-1252, and the row says so")
    func windows1252() throws {
        var tokenizer = CSVTokenizer(source: MemoryByteSource(Array("C".utf8) + [0xF4] + Array("te,x\n".utf8)))
        #expect(try tokenizer.nextRow(report: { _ in }))
        #expect(tokenizer.field(0) == "Côte")
        #expect(tokenizer.rowHasInvalidUTF8)
        #expect(tokenizer.invalidUTF8Location?.column == 2)
    }

    @Test("field locations: line and column of each field, also inside multi-line rows")
    func fieldLocations() throws {
        let marked = MarkedText("h1,h2,h3\n1️⃣a,2️⃣\"x\ny\",3️⃣z\n")
        var tokenizer = CSVTokenizer(source: MemoryByteSource(marked.text), dialect: .comma)
        _ = try tokenizer.nextRow(report: { _ in })
        _ = try tokenizer.nextRow(report: { _ in })
        for (index, marker) in ["1️⃣", "2️⃣", "3️⃣"].enumerated() {
            let at = tokenizer.location(ofField: index, name: "h\(index + 1)")
            #expect(at.line == marked[marker]?.line, "\(marker)")
            #expect(at.column == marked[marker]?.column, "\(marker)")
            #expect(at.byteOffset == marked[marker]?.offset, "\(marker)")
            #expect(at.path == "row 2, column h\(index + 1)")
        }
    }

    @Test(
        "every CSV and TSV file of the CITES samples tokenizes the same whatever the read size",
        .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
    )
    func samplesAnyChunking() throws {
        let files =
            Fixtures.files(in: Fixtures.samplesDirectory + "/cites/sapi", suffix: ".csv")
            + Fixtures.files(in: Fixtures.samplesDirectory + "/cites/citesdb", suffix: ".tsv")
        #expect(files.count == 9)
        for file in files {
            let bytes = try #require(Fixtures.read(file))
            let whole = try tokenize(bytes, dialect: nil)
            #expect(!whole.rows.isEmpty, "\(file)")
            for maxChunk in [1, 17, 4096] {
                let chunked = try tokenize(bytes, dialect: nil, maxChunk: maxChunk, chunkSize: 256)
                #expect(chunked.rows == whole.rows, "\(file) maxChunk \(maxChunk)")
                #expect(chunked.dialect == whole.dialect)
            }
        }
    }

    @Test("random bytes: eight-at-a-time scanning (whole input) and byte-by-byte scanning (one byte a read) agree")
    func randomInputScansAlike() throws {
        // Separators, quotes, line ends, a NUL, non-ASCII and ordinary bytes, in runs long enough to cross words.
        let alphabet: [UInt8] = Array("ab,,;;\"\"\n\r \t\u{0}xyz0123".utf8) + [0xC3, 0xA9, 0xE2, 0x80, 0x8B, 0xFF]
        var state: UInt64 = 0x5EED
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        for round in 0..<300 {
            var bytes: [UInt8] = []
            let length = Int(next() % 400)
            while bytes.count < length {
                // Mostly ordinary text, so that the word-at-a-time paths run; sometimes a structural byte.
                if next() % 4 == 0 {
                    bytes.append(alphabet[Int(next() % UInt64(alphabet.count))])
                } else {
                    bytes += Array(repeating: UInt8(ascii: "q"), count: Int(next() % 12))
                }
            }
            for dialect in [CSVDialect.comma, .semicolon] {
                let words = try tokenize(bytes, dialect: dialect, chunkSize: 64)
                let bytewise = try tokenize(bytes, dialect: dialect, maxChunk: 1, chunkSize: 64)
                #expect(words.rows == bytewise.rows, "round \(round)")
                #expect(words.diagnostics == bytewise.diagnostics, "round \(round)")
            }
        }
    }
}
