/// A stable identifier of a kind of problem, `domain.code` (for example `json.syntax` or `model.country-unknown`).
///
/// Identifiers are open: any layer can declare its own as a static member in an extension.
public struct DiagnosticID: Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The identifier text, such as `json.syntax`.
    public let rawValue: String

    /// Creates an identifier from its text.
    /// - Parameter rawValue: The identifier, `domain.code`.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Creates an identifier from a string literal.
    /// - Parameter value: The identifier, `domain.code`.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The identifier text.
    public var description: String { rawValue }

    /// Decodes the identifier from a single string.
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` if the value is not a string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the identifier as a single string.
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` if the value cannot be written.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Informational only.
    case note
    /// Something is suspicious or was repaired; the output is still produced.
    case warning
    /// A record or value is wrong; the run exits with status 1.
    case error
    /// The input could not be read any further.
    case fatal

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        case .fatal: 3
        }
    }

    /// Orders severities from `note` to `fatal`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One problem found in an input or a record: a stable id, a severity, a message and a location.
///
/// Diagnostics are values that readers, rules and writers collect; only an unrecoverable input stops a reader.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// The stable identifier of the kind of problem.
    public var id: DiagnosticID
    /// How serious the problem is.
    public var severity: Severity
    /// A one-line message that says what is wrong and, where possible, what to do.
    public var message: String
    /// Where the problem is.
    public var location: SourceLocation?
    /// The underlying cause (for example the message of a system error), if any.
    public var cause: String?

    /// Creates a diagnostic.
    /// - Parameters:
    ///   - id: The stable identifier.
    ///   - severity: How serious the problem is.
    ///   - message: What is wrong.
    ///   - location: Where it is.
    ///   - cause: The underlying cause.
    public init(
        id: DiagnosticID,
        severity: Severity,
        message: String,
        location: SourceLocation? = nil,
        cause: String? = nil
    ) {
        self.id = id
        self.severity = severity
        self.message = message
        self.location = location
        self.cause = cause
    }

    /// The one-line form `file:line:col: severity: message [id]`, plus ` (at PATH)` when a structural path is known.
    public var formatted: String {
        var text = ""
        if let location { text += location.prefix + ": " }
        text += "\(severity.rawValue): \(message)"
        if let cause { text += ": \(cause)" }
        if let path = location?.path, !path.isEmpty { text += " (at \(path))" }
        text += " [\(id.rawValue)]"
        return text
    }
}

/// Receives diagnostics as they are found.
///
/// Readers and rules report through a sink instead of throwing, so one bad value never hides the others.
public protocol DiagnosticSink {
    /// Reports one diagnostic.
    /// - Parameter diagnostic: The problem found.
    mutating func report(_ diagnostic: Diagnostic)
}

/// A diagnostic sink that keeps everything it is given, with counts per severity.
public struct DiagnosticCollector: DiagnosticSink, Sendable {
    /// Every diagnostic reported, in order (up to `limit`).
    public private(set) var diagnostics: [Diagnostic] = []
    /// How many diagnostics of each severity were reported, including those over the limit.
    public private(set) var counts: [Severity: Int] = [:]
    /// The most diagnostics kept; later ones are counted but not stored.
    public var limit: Int

    /// Creates an empty collector.
    /// - Parameter limit: The most diagnostics to keep.
    public init(limit: Int = 100_000) { self.limit = limit }

    /// Keeps one diagnostic and counts it.
    /// - Parameter diagnostic: The problem found.
    public mutating func report(_ diagnostic: Diagnostic) {
        counts[diagnostic.severity, default: 0] += 1
        if diagnostics.count < limit { diagnostics.append(diagnostic) }
    }

    /// The number of error and fatal diagnostics.
    public var errorCount: Int { (counts[.error] ?? 0) + (counts[.fatal] ?? 0) }

    /// The number of warnings.
    public var warningCount: Int { counts[.warning] ?? 0 }
}
