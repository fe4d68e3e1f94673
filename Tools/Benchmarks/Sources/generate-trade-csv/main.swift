// generate-trade-csv OUTPUT [SIZE_MB] [--seed N]
// generate-trade-csv --slice ROWS INPUT OUTPUT
// generate-trade-csv --tokenize INPUT
// generate-trade-csv --validate INPUT SCHEMA
// generate-trade-csv --read INPUT SCHEMA
//
// Writes a deterministic CSV shaped like the CITES Trade Database bulk release (20 columns, quoted text columns,
// empty cells, accents) of about SIZE_MB megabytes (10^6 bytes; default 1000): it stops after the row that crosses
// the target. Streamed in 1 MiB chunks to OUTPUT.partial, then renamed to OUTPUT. Prints the row count (without the
// header) and the byte count.
//
// `--slice` copies the header and the first ROWS rows of INPUT (for tools too slow for the whole file).
// `--tokenize` runs MEABridge's raw CSV tokenizer over INPUT, counting rows and fields; `--validate` runs only its
// table-schema validator (no records, no rules). Both are available when this target is built with the
// MEABridgeCSV module (see Tools/Benchmarks/README.md). `--read` runs the cites-trade-csv reader with the table schema
// checked in the same pass, as `meabridge validate --schema` does, but hands the records to nothing (no rules): the
// ceiling of the one-pass validation; it needs the MEABridgeCITES module too.

#if canImport(MEABridgeCSV)
    import MEABridgeCSV
    import MEABridgeCore
#endif
#if canImport(MEABridgeCITES)
    import MEABridgeCITES
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes to standard error (file descriptor 2; the C `stderr` global is not concurrency-safe in Swift 6).
func printError(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

func fail(_ message: String) -> Never {
    printError("generate-trade-csv: \(message)")
    exit(2)
}

let usage = """
    usage: generate-trade-csv OUTPUT [SIZE_MB] [--seed N]
           generate-trade-csv --slice ROWS INPUT OUTPUT
           generate-trade-csv --tokenize INPUT
           generate-trade-csv --validate INPUT SCHEMA
           generate-trade-csv --read INPUT SCHEMA
      OUTPUT   the CSV to write (written to OUTPUT.partial, then renamed)
      SIZE_MB  target size in megabytes of 10^6 bytes (default 1000); generation stops after the row that crosses it
      --seed   the PRNG seed (default 20240501); the same seed and size always give the same bytes
      --slice  copy the header and the first ROWS data rows of INPUT to OUTPUT
      --tokenize  count the rows and fields of INPUT with MEABridge's CSV tokenizer and print MB/s
      --validate  check INPUT against the table schema SCHEMA with MEABridge's table-schema validator only
      --read      read INPUT with the cites-trade-csv reader, checking it against SCHEMA in the same pass (no rules)
    """

/// Buffers output and writes it in 1 MiB chunks.
struct ChunkedFile {
    static let chunkSize = 1 << 20
    private let file: UnsafeMutablePointer<FILE>
    private let path: String
    var buffer: [UInt8] = []
    private(set) var flushed = 0

    init(path: String) {
        guard let file = fopen(path, "wb") else { fail("cannot open \(path): \(String(cString: strerror(errno)))") }
        self.file = file
        self.path = path
        buffer.reserveCapacity(Self.chunkSize + (1 << 16))
    }

    var total: Int { flushed + buffer.count }

    mutating func flushIfFull() { if buffer.count >= Self.chunkSize { flush() } }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == buffer.count else { fail("cannot write \(path): \(String(cString: strerror(errno)))") }
        flushed += written
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() {
        flush()
        guard fclose(file) == 0 else { fail("cannot close \(path): \(String(cString: strerror(errno)))") }
    }
}

func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// `--slice ROWS INPUT OUTPUT`: the header and the first ROWS rows (rows end at `\n`; the generator never puts line
/// breaks inside fields).
func slice(rows: Int, input: String, output: String) -> Never {
    guard let file = fopen(input, "rb") else { fail("cannot open \(input): \(String(cString: strerror(errno)))") }
    var out = ChunkedFile(path: output)
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    var lines = 0
    reading: while true {
        let count = fread(&chunk, 1, chunk.count, file)
        if count <= 0 { break }
        for index in 0..<count {
            out.buffer.append(chunk[index])
            if chunk[index] == UInt8(ascii: "\n") {
                lines += 1
                if lines > rows { break reading }
            }
        }
        out.flushIfFull()
    }
    fclose(file)
    let bytes = out.total
    out.close()
    print("generate-trade-csv: sliced \(max(0, lines - 1)) rows, \(bytes) bytes to \(output)")
    exit(0)
}

/// `--tokenize INPUT`: rows and fields through the raw tokenizer, and the throughput.
func tokenize(input: String) -> Never {
    #if canImport(MEABridgeCSV)
        do {
            let source = try FileByteSource(path: input)
            let start = monotonicSeconds()
            var tokenizer = CSVTokenizer(source: source)
            var rows = 0
            var fields = 0
            var problems = 0
            while try tokenizer.nextRow(report: { _ in problems += 1 }) {
                rows += 1
                fields += tokenizer.fieldCount
            }
            let seconds = monotonicSeconds() - start
            let bytes = tokenizer.bytesRead
            let rate = Double(bytes) / 1e6 / seconds
            print(
                "generate-trade-csv: tokenized \(rows) rows, \(fields) fields, \(bytes) bytes in "
                    + "\(Int(seconds * 1000)) ms: \(Int(rate)) MB/s (\(problems) diagnostics, \(tokenizer.dialect))"
            )
            exit(0)
        } catch {
            fail("\(error)")
        }
    #else
        fail("--tokenize needs this target built with the MEABridgeCSV module (see Tools/Benchmarks/README.md)")
    #endif
}

/// `--validate INPUT SCHEMA`: the table-schema pass alone, its problem count and throughput.
func validate(input: String, schema: String) -> Never {
    #if canImport(MEABridgeCSV)
        do {
            let validator = try TableSchemaValidator(schemaPath: schema)
            let source = try FileByteSource(path: input)
            let size = source.size ?? 0
            let start = monotonicSeconds()
            var errors = 0
            var warnings = 0
            try validator.validate(source: source, sourceName: input, maxErrors: 1000) { diagnostic in
                if diagnostic.severity >= .error {
                    errors += 1
                } else if diagnostic.severity == .warning {
                    warnings += 1
                }
                if errors + warnings <= 5 { printError(diagnostic.formatted) }
            }
            let seconds = monotonicSeconds() - start
            print(
                "generate-trade-csv: validated \(size) bytes in \(Int(seconds * 1000)) ms: "
                    + "\(Int(Double(size) / 1e6 / seconds)) MB/s, \(errors) errors, \(warnings) warnings"
            )
            exit(errors > 0 ? 1 : 0)
        } catch {
            fail("\(error)")
        }
    #else
        fail("--validate needs this target built with the MEABridgeCSV module (see Tools/Benchmarks/README.md)")
    #endif
}

/// `--read INPUT SCHEMA`: the cites-trade-csv reader with the table schema in one pass, records dropped.
func readOnePass(input: String, schema: String) -> Never {
    #if canImport(MEABridgeCITES)
        do {
            let validator = try TableSchemaValidator(schemaPath: schema)
            let source = try FileByteSource(path: input)
            let size = source.size ?? 0
            let start = monotonicSeconds()
            var records = 0
            var errors = 0
            var warnings = 0
            var reader = CITESTradeReader(options: ReadOptions(sourceName: input))
            let used = try reader.read(
                from: source,
                validatingWith: validator,
                maxErrors: 1000,
                emit: { _ in records += 1 },
                report: { diagnostic in
                    if diagnostic.severity >= .error {
                        errors += 1
                    } else if diagnostic.severity == .warning {
                        warnings += 1
                    }
                    if errors + warnings <= 5 { printError(diagnostic.formatted) }
                }
            )
            guard used else { fail("the reader did not take the table schema") }
            let seconds = monotonicSeconds() - start
            print(
                "generate-trade-csv: read \(records) records of \(size) bytes with the schema in \(Int(seconds * 1000)) ms: "
                    + "\(Int(Double(size) / 1e6 / seconds)) MB/s, \(errors) errors, \(warnings) warnings"
            )
            exit(errors > 0 ? 1 : 0)
        } catch {
            fail("\(error)")
        }
    #else
        fail("--read needs this target built with the MEABridgeCITES module (see Tools/Benchmarks/README.md)")
    #endif
}

var positional: [String] = []
var seed: UInt64 = 20_240_501
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "-h", "--help":
        print(usage)
        exit(0)
    case "--seed":
        guard let text = arguments.popFirst(), let value = UInt64(text) else { fail("--seed needs an integer") }
        seed = value
    case "--slice":
        guard let rows = arguments.popFirst().flatMap({ Int($0) }), let input = arguments.popFirst(),
            let output = arguments.popFirst()
        else { fail("--slice needs ROWS INPUT OUTPUT") }
        slice(rows: rows, input: input, output: output)
    case "--tokenize":
        guard let input = arguments.popFirst() else { fail("--tokenize needs INPUT") }
        tokenize(input: input)
    case "--read":
        guard let input = arguments.popFirst(), let schema = arguments.popFirst() else { fail("--read needs INPUT SCHEMA") }
        readOnePass(input: input, schema: schema)
    case "--validate":
        guard let input = arguments.popFirst(), let schema = arguments.popFirst() else {
            fail("--validate needs INPUT SCHEMA")
        }
        validate(input: input, schema: schema)
    default:
        if argument.hasPrefix("-") && argument.count > 1 && Double(argument) == nil {
            fail("unknown option \(argument)\n\(usage)")
        }
        positional.append(argument)
    }
}
guard (1...2).contains(positional.count) else { fail("expected OUTPUT [SIZE_MB]\n\(usage)") }
let outputPath = positional[0]
let sizeMB = positional.count == 2 ? Double(positional[1]) : 1000
guard let sizeMB, sizeMB >= 0, sizeMB < 1_000_000 else { fail("SIZE_MB must be a non-negative number") }
let targetBytes = Int(sizeMB * 1_000_000)

let partialPath = outputPath + ".partial"
var out = ChunkedFile(path: partialPath)
var generator = TradeRowGenerator(seed: seed)
out.buffer.append(contentsOf: TradeRowGenerator.header.utf8)
var rows = 0
var nextProgress = 250_000_000
repeat {
    generator.appendRow(into: &out.buffer)
    rows += 1
    out.flushIfFull()
    if out.total >= nextProgress {
        printError("generate-trade-csv: \(out.total / 1_000_000) MB, \(rows) rows")
        nextProgress += 250_000_000
    }
} while out.total < targetBytes
let bytes = out.total
out.close()
guard rename(partialPath, outputPath) == 0 else {
    fail("cannot rename \(partialPath) to \(outputPath): \(String(cString: strerror(errno)))")
}
print("generate-trade-csv: wrote \(rows) rows, \(bytes) bytes to \(outputPath)")
