// generate-odata-feed OUTPUT [SIZE_MB] [--seed N]
//
// Writes a deterministic InforMEA OData v2 verbose JSON Decisions feed, `{"d":{"results":[ ... ]}}`, of about
// SIZE_MB megabytes (10^6 bytes; default 500): it stops after the record that crosses the target. The file is
// streamed in 1 MiB chunks (only one record is ever held in memory) to OUTPUT.partial, then renamed to OUTPUT, so an
// interrupted run never leaves a truncated feed behind. Prints the record count and the byte count.

import GeneratorSupport

let usage = """
    usage: generate-odata-feed OUTPUT [SIZE_MB] [--seed N]
      OUTPUT   the feed to write (written to OUTPUT.partial, then renamed)
      SIZE_MB  target size in megabytes of 10^6 bytes (default 500); generation stops after the record that
               crosses it
      --seed   the PRNG seed (default 20240501); the same seed and size always give the same bytes
    """

let arguments = GeneratorArguments.parse(CommandLine.arguments.dropFirst(), defaultMB: 500, usage: usage)

var out = ChunkedFile(path: arguments.partialPath)
var generator = DecisionGenerator(seed: arguments.seed)
out.append("{\n  \"d\": {\n    \"results\": [\n")
var records = 0
var nextProgress = 100_000_000
repeat {
    if records > 0 { out.append(",\n") }
    JSON.appendIndent(6, into: &out.buffer)
    generator.next().write(into: &out.buffer, indent: 6)
    records += 1
    out.flushIfFull()
    if out.total >= nextProgress {
        printError("generate-odata-feed: \(out.total / 1_000_000) MB, \(records) records")
        nextProgress += 100_000_000
    }
} while out.total < arguments.targetBytes
out.append("\n    ]\n  }\n}\n")
let bytes = out.total
out.close()
arguments.commit()
print("generate-odata-feed: wrote \(records) records, \(bytes) bytes to \(arguments.outputPath)")
