/// Where something was found in an input: a file, a position, and a structural path.
///
/// Line and column are 1-based. `path` is a structural address: a JSON Pointer (`/d/results/3/title`),
/// an XPath (`/feed/entry[2]`), or a CSV cell (`row 12, column date`).
public struct SourceLocation: Sendable, Hashable, Codable {
    /// The location of a member of what this location points at: the member's name appended to the path
    /// (`/d/results/2` → `/d/results/2/title`); the line and column stay those of the owner.
    /// - Parameter field: The member's name, or a relative path such as `answers/3/goals/1`.
    /// - Returns: The location.
    public func appending(field: String) -> SourceLocation {
        var location = self
        if let path { location.path = path == "/" ? "/" + field : path + "/" + field }
        return location
    }

    /// The file path or URI, or `-` for standard input.
    public var source: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column (in bytes from the start of the line), when known.
    public var column: Int?
    /// The 0-based byte offset from the start of the input, when known.
    public var byteOffset: Int?
    /// A structural address inside the input (JSON Pointer, XPath or row/column).
    public var path: String?

    /// Creates a location.
    /// - Parameters:
    ///   - source: The file path or URI.
    ///   - line: The 1-based line.
    ///   - column: The 1-based column.
    ///   - byteOffset: The 0-based byte offset.
    ///   - path: A structural address inside the input.
    public init(source: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil, path: String? = nil) {
        self.source = source
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.path = path
    }

    /// `file:line:col` (missing parts are left out), the prefix of a diagnostic line.
    public var prefix: String {
        var text = source
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}
