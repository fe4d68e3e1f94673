import MEABridgeCSV
import MEABridgeCore
import MEABridgeTestSupport
import Testing

/// The rows and diagnostics of a CSV table.
struct TableResult {
    var header: CSVHeader?
    var rows: [[String]] = []
    var rowNumbers: [Int] = []
    var diagnostics: [Diagnostic] = []

    func diagnostics(_ id: DiagnosticID) -> [Diagnostic] { diagnostics.filter { $0.id == id } }
}

func readTable(_ bytes: [UInt8], name: String = "t.csv", maxChunk: Int = .max) throws -> TableResult {
    var result = TableResult()
    var reader = CSVTableReader(source: MemoryByteSource(bytes, name: name, maxChunk: maxChunk))
    result.header = try reader.readHeader { result.diagnostics.append($0) }
    while try reader.nextRow(report: { result.diagnostics.append($0) }) {
        result.rows.append((0..<reader.fieldCount).map { reader.value($0) })
        result.rowNumbers.append(reader.rowNumber)
    }
    return result
}

func readTable(_ text: String) throws -> TableResult { try readTable(Array(text.utf8)) }

func sample(_ relative: String) throws -> [UInt8] {
    try #require(Fixtures.read(Fixtures.samplesDirectory + "/" + relative), "cannot read \(relative)")
}

@Suite("CSV tables: headers, ragged rows, recovery")
struct TableTests {
    @Test("header names lose spaces, NBSP and a stray BOM; lookups ignore case, spacing and punctuation")
    func headerNormalisation() throws {
        let header = CSVHeader(["Internal Notes ", "\u{A0}Species\u{A0}Name", "\u{FEFF}Year", "IFSPermit", "", ""])
        #expect(header.names == ["Internal Notes", "Species\u{A0}Name", "Year", "IFSPermit", "", ""])
        #expect(header.index(of: "internal notes") == 0)
        #expect(header.index(of: "species name") == 1)
        #expect(header.index(of: "YEAR") == 2)
        #expect(header.index(compact: ["ifs_permit"]) == 3)
        #expect(header.index(compact: ["species_name"]) == 1)
        #expect(header.namedCount == 4)
        #expect(header.displayName(5) == "column 6")
    }

    @Test(
        "a header cell with a trailing space is matched, and said so as a note",
        .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
    )
    func reservationsHeader() throws {
        let result = try readTable(try sample("cites/sapi/reservations.csv"))
        let header = try #require(result.header)
        #expect(header.names.last == "Internal Notes")
        let note = try #require(result.diagnostics(.csvHeaderSpaces).first)
        #expect(note.severity == .note)
        #expect(note.location?.line == 1)
        #expect(note.location?.column == 70)
        #expect(result.rows.count == 388)
        #expect(result.diagnostics.filter { $0.severity >= .warning }.isEmpty)
    }

    @Test(
        "quotas.csv: CRLF rows with LF-only breaks inside quoted notes, NBSP kept inside values",
        .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
    )
    func quotas() throws {
        let bytes = try sample("cites/sapi/quotas.csv")
        let result = try readTable(bytes)
        #expect(result.rows.count == 72)
        #expect(result.diagnostics.filter { $0.severity >= .warning }.isEmpty)
        let first = try #require(result.rows.first)
        #expect(first[2] == "Present")
        #expect(first[13].contains("Appendix\u{A0}I, except"))
        #expect(first[13].contains("\n**II** Population of Brazil"))
        // The multi-line note makes row 3 start on line 4.
        #expect(result.rowNumbers.prefix(2) == [2, 3])
        var reader = CSVTableReader(source: MemoryByteSource(bytes, name: "quotas.csv"))
        _ = try reader.readHeader { _ in }
        _ = try reader.nextRow { _ in }
        _ = try reader.nextRow { _ in }
        #expect(reader.rowLocation.line == 4)
        #expect(reader.value(11) == "H; P")
    }

    @Test(
        "exemptions.csv: 87 unnamed trailing columns are fine; unquoted `Z, G, Q, S` is a precise error and the row is skipped",
        .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
    )
    func exemptions() throws {
        let result = try readTable(try sample("cites/sapi/exemptions.csv"))
        let header = try #require(result.header)
        #expect(header.namedCount == 13)
        #expect(header.names.count == 100)
        let spilled = result.diagnostics(.csvRowLong)
        // Every data row but the well-formed ones: the file has 275 records.
        #expect(result.rows.count + spilled.count == 275)
        #expect(spilled.count == 60)
        let first = try #require(spilled.first)
        #expect(first.severity == .error)
        #expect(first.location?.line == 2)
        #expect(first.location?.path == "row 2, column purpose")
        // `19/09/2005,,ALL,ALL,ALL,AF,ALL,ALL,ALL,` is 39 bytes: the purpose cell starts at column 40.
        #expect(first.location?.column == 40)
        #expect(first.message.contains("the unquoted value 'Z, G, Q, S' in column 'purpose' probably spilled"))
        // Reading goes on: well-formed rows after a malformed one are read.
        #expect(result.rowNumbers.contains { $0 > 2 })
    }

    @Test(
        "rows of commas only (the importer_blanks template) are skipped; CRLF does not leak into values",
        .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
    )
    func blankTemplateRows() throws {
        let result = try readTable(try sample("cites/sapi/annual_report_upload_importer_blanks.csv"))
        #expect(result.rows.count == 10)
        #expect(result.rows.allSatisfy { $0.last?.hasSuffix("\r") == false && $0.count == 14 })
        #expect(result.diagnostics.isEmpty)
    }

    @Test("a short row is reported with the missing columns, at its last field; the next row is read")
    func shortRow() throws {
        let marked = MarkedText("a,b,c,d\n1,2,3,4\n5,1️⃣6\n7,8,9,10\n")
        let result = try readTable(marked.text)
        #expect(result.rows == [["1", "2", "3", "4"], ["7", "8", "9", "10"]])
        let diagnostic = try #require(result.diagnostics(.csvRowShort).first)
        #expect(diagnostic.message.contains("row 3 has 2 of the 4 columns; 'c', 'd' are missing"))
        #expect(diagnostic.location?.line == marked["1️⃣"]?.line)
        #expect(diagnostic.location?.column == marked["1️⃣"]?.column)
        #expect(diagnostic.location?.path == "row 3, column c")
    }

    @Test("a value past the named columns is an error at that value; trailing empty cells are not")
    func longRow() throws {
        let marked = MarkedText("a,b\n1,2,,\n3,4,1️⃣x\n")
        let result = try readTable(marked.text)
        #expect(result.rows == [["1", "2", "", ""]])
        let diagnostic = try #require(result.diagnostics(.csvRowLong).first)
        #expect(diagnostic.location?.column == marked["1️⃣"]?.column)
        #expect(diagnostic.message.contains("first in column 3: 'x'"))
    }

    @Test("Windows-1252 bytes are reported once, where they are, and read as text")
    func latin1() throws {
        let bytes =
            Array("name,code\n".utf8) + [0x43, 0xF4, 0x74, 0x65] + Array(",CI\nS".utf8) + [0xE9] + Array("n,SN\n".utf8)
        let result = try readTable(bytes)
        #expect(result.rows == [["Côte", "CI"], ["Sén", "SN"]])
        let diagnostics = result.diagnostics(.csvEncoding)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location?.line == 2)
        #expect(diagnostics.first?.location?.column == 2)
    }

    @Test("duplicate header names are reported; the first column of the name wins")
    func duplicateHeader() throws {
        var reader = CSVTableReader(source: MemoryByteSource("id,name,ID\n1,a,2\n"))
        var diagnostics: [Diagnostic] = []
        let header = try #require(try reader.readHeader { diagnostics.append($0) })
        #expect(header.index(of: "id") == 0)
        #expect(diagnostics.map(\.id) == [.csvDuplicateHeader])
        #expect(diagnostics.first?.location?.column == 9)
    }

    @Test("an empty input has no header: one error")
    func emptyInput() throws {
        let result = try readTable("\n\n")
        #expect(result.header == nil)
        #expect(result.diagnostics.map(\.id) == [.csvNoHeader])
    }

    @Test("memory stays bounded: 39 MB of rows stream through a 64 KiB buffer")
    func boundedMemory() throws {
        /// Produces `count` rows on the fly, never holding them.
        struct Rows: ByteSource {
            let name = "generated.csv"
            var remaining: Int
            var pending: [UInt8] = Array("id,taxon,notes\n".utf8)
            var row = 0
            mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int {
                while pending.count < buffer.count, remaining > 0 {
                    row += 1
                    remaining -= 1
                    pending += Array("\(row),\"Acipenser baerii\",\"a note, with a comma and a\nline break\"\n".utf8)
                }
                let count = min(buffer.count, pending.count)
                for index in 0..<count { buffer[index] = pending[index] }
                pending.removeFirst(count)
                return count
            }
        }
        var tokenizer = CSVTokenizer(source: Rows(remaining: 600_000), dialect: .comma, chunkSize: 65_536)
        var rows = 0
        var lastID = ""
        while try tokenizer.nextRow(report: { _ in Issue.record("unexpected diagnostic") }) {
            rows += 1
            lastID = tokenizer.field(0)
        }
        #expect(rows == 600_001)
        #expect(lastID == "600000")
        #expect(tokenizer.line == 1_200_000)
        #expect(tokenizer.bytesRead > 39_000_000)
        #expect(tokenizer.bufferCapacity == 65_536)
    }
}

@Suite("ByteKeyIndex: byte-string lookups for enum checks and value caches")
struct ByteKeyIndexTests {
    @Test("keys of every length up to 20, with NUL bytes, prefixes and shared tails, are told apart")
    func keysOfEveryLength() {
        var keys: [[UInt8]] = [[]]
        for length in 1...20 {
            let base = (0..<length).map { UInt8(truncatingIfNeeded: 0x41 + $0) }
            keys.append(base)
            keys.append(base.dropLast() + [0])  // the same but for a NUL last byte
            if length > 1 {
                keys.append([0] + base.dropFirst())  // a NUL first byte
                keys.append(Array(base.reversed()))
            }
        }
        var index = ByteKeyIndex()
        for (position, key) in keys.enumerated() {
            key.withUnsafeBufferPointer { bytes in
                #expect(index.index(of: bytes) == -1, "\(key) before insertion")
                #expect(index.insert(bytes) == position)
            }
        }
        for (position, key) in keys.enumerated() {
            key.withUnsafeBufferPointer { bytes in #expect(index.index(of: bytes) == position, "\(key)") }
        }
        for absent: [UInt8] in [[0x41, 0x41], [0, 0], Array(repeating: 0x41, count: 9), [0x42, 0x43, 0x44, 0x45]] {
            absent.withUnsafeBufferPointer { bytes in #expect(index.index(of: bytes) == -1, "\(absent)") }
        }
        #expect(index.count == keys.count)
    }
}
