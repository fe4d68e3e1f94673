/// The name of a format (`informea-odata-json`, `ndjson`); open, so adding a format never edits the core.
public struct FormatID: Sendable, Hashable, Codable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name.
    public let rawValue: String

    /// Creates a format name.
    /// - Parameter rawValue: The name.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Creates a format name from a literal.
    /// - Parameter value: The name.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The name.
    public var description: String { rawValue }

    /// Orders by name.
    public static func < (lhs: FormatID, rhs: FormatID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a format is, for `meabridge formats` and `--help`.
public struct FormatDescriptor: Sendable, Hashable {
    /// The format's name.
    public var id: FormatID
    /// A one-line description.
    public var summary: String
    /// Usual file extensions, without the dot.
    public var fileExtensions: [String]

    /// Creates a descriptor.
    /// - Parameters:
    ///   - id: The format's name.
    ///   - summary: A one-line description.
    ///   - fileExtensions: Usual file extensions.
    public init(id: FormatID, summary: String, fileExtensions: [String]) {
        self.id = id
        self.summary = summary
        self.fileExtensions = fileExtensions
    }
}

/// The first bytes of an input and its name, from which `--from auto` guesses the format.
public struct SniffInput: Sendable {
    /// Up to the first 64 KiB of the input.
    public var prefix: [UInt8]
    /// The input's file name (or `-`).
    public var name: String

    /// Creates a sniffing input.
    /// - Parameters:
    ///   - prefix: The first bytes.
    ///   - name: The file name.
    public init(prefix: [UInt8], name: String) {
        self.prefix = prefix
        self.name = name
    }

    /// The prefix without a UTF-8 byte order mark and leading whitespace.
    public var trimmedPrefix: ArraySlice<UInt8> {
        var slice = prefix[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        while let first = slice.first, first == 0x20 || first == 0x0A || first == 0x0D || first == 0x09 {
            slice = slice.dropFirst()
        }
        return slice
    }

    /// Whether the prefix contains `needle`.
    /// - Parameter needle: The text to look for.
    /// - Returns: `true` when found.
    public func contains(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, prefix.count >= pattern.count else { return false }
        var index = 0
        while index <= prefix.count - pattern.count {
            if prefix[index] == pattern[0], Array(prefix[index..<index + pattern.count]) == pattern { return true }
            index += 1
        }
        return false
    }
}

/// How sure a reader is that an input is in its format.
public enum SniffConfidence: Int, Sendable, Comparable {
    /// Not this format.
    case no = 0
    /// Could be this format.
    case possible = 1
    /// Probably this format.
    case likely = 2
    /// Certainly this format.
    case certain = 3

    /// Orders from `no` to `certain`.
    public static func < (lhs: SniffConfidence, rhs: SniffConfidence) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Options every reader understands.
public struct ReadOptions: Sendable {
    /// The entity type of records that do not name theirs (`--entity`).
    public var entity: EntityKind?
    /// The name used in source locations.
    public var sourceName: String
    /// The field separator of delimited-text (CSV) inputs (`--delimiter`); `nil` to detect it.
    public var delimiter: FieldSeparator?

    /// Creates read options.
    /// - Parameters:
    ///   - entity: The entity type to assume.
    ///   - sourceName: The name used in source locations.
    ///   - delimiter: The field separator of CSV inputs, or `nil` to detect it.
    public init(entity: EntityKind? = nil, sourceName: String, delimiter: FieldSeparator? = nil) {
        self.entity = entity
        self.sourceName = sourceName
        self.delimiter = delimiter
    }
}

/// The field separators of delimited text that the CSV readers understand.
public enum FieldSeparator: String, Sendable, CaseIterable {
    /// `,`
    case comma
    /// `;` (Excel in locales with a decimal comma)
    case semicolon
    /// A tab (TSV).
    case tab
    /// `|`
    case pipe

    /// Parses a name or the character itself: `comma` or `,`, `semicolon` or `;`, `tab`, `\t` or `tsv`, `pipe` or
    /// `|` (case-insensitive).
    /// - Parameter name: The name or character.
    public init?(name: String) {
        switch name.lowercased() {
        case "comma", ",": self = .comma
        case "semicolon", ";": self = .semicolon
        case "tab", "\t", "\\t", "tsv": self = .tab
        case "pipe", "|": self = .pipe
        default: return nil
        }
    }

    /// The separator byte.
    public var byte: UInt8 {
        switch self {
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: 0x09
        case .pipe: UInt8(ascii: "|")
        }
    }
}

/// Options every writer understands.
public struct WriteOptions: Sendable {
    /// The OData service root used in `__metadata.uri` (`https://example.org/informea.svc`); relative URIs if `nil`.
    public var serviceRoot: String?
    /// Whether canonical output includes each record's source location.
    public var includeSource: Bool

    /// Creates write options.
    /// - Parameters:
    ///   - serviceRoot: The OData service root.
    ///   - includeSource: Whether to include source locations.
    public init(serviceRoot: String? = nil, includeSource: Bool = true) {
        self.serviceRoot = serviceRoot
        self.includeSource = includeSource
    }
}

/// Reads one input format into canonical records, one at a time, never holding the whole input.
///
/// A reader reports recoverable problems through `report` and goes on; on an unrecoverable one (truncated or
/// malformed syntax) it reports a `fatal` diagnostic and returns. It throws only when reading the bytes fails
/// (`IOFailure`) or when `emit` throws.
public protocol RecordReader: Sendable {
    /// The format's name and description.
    static var format: FormatDescriptor { get }

    /// The schema that inputs in this format are checked against by `meabridge validate` when no `--schema` is
    /// given: a path relative to the `Schemas/` folder (`xml/informea-atom.xsd`), or `nil` for none.
    static var defaultSchema: String? { get }

    /// How likely it is that an input is in this format.
    /// - Parameter input: The first bytes and the name of the input.
    /// - Returns: The confidence.
    static func sniff(_ input: SniffInput) -> SniffConfidence

    /// Creates a reader.
    /// - Parameter options: The read options.
    init(options: ReadOptions)

    /// Reads the whole input, handing on each record as soon as it is complete.
    /// - Parameters:
    ///   - source: The input bytes.
    ///   - emit: Receives each record.
    ///   - report: Receives each diagnostic.
    /// - Throws: `IOFailure` when reading fails, or what `emit` throws.
    mutating func read(
        from source: some ByteSource,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws
}

/// A writer whose output has a companion document describing it, such as the OData `$metadata` (CSDL) of an Atom
/// feed: `meabridge convert --metadata FILE` writes it beside the output.
public protocol MetadataDocumentWriter: RecordWriter {
    /// The companion document for everything written so far.
    /// - Returns: The document's bytes.
    func companionMetadata() -> [UInt8]
}

/// Writes canonical records in one output format, one at a time.
///
/// Output must be deterministic: the same records give the same bytes.
public protocol RecordWriter: Sendable {
    /// The format's name and description.
    static var format: FormatDescriptor { get }

    /// Creates a writer.
    /// - Parameter options: The write options.
    init(options: WriteOptions)

    /// Writes what comes before the first record.
    /// - Parameter out: The output buffer to append to.
    mutating func begin(into out: inout [UInt8])

    /// Writes one record.
    /// - Parameters:
    ///   - record: The record.
    ///   - out: The output buffer to append to.
    ///   - report: Receives diagnostics (for example a value the format cannot carry).
    mutating func write(_ record: Record, into out: inout [UInt8], report: (Diagnostic) -> Void)

    /// Writes what comes after the last record.
    /// - Parameter out: The output buffer to append to.
    mutating func end(into out: inout [UInt8])
}

/// The readers and writers a program knows, looked up by name.
///
/// Built once (`FormatRegistry.builtIn` in MEABridgeFormats lists every bundled format) and passed down; there is no
/// global mutable registry.
public struct FormatRegistry: Sendable {
    /// The reader types, in listing order.
    public let readers: [any RecordReader.Type]
    /// The writer types, in listing order.
    public let writers: [any RecordWriter.Type]
    /// The schema validators, one per schema language.
    public let validators: [any SchemaValidator.Type]
    /// What every diagnostic id the program can report means (`meabridge explain`).
    public let descriptions: [DiagnosticDescription]

    /// Creates a registry.
    /// - Parameters:
    ///   - readers: The reader types.
    ///   - writers: The writer types.
    ///   - validators: The schema validators.
    ///   - descriptions: What each diagnostic id means.
    public init(
        readers: [any RecordReader.Type],
        writers: [any RecordWriter.Type],
        validators: [any SchemaValidator.Type] = [],
        descriptions: [DiagnosticDescription] = []
    ) {
        self.readers = readers
        self.writers = writers
        self.validators = validators
        self.descriptions = descriptions
    }

    /// The description of a diagnostic id.
    /// - Parameter id: The id.
    /// - Returns: Its description, or `nil` when the id is unknown.
    public func description(of id: DiagnosticID) -> DiagnosticDescription? {
        descriptions.first { $0.id == id }
    }

    /// The validator for a schema file, chosen by its name and first bytes.
    /// - Parameter schema: The first bytes and the name of the schema file.
    /// - Returns: The validator type, or `nil` when no registered language recognises it.
    public func validator(for schema: SniffInput) -> (any SchemaValidator.Type)? {
        validators.first { $0.recognizes(schema: schema) }
    }

    /// The reader for a format name.
    /// - Parameter id: The format name.
    /// - Returns: The reader type, or `nil`.
    public func reader(_ id: FormatID) -> (any RecordReader.Type)? {
        readers.first { $0.format.id == id }
    }

    /// The writer for a format name.
    /// - Parameter id: The format name.
    /// - Returns: The writer type, or `nil`.
    public func writer(_ id: FormatID) -> (any RecordWriter.Type)? {
        writers.first { $0.format.id == id }
    }

    /// The reader most confident about an input (`--from auto`); `nil` when none recognises it.
    ///
    /// Of equally confident readers the first registered wins, and the readers after one that is certain are not
    /// asked (none can do better, and with thousands of small inputs asking every reader costs more than converting
    /// them).
    /// - Parameter input: The first bytes and the name of the input.
    /// - Returns: The reader type and its confidence.
    public func sniff(_ input: SniffInput) -> (reader: any RecordReader.Type, confidence: SniffConfidence)? {
        var best: (reader: any RecordReader.Type, confidence: SniffConfidence)?
        for reader in readers {
            let confidence = reader.sniff(input)
            if confidence > .no, confidence > (best?.confidence ?? .no) {
                best = (reader, confidence)
                if confidence == .certain { break }
            }
        }
        return best
    }
}
