#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The running tool's name (its executable's file name), for messages.
public let toolName = String(CommandLine.arguments.first?.split(separator: "/").last ?? "generator")

/// Writes a line to standard error (file descriptor 2; the C `stderr` global is not concurrency-safe in Swift 6).
/// - Parameter message: The line.
public func printError(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

/// Prints `TOOL: MESSAGE` on standard error and exits with status 2.
/// - Parameter message: What went wrong.
public func fail(_ message: String) -> Never {
    printError("\(toolName): \(message)")
    exit(2)
}

/// The message of the last C library error.
public var systemError: String { String(cString: strerror(errno)) }

/// Buffers output and writes it to a file in chunks of about 1 MiB, so only the current record is ever held.
public struct ChunkedFile {
    /// Bytes are written once the buffer holds this many.
    public static let chunkSize = 1 << 20
    private let file: UnsafeMutablePointer<FILE>
    private let path: String
    /// What is not written yet; append to it, then call ``flushIfFull()``.
    public var buffer: [UInt8] = []
    private(set) var flushed = 0

    /// Creates (or truncates) the file; exits with a message when it cannot.
    /// - Parameter path: The file.
    public init(path: String) {
        guard let file = fopen(path, "wb") else { fail("cannot open \(path): \(systemError)") }
        self.file = file
        self.path = path
        buffer.reserveCapacity(Self.chunkSize + (1 << 16))
    }

    /// The bytes written so far, buffered ones included.
    public var total: Int { flushed + buffer.count }

    /// Appends text as UTF-8.
    /// - Parameter text: The text.
    public mutating func append(_ text: String) { buffer.append(contentsOf: text.utf8) }

    /// Writes the buffer once it holds a chunk.
    public mutating func flushIfFull() { if buffer.count >= Self.chunkSize { flush() } }

    /// Writes the buffer; exits with a message when it cannot.
    public mutating func flush() {
        guard !buffer.isEmpty else { return }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == buffer.count else { fail("cannot write \(path): \(systemError)") }
        flushed += written
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and closes the file; exits with a message when it cannot.
    public mutating func close() {
        flush()
        guard fclose(file) == 0 else { fail("cannot close \(path): \(systemError)") }
    }
}

/// What the generators take: `OUTPUT [SIZE_MB] [--seed N]`.
public struct GeneratorArguments {
    /// The file to write (through `OUTPUT.partial`).
    public var outputPath: String
    /// The size to reach, in bytes.
    public var targetBytes: Int
    /// The PRNG seed.
    public var seed: UInt64

    /// Parses the arguments; prints `usage` for `-h`, exits with a message on a bad one.
    /// - Parameters:
    ///   - arguments: The arguments after the executable's name.
    ///   - defaultMB: The size when none is given.
    ///   - usage: The help text.
    /// - Returns: The arguments.
    public static func parse(_ arguments: ArraySlice<String>, defaultMB: Double, usage: String) -> GeneratorArguments {
        var arguments = arguments
        var positional: [String] = []
        var seed: UInt64 = 20_240_501
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
        let sizeMB = positional.count == 2 ? Double(positional[1]) : defaultMB
        guard let sizeMB, sizeMB >= 0, sizeMB < 1_000_000 else { fail("SIZE_MB must be a non-negative number") }
        return GeneratorArguments(outputPath: positional[0], targetBytes: Int(sizeMB * 1_000_000), seed: seed)
    }

    /// Where the output is written before it is complete.
    public var partialPath: String { outputPath + ".partial" }

    /// Renames the complete `OUTPUT.partial` to `OUTPUT`, so an interrupted run never leaves a truncated file.
    public func commit() {
        guard rename(partialPath, outputPath) == 0 else {
            fail("cannot rename \(partialPath) to \(outputPath): \(systemError)")
        }
    }
}
