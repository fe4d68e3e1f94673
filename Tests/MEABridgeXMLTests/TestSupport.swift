import MEABridgeCore
import MEABridgeXML
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fresh directory under `/tmp` for files a test creates; `remove()` deletes it and everything written to it.
struct TemporaryDirectory {
    /// The directory's absolute path.
    let path: String
    private var files: [String] = []

    /// Creates a new, empty, uniquely named directory.
    /// - Throws: When the directory cannot be created.
    init() throws {
        var template = Array("/tmp/meabridge-xml-tests-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return nil }
            return String(cString: base)
        }
        path = try #require(created)
    }

    /// Writes `bytes` to a file in the directory.
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - name: The file name.
    /// - Returns: The file's absolute path.
    /// - Throws: When the file cannot be created.
    mutating func write(_ bytes: [UInt8], to name: String) throws -> String {
        let filePath = path + "/" + name
        let file = try #require(fopen(filePath, "wb"))
        let written = bytes.withUnsafeBytes { buffer in fwrite(buffer.baseAddress, 1, buffer.count, file) }
        fclose(file)
        #expect(written == bytes.count)
        files.append(filePath)
        return filePath
    }

    /// Writes the UTF-8 bytes of `text` to a file in the directory.
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - name: The file name.
    /// - Returns: The file's absolute path.
    /// - Throws: When the file cannot be created.
    mutating func write(_ text: String, to name: String) throws -> String {
        try write(Array(text.utf8), to: name)
    }

    /// Deletes the files written and the directory.
    func remove() {
        for file in files { unlink(file) }
        rmdir(path)
    }
}

/// A secret that no test input contains except the file a test hides it in.
func uniqueSecret() -> String {
    "MEABRIDGE-SECRET-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
}

/// Parses a string as UTF-8.
/// - Parameters:
///   - text: The document.
///   - name: The name for diagnostics.
///   - options: How to parse.
/// - Returns: The result.
func parse(_ text: String, name: String = "test.xml", options: XMLParseOptions = .default) -> XMLParseResult {
    XMLDocumentParser.parse(bytes: Array(text.utf8), name: name, options: options)
}

/// Encodes text as UTF-16 little-endian with a byte order mark.
/// - Parameter text: The text.
/// - Returns: The bytes.
func utf16LittleEndianWithBOM(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 {
        bytes.append(UInt8(truncatingIfNeeded: unit))
        bytes.append(UInt8(truncatingIfNeeded: unit >> 8))
    }
    return bytes
}

/// The process's peak resident set size so far, in bytes.
func peakResidentBytes() -> Int {
    var usage = rusage()
    #if canImport(Darwin)
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss)
    #else
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
    #endif
}
