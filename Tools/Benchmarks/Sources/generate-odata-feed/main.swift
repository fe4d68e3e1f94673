// generate-odata-feed OUTPUT [SIZE_MB] [--seed N]
//
// Writes a deterministic InforMEA OData v2 verbose JSON Decisions feed, `{"d":{"results":[ ... ]}}`, of about
// SIZE_MB megabytes (10^6 bytes; default 500): it stops after the record that crosses the target. The file is
// streamed in 1 MiB chunks (only one record is ever held in memory) to OUTPUT.partial, then renamed to OUTPUT, so an
// interrupted run never leaves a truncated feed behind. Prints the record count and the byte count.

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
    printError("generate-odata-feed: \(message)")
    exit(2)
}

let usage = """
    usage: generate-odata-feed OUTPUT [SIZE_MB] [--seed N]
      OUTPUT   the feed to write (written to OUTPUT.partial, then renamed)
      SIZE_MB  target size in megabytes of 10^6 bytes (default 500); generation stops after the record that
               crosses it
      --seed   the PRNG seed (default 20240501); the same seed and size always give the same bytes
    """

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
    default:
        if argument.hasPrefix("-") && argument.count > 1 && Double(argument) == nil {
            fail("unknown option \(argument)\n\(usage)")
        }
        positional.append(argument)
    }
}
guard (1...2).contains(positional.count) else { fail("expected OUTPUT [SIZE_MB]\n\(usage)") }
let outputPath = positional[0]
let sizeMB = positional.count == 2 ? Double(positional[1]) : 500
guard let sizeMB, sizeMB >= 0, sizeMB < 1_000_000 else { fail("SIZE_MB must be a non-negative number") }
let targetBytes = Int(sizeMB * 1_000_000)

/// Buffers output and writes it in chunks of `chunkSize` bytes.
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

    mutating func append(_ text: String) { buffer.append(contentsOf: text.utf8) }

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

let partialPath = outputPath + ".partial"
var out = ChunkedFile(path: partialPath)
var generator = DecisionGenerator(seed: seed)
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
} while out.total < targetBytes
out.append("\n    ]\n  }\n}\n")
let bytes = out.total
out.close()
guard rename(partialPath, outputPath) == 0 else {
    fail("cannot rename \(partialPath) to \(outputPath): \(String(cString: strerror(errno)))")
}
print("generate-odata-feed: wrote \(records) records, \(bytes) bytes to \(outputPath)")
