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

import GeneratorSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

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

func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// `--slice ROWS INPUT OUTPUT`: the header and the first ROWS rows (rows end at `\n`; the generator never puts line
/// breaks inside fields).
func slice(rows: Int, input: String, output: String) -> Never {
    guard let file = fopen(input, "rb") else { fail("cannot open \(input): \(systemError)") }
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

// The other modes, then generation (OUTPUT [SIZE_MB] [--seed N]).
var modeArguments = CommandLine.arguments.dropFirst()
switch modeArguments.popFirst() {
case "--slice":
    guard let rows = modeArguments.popFirst().flatMap({ Int($0) }), let input = modeArguments.popFirst(),
        let output = modeArguments.popFirst()
    else { fail("--slice needs ROWS INPUT OUTPUT") }
    slice(rows: rows, input: input, output: output)
case "--tokenize":
    guard let input = modeArguments.popFirst() else { fail("--tokenize needs INPUT") }
    tokenize(input: input)
case "--read":
    guard let input = modeArguments.popFirst(), let schema = modeArguments.popFirst() else {
        fail("--read needs INPUT SCHEMA")
    }
    readOnePass(input: input, schema: schema)
case "--validate":
    guard let input = modeArguments.popFirst(), let schema = modeArguments.popFirst() else {
        fail("--validate needs INPUT SCHEMA")
    }
    validate(input: input, schema: schema)
default:
    break
}
let arguments = GeneratorArguments.parse(CommandLine.arguments.dropFirst(), defaultMB: 1000, usage: usage)

var out = ChunkedFile(path: arguments.partialPath)
var generator = TradeRowGenerator(seed: arguments.seed)
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
} while out.total < arguments.targetBytes
let bytes = out.total
out.close()
arguments.commit()
print("generate-trade-csv: wrote \(rows) rows, \(bytes) bytes to \(arguments.outputPath)")
