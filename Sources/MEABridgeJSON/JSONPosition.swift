/// A place in JSON input: 1-based line, 1-based byte column and 0-based byte offset.
///
/// Lines end at line feeds (`\n`); a carriage return is an ordinary whitespace byte. A UTF-8 byte order mark at
/// the start of the input counts in `offset` but not in `column`, so the first byte after it is at column 1.
public struct JSONPosition: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, in bytes from the start of the line.
    public var column: Int
    /// The 0-based byte offset from the start of the input.
    public var offset: Int

    /// Creates a position.
    /// - Parameters:
    ///   - line: The 1-based line number.
    ///   - column: The 1-based byte column.
    ///   - offset: The 0-based byte offset.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `line:column`, the form used in messages.
    public var description: String { "\(line):\(column)" }
}
