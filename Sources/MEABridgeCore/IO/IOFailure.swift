#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failure to open, read, write or rename a file (the CLI exits with status 3 for these).
public struct IOFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the failed operation was.
    public struct Operation: Sendable, Hashable, CustomStringConvertible {
        /// The operation name (`open`, `read`, `write`, `rename`, `create`).
        public let name: String
        /// Opening a file for reading.
        public static let open = Operation(name: "open")
        /// Reading bytes.
        public static let read = Operation(name: "read")
        /// Writing bytes.
        public static let write = Operation(name: "write")
        /// Creating a temporary output file.
        public static let create = Operation(name: "create")
        /// Moving a finished output file into place.
        public static let rename = Operation(name: "rename")
        /// The operation name.
        public var description: String { name }
    }

    /// The operation that failed.
    public var operation: Operation
    /// The file path concerned.
    public var path: String
    /// The system error number, when there is one.
    public var errorNumber: Int32?
    /// A readable explanation.
    public var message: String

    /// Creates a failure from the current `errno`.
    /// - Parameters:
    ///   - operation: The operation that failed.
    ///   - path: The file path concerned.
    ///   - errorNumber: The system error number.
    public init(operation: Operation, path: String, errorNumber: Int32) {
        self.operation = operation
        self.path = path
        self.errorNumber = errorNumber
        self.message = String(cString: strerror(errorNumber))
    }

    /// Creates a failure with a message of its own.
    /// - Parameters:
    ///   - operation: The operation that failed.
    ///   - path: The file path concerned.
    ///   - message: The explanation.
    public init(operation: Operation, path: String, message: String) {
        self.operation = operation
        self.path = path
        self.errorNumber = nil
        self.message = message
    }

    /// `cannot open FILE: No such file or directory`.
    public var description: String { "cannot \(operation) \(path): \(message)" }
}
