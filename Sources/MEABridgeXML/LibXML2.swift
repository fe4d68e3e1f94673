internal import CLibXML2

/// Facts about the libxml2 library that MEABridgeXML is built on.
///
/// Every entry point of this module initialises libxml2 once per process before first use; the library is never
/// torn down (`xmlCleanupParser` is not safe to call while other code in the process may still use libxml2).
public enum LibXML2 {
    /// The version of the libxml2 library loaded at run time, dotted (for example `2.9.14`).
    ///
    /// This can differ from ``compiledVersion`` when the shared library was upgraded after the build.
    public static var runtimeVersion: String {
        ensureInitialized()
        guard let raw = clibxml2_runtime_version() else { return "unknown" }
        return dottedVersion(fromLibXML2Version: String(cString: raw))
    }

    /// The version of the libxml2 headers this module was compiled against, dotted (for example `2.9.14`).
    public static var compiledVersion: String {
        guard let raw = clibxml2_compiled_version() else { return "unknown" }
        return String(cString: raw)
    }

    /// Runs `body` with the thread's structured error handler set to `handler`, then restores the previous one.
    ///
    /// libxml2 2.9 reports some errors (encoding, I/O, inner schema documents) without a parser context, through
    /// that per-thread handler only. `body` must be synchronous libxml2 work on this thread.
    /// - Parameters:
    ///   - context: The handler's user data.
    ///   - handler: The handler.
    ///   - body: The libxml2 work.
    /// - Returns: What `body` returns.
    static func withThreadStructuredErrors<Result>(
        context: UnsafeMutableRawPointer?,
        handler: xmlStructuredErrorFunc?,
        _ body: () throws -> Result
    ) rethrows -> Result {
        let previousHandler = clibxml2_thread_structured_error()
        let previousContext = clibxml2_thread_structured_error_context()
        xmlSetStructuredErrorFunc(context, handler)
        defer { xmlSetStructuredErrorFunc(previousContext, previousHandler) }
        return try body()
    }

    /// Initialises libxml2 once per process; cheap after the first call and safe from any thread.
    static func ensureInitialized() {
        _ = libxml2Initialization
    }

    /// Turns libxml2's numeric version string (`20914`, possibly with a suffix) into `2.9.14`.
    /// - Parameter raw: The string from `xmlParserVersion`.
    /// - Returns: The dotted form, or `raw` unchanged when it does not start with a version number.
    static func dottedVersion(fromLibXML2Version raw: String) -> String {
        let digits = raw.prefix { $0.isASCII && $0.isNumber }
        guard digits.count >= 5, let number = Int(digits) else { return raw }
        return "\(number / 10_000).\(number / 100 % 100).\(number % 100)"
    }
}

/// Swift initialises globals lazily, exactly once and thread-safely, which is the guarantee `xmlInitParser` needs.
private let libxml2Initialization: Void = {
    xmlInitParser()
}()
