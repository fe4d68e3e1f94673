/// The exit codes of `meabridge`, the same for every command.
public enum ExitStatus: Int32, Sendable {
    /// Success: no error-level diagnostics.
    case ok = 0
    /// The input had error-level (or fatal) diagnostics.
    case diagnostics = 1
    /// The command line was wrong (unknown option, unknown format, undetectable input format).
    case usage = 2
    /// A file could not be opened, read, written or renamed.
    case io = 3

    /// The text for `--help`.
    static let help = """
        EXIT CODES:
          0  success (warnings may have been printed)
          1  error-level diagnostics (the output is still written,
             unless the input could not be read to its end)
          2  usage error: bad option, unknown format, undetected format
          3  I/O error: a file could not be opened, read or written
             (no partial output file is ever left behind)
        """
}

/// Thrown by command code to stop with an exit status after a message has been printed.
public struct CommandExit: Error, Sendable {
    /// The status to exit with.
    public var status: ExitStatus

    /// Creates an exit.
    /// - Parameter status: The status to exit with.
    public init(_ status: ExitStatus) { self.status = status }
}
