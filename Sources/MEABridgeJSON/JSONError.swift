public import MEABridgeCore

/// A failure to read JSON: malformed or truncated input, an exceeded limit, or an I/O error of the source.
public struct JSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure it is.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code name, such as `unexpectedEnd`.
        public let name: String

        /// Creates a code from its name.
        /// - Parameter name: The code name.
        public init(name: String) { self.name = name }

        /// The input ended inside a value (truncated input, or empty input).
        public static let unexpectedEnd = Code(name: "unexpectedEnd")
        /// A byte that the JSON grammar does not allow at its place.
        public static let unexpectedCharacter = Code(name: "unexpectedCharacter")
        /// A string contains bytes that are not well-formed UTF-8.
        public static let invalidUTF8 = Code(name: "invalidUTF8")
        /// A backslash escape that is unknown, malformed, or a lone UTF-16 surrogate.
        public static let invalidEscape = Code(name: "invalidEscape")
        /// A number that does not follow the RFC 8259 grammar (leading zero, missing digits).
        public static let invalidNumber = Code(name: "invalidNumber")
        /// Containers nested deeper than `JSONLimits.maxDepth`.
        public static let depthLimit = Code(name: "depthLimit")
        /// A string, number or value larger than the configured limit.
        public static let sizeLimit = Code(name: "sizeLimit")
        /// The input is UTF-16 or UTF-32 rather than UTF-8.
        public static let utf16Input = Code(name: "utf16Input")
        /// Something other than whitespace follows the top-level value.
        public static let trailingData = Code(name: "trailingData")
        /// The byte source failed; `JSONError.ioFailure` holds the cause.
        public static let io = Code(name: "io")
        /// `readValue()` or `skipValue()` was called where no value follows (at the end of a container or input).
        public static let noValue = Code(name: "noValue")

        /// The code name.
        public var description: String { name }

        /// The diagnostic identifier that goes with this code.
        public var diagnosticID: DiagnosticID {
            switch self {
            case .unexpectedEnd: "json.unexpected-end"
            case .unexpectedCharacter: "json.syntax"
            case .invalidUTF8: "json.invalid-utf8"
            case .invalidEscape: "json.invalid-escape"
            case .invalidNumber: "json.invalid-number"
            case .depthLimit, .sizeLimit: "json.limit"
            case .utf16Input: "json.encoding"
            case .trailingData: "json.trailing-data"
            case .io: "io.read"
            case .noValue: "json.usage"
            default: DiagnosticID("json.\(name)")
            }
        }
    }

    /// What kind of failure it is.
    public var code: Code
    /// A one-line explanation, without the position.
    public var message: String
    /// Where the failure is: the first byte that cannot continue a valid document, or the end of the input.
    public var position: JSONPosition
    /// The underlying failure of the byte source, for code `io`.
    public var ioFailure: IOFailure?

    /// Creates an error.
    /// - Parameters:
    ///   - code: What kind of failure it is.
    ///   - message: A one-line explanation.
    ///   - position: Where the failure is.
    ///   - ioFailure: The underlying I/O failure, if any.
    public init(code: Code, message: String, position: JSONPosition, ioFailure: IOFailure? = nil) {
        self.code = code
        self.message = message
        self.position = position
        self.ioFailure = ioFailure
    }

    /// The stable diagnostic identifier, such as `json.syntax` or `json.unexpected-end`.
    public var diagnosticID: DiagnosticID { code.diagnosticID }

    /// `line:column: message`.
    public var description: String { "\(position.line):\(position.column): \(message)" }

    /// Converts the error into a fatal diagnostic located in `source`.
    /// - Parameters:
    ///   - source: The file path or URI of the input.
    ///   - path: A JSON Pointer to the value being read, if known.
    /// - Returns: A diagnostic with this error's identifier, message and position.
    public func diagnostic(source: String, path: String? = nil) -> Diagnostic {
        Diagnostic(
            id: diagnosticID,
            severity: .fatal,
            message: message,
            location: SourceLocation(
                source: source,
                line: position.line,
                column: position.column,
                byteOffset: position.offset,
                path: path
            ),
            cause: ioFailure?.message
        )
    }
}

/// Limits that keep a parser's memory and stack bounded on hostile or broken input.
public struct JSONLimits: Sendable, Hashable {
    /// The deepest container nesting allowed.
    public var maxDepth: Int
    /// The longest string or number token allowed, in raw input bytes (escapes counted as written).
    public var maxStringBytes: Int
    /// The most input bytes that one value built by `readValue()` may span; `nil` for no limit.
    public var maxValueBytes: Int?

    /// Creates limits.
    /// - Parameters:
    ///   - maxDepth: The deepest container nesting allowed (512 by default).
    ///   - maxStringBytes: The longest string or number token allowed, in bytes (64 MiB by default).
    ///   - maxValueBytes: The most input bytes one `readValue()` result may span (no limit by default).
    public init(maxDepth: Int = 512, maxStringBytes: Int = 64 << 20, maxValueBytes: Int? = nil) {
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        self.maxValueBytes = maxValueBytes
    }
}
