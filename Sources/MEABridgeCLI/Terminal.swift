#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a command writes: standard output for results, standard error for diagnostics and progress.
///
/// Tests pass closures that capture the text; the real program writes to the file descriptors.
public struct Console: Sendable {
    /// Writes result text (standard output).
    public var out: @Sendable (String) -> Void
    /// Writes diagnostic text (standard error).
    public var err: @Sendable (String) -> Void
    /// Whether standard error is a terminal (live progress is shown only then).
    public var errIsTerminal: Bool

    /// Creates a console from closures.
    /// - Parameters:
    ///   - out: Receives result text.
    ///   - err: Receives diagnostic text.
    ///   - errIsTerminal: Whether to show live progress.
    public init(
        out: @escaping @Sendable (String) -> Void,
        err: @escaping @Sendable (String) -> Void,
        errIsTerminal: Bool = false
    ) {
        self.out = out
        self.err = err
        self.errIsTerminal = errIsTerminal
    }

    /// The process's standard output and standard error.
    public static var standard: Console {
        Console(
            out: { text in writeAll(1, text) },
            err: { text in writeAll(2, text) },
            errIsTerminal: isatty(2) == 1
        )
    }
}

private func writeAll(_ descriptor: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { buffer in
        guard var base = buffer.baseAddress else { return }
        var remaining = buffer.count
        while remaining > 0 {
            let written = write(descriptor, base, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            remaining -= written
            base += written
        }
    }
}
