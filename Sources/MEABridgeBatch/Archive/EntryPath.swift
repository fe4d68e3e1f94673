/// Checks the paths inside archives before anything is named after them (zip-slip): absolute paths, drive letters,
/// `..` components and links that lead outside the archive are refused.
enum EntryPath {
    /// Why a path was refused.
    enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        case empty
        case absolute
        case parentComponent

        var description: String {
            switch self {
            case .empty: "the path is empty"
            case .absolute: "the path is absolute"
            case .parentComponent: "the path contains '..'"
            }
        }
    }

    /// The path relative to the archive root with `.` and empty components dropped, or why it is refused.
    ///
    /// Backslashes count as separators for the check, as Windows tools write them in zip files.
    static func normalize(_ raw: String) -> Result<String, Refusal> {
        if raw.hasPrefix("/") || raw.hasPrefix("\\") { return .failure(.absolute) }
        let scalars = Array(raw.unicodeScalars)
        if scalars.count >= 2, scalars[1] == ":", scalars[0].properties.isAlphabetic, scalars[0].isASCII {
            return .failure(.absolute)
        }
        var parts: [Substring] = []
        for part in raw.split(separator: "/", omittingEmptySubsequences: true) {
            if part.split(separator: "\\", omittingEmptySubsequences: false).contains("..") {
                return .failure(.parentComponent)
            }
            if part == "." { continue }
            parts.append(part)
        }
        if parts.isEmpty { return .failure(.empty) }
        return .success(parts.joined(separator: "/"))
    }

    /// Whether a symbolic link at `entry` (already normalised) pointing to `target` stays inside the archive.
    static func linkStaysInside(entry: String, target: String) -> Bool {
        if target.isEmpty || target.hasPrefix("/") || target.hasPrefix("\\") { return false }
        var stack = entry.split(separator: "/").dropLast().map(String.init)
        for part in target.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "/" || $0 == "\\" }) {
            switch part {
            case ".": continue
            case "..":
                if stack.isEmpty { return false }
                stack.removeLast()
            default: stack.append(String(part))
            }
        }
        return true
    }
}

/// The archive formats a batch reads and writes, told by the file name.
public enum ArchiveKind: String, Sendable, Hashable, CaseIterable {
    /// A zip file (`.zip`).
    case zip
    /// A tar file (`.tar`).
    case tar
    /// A gzip-compressed tar file (`.tar.gz`, `.tgz`).
    case tarGzip = "tar.gz"

    /// The kind for a file name, or `nil` when the name is not an archive's.
    /// - Parameter path: The file name or path.
    public init?(path: String) {
        let name = path.lowercased()
        if name.hasSuffix(".zip") {
            self = .zip
        } else if name.hasSuffix(".tar") {
            self = .tar
        } else if name.hasSuffix(".tar.gz") || name.hasSuffix(".tgz") {
            self = .tarGzip
        } else {
            return nil
        }
    }
}
