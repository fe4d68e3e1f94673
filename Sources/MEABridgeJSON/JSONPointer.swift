/// Builds RFC 6901 JSON Pointers (`/d/results/3/title`) for diagnostics.
public enum JSONPointer {
    /// Escapes one reference token: `~` becomes `~0` and `/` becomes `~1`.
    /// - Parameter token: A member name.
    /// - Returns: The escaped token.
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
            return token
        }
        var result = ""
        result.reserveCapacity(token.utf8.count + 4)
        for character in token.unicodeScalars {
            switch character {
            case "~": result += "~0"
            case "/": result += "~1"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// Appends a member name to a pointer.
    /// - Parameters:
    ///   - base: The pointer so far (`""` for the whole document).
    ///   - token: The member name, unescaped.
    /// - Returns: `base/escaped-token`.
    public static func appending(_ base: String, _ token: String) -> String {
        base + "/" + escape(token)
    }

    /// Appends an array index to a pointer.
    /// - Parameters:
    ///   - base: The pointer so far (`""` for the whole document).
    ///   - index: The 0-based array index.
    /// - Returns: `base/index`.
    public static func appending(_ base: String, _ index: Int) -> String {
        base + "/" + String(index)
    }
}
