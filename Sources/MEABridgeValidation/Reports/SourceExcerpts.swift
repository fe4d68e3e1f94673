public import MEABridgeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The text of the input lines that diagnostics point at, for the caret snippets of the text report.
///
/// Lines are read in one streaming pass per file and only the lines asked for are kept (each cut to a window
/// around the column, so a one-line 1 GB file costs no more than a short one).
public struct SourceExcerpts: Sendable {
    /// The kept lines per file and line number.
    private var lines: [String: [Int: [UInt8]]] = [:]

    /// The most bytes kept of one line.
    static let maxLineBytes = 4096

    /// Reads the lines the diagnostics point at.
    /// - Parameter diagnostics: The diagnostics to show.
    public init(for diagnostics: [Diagnostic]) {
        var wanted: [String: Set<Int>] = [:]
        for diagnostic in diagnostics {
            if let location = diagnostic.location, let line = location.line, location.source != "-" {
                wanted[location.source, default: []].insert(line)
            }
        }
        for (file, numbers) in wanted { lines[file] = Self.read(file, lines: numbers) }
    }

    /// The snippet for a diagnostic: the line, then a caret under the column.
    /// - Parameter diagnostic: The diagnostic.
    /// - Returns: Two lines of text, or `nil` when the line is unknown.
    public func snippet(for diagnostic: Diagnostic) -> String? {
        guard let location = diagnostic.location, let number = location.line,
            let bytes = lines[location.source]?[number]
        else { return nil }
        let column = max(1, location.column ?? 1)
        // A window of up to 100 bytes each side of the column, on UTF-8 character boundaries.
        var start = max(0, min(column - 1, bytes.count) - 100)
        while start > 0, start < bytes.count, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        var end = min(bytes.count, column - 1 + 100)
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let before = String(decoding: bytes[start..<min(max(start, column - 1), bytes.count)], as: UTF8.self)
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        let lead = start > 0 ? "…" : ""
        let trail = end < bytes.count ? "…" : ""
        let shown = (lead + text + trail).replacingTabs()
        let caretOffset = (lead + before).replacingTabs().count
        return "    " + shown + "\n    " + String(repeating: " ", count: caretOffset) + "^"
    }

    private static func read(_ path: String, lines wanted: Set<Int>) -> [Int: [UInt8]] {
        guard let file = fopen(path, "rb"), let last = wanted.max() else { return [:] }
        defer { fclose(file) }
        var result: [Int: [UInt8]] = [:]
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var number = 1
        var current: [UInt8] = []
        var keeping = wanted.contains(1)
        while number <= last {
            let count = fread(&chunk, 1, chunk.count, file)
            if count <= 0 { break }
            for byte in chunk[..<count] {
                if byte == UInt8(ascii: "\n") {
                    if keeping { result[number] = current }
                    number += 1
                    current.removeAll(keepingCapacity: true)
                    keeping = wanted.contains(number)
                    if number > last { break }
                } else if keeping, current.count < maxLineBytes, byte != UInt8(ascii: "\r") {
                    current.append(byte)
                }
            }
        }
        if keeping, number <= last { result[number] = current }
        return result
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        contains("\t") ? String(map { $0 == "\t" ? " " : $0 }) : self
    }
}
