/// A file-name pattern for `--include` and `--exclude`.
///
/// `*` matches any run of characters except `/`, `**` any run including `/` (`a/**/b` also matches `a/b`), `?` one
/// character except `/`, `[abc]`, `[a-z]` and `[!abc]` one character of (or not of) a set, and `\` quotes the next
/// character. A pattern without `/` is matched against the file name only (`*.json` takes JSON files at any depth);
/// a pattern with `/` is matched against the whole path relative to the directory or archive (a leading `/` is
/// ignored).
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as given.
    public let pattern: String
    private let bytes: [UInt8]
    private let matchesNameOnly: Bool

    /// Creates a pattern.
    /// - Parameter pattern: The pattern text.
    public init(_ pattern: String) {
        self.pattern = pattern
        var bytes = Array(pattern.utf8)
        while bytes.first == UInt8(ascii: "/") { bytes.removeFirst() }
        self.bytes = bytes
        matchesNameOnly = !bytes.contains(UInt8(ascii: "/"))
    }

    /// The pattern as given.
    public var description: String { pattern }

    /// Whether a relative path matches.
    /// - Parameter path: A path relative to the directory or archive root, with `/` separators.
    /// - Returns: `true` when the path (or, for a pattern without `/`, its last component) matches.
    public func matches(_ path: String) -> Bool {
        var subject = Array(path.utf8)
        while subject.first == UInt8(ascii: "/") { subject.removeFirst() }
        if matchesNameOnly, let slash = subject.lastIndex(of: UInt8(ascii: "/")) {
            subject = Array(subject[(slash + 1)...])
        }
        return Self.match(bytes[...], subject[...])
    }

    private static let star = UInt8(ascii: "*")
    private static let slash = UInt8(ascii: "/")

    private static func match(_ pattern: ArraySlice<UInt8>, _ subject: ArraySlice<UInt8>) -> Bool {
        var p = pattern.startIndex
        var s = subject.startIndex
        while p < pattern.endIndex {
            let c = pattern[p]
            switch c {
            case star:
                var q = p
                while q < pattern.endIndex, pattern[q] == star { q += 1 }
                let double = q - p >= 2
                if double {
                    // `**/` may also match no directory at all.
                    if q < pattern.endIndex, pattern[q] == slash, match(pattern[(q + 1)...], subject[s...]) {
                        return true
                    }
                    var k = s
                    while true {
                        if match(pattern[q...], subject[k...]) { return true }
                        if k == subject.endIndex { return false }
                        k += 1
                    }
                }
                var k = s
                while true {
                    if match(pattern[q...], subject[k...]) { return true }
                    if k == subject.endIndex || subject[k] == slash { return false }
                    k += 1
                }
            case UInt8(ascii: "?"):
                guard s < subject.endIndex, subject[s] != slash else { return false }
                p += 1
                s += 1
            case UInt8(ascii: "["):
                guard s < subject.endIndex, subject[s] != slash,
                    let (matched, next) = matchClass(pattern, from: p, subject[s])
                else {
                    // An unterminated `[` is a literal.
                    if s < subject.endIndex, subject[s] == c, !hasClassEnd(pattern, from: p) {
                        p += 1
                        s += 1
                        continue
                    }
                    return false
                }
                guard matched else { return false }
                p = next
                s += 1
            case UInt8(ascii: "\\") where p + 1 < pattern.endIndex:
                guard s < subject.endIndex, subject[s] == pattern[p + 1] else { return false }
                p += 2
                s += 1
            default:
                guard s < subject.endIndex, subject[s] == c else { return false }
                p += 1
                s += 1
            }
        }
        return s == subject.endIndex
    }

    private static func hasClassEnd(_ pattern: ArraySlice<UInt8>, from start: Int) -> Bool {
        var index = start + 1
        if index < pattern.endIndex, pattern[index] == UInt8(ascii: "!") || pattern[index] == UInt8(ascii: "^") {
            index += 1
        }
        if index < pattern.endIndex, pattern[index] == UInt8(ascii: "]") { index += 1 }
        while index < pattern.endIndex {
            if pattern[index] == UInt8(ascii: "]") { return true }
            index += 1
        }
        return false
    }

    /// Matches one byte against the class starting at `start` (`[`); returns whether it matched and the index after
    /// the class, or `nil` when the class is not terminated.
    private static func matchClass(
        _ pattern: ArraySlice<UInt8>,
        from start: Int,
        _ byte: UInt8
    ) -> (Bool, Int)? {
        guard hasClassEnd(pattern, from: start) else { return nil }
        var index = start + 1
        var negated = false
        if pattern[index] == UInt8(ascii: "!") || pattern[index] == UInt8(ascii: "^") {
            negated = true
            index += 1
        }
        var matched = false
        var first = true
        while index < pattern.endIndex {
            let c = pattern[index]
            if c == UInt8(ascii: "]"), !first { break }
            first = false
            if index + 2 < pattern.endIndex, pattern[index + 1] == UInt8(ascii: "-"),
                pattern[index + 2] != UInt8(ascii: "]")
            {
                if (c...pattern[index + 2]).contains(byte) { matched = true }
                index += 3
            } else {
                if c == byte { matched = true }
                index += 1
            }
        }
        return (matched != negated, index + 1)
    }
}

/// Which files of a directory or archive a batch takes.
///
/// A file is taken when it matches an `--include` pattern (any file when there is none) and no `--exclude` pattern.
/// Hidden files and folders (names starting with `.`) and macOS `__MACOSX`
/// folders are always left out.
public struct FileFilter: Sendable, Hashable {
    /// The patterns a file must match one of (none: every file).
    public var include: [Glob]
    /// The patterns that leave a file (or a whole folder) out.
    public var exclude: [Glob]

    /// Creates a filter.
    /// - Parameters:
    ///   - include: The include patterns.
    ///   - exclude: The exclude patterns.
    public init(include: [Glob] = [], exclude: [Glob] = []) {
        self.include = include
        self.exclude = exclude
    }

    /// Whether a file is taken.
    /// - Parameter path: Its path relative to the directory or archive root.
    /// - Returns: `true` when it is taken.
    public func accepts(file path: String) -> Bool {
        if Self.isHidden(path) { return false }
        if exclude.contains(where: { $0.matches(path) }) { return false }
        return include.isEmpty || include.contains { $0.matches(path) }
    }

    /// Whether a folder is walked into (it is not hidden and no exclude pattern matches it).
    /// - Parameter path: Its path relative to the directory root.
    /// - Returns: `true` when the walk enters it.
    public func enters(directory path: String) -> Bool {
        !Self.isHidden(path) && !exclude.contains { $0.matches(path) }
    }

    /// Whether any component of a path is hidden (`.name`) or a macOS resource folder (`__MACOSX`).
    static func isHidden(_ path: String) -> Bool {
        path.split(separator: "/").contains { $0.hasPrefix(".") || $0 == "__MACOSX" }
    }
}
