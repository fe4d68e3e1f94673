/// A compiled `pattern` or `patternProperties` regular expression, with ECMA-262 character-class meanings.
///
/// Swift's `Regex` is used with Unicode-scalar semantics (as ECMA-262 with the `u` flag sees strings) and ASCII-only
/// `\d`, `\w` and `\b`, which is what ECMA-262 means by them. Patterns are not anchored: a match anywhere counts.
struct SchemaRegex: @unchecked Sendable {
    // `Regex` is an immutable value that is safe to share between threads; it is not declared `Sendable` for
    // every output type, hence the unchecked conformance.
    /// The pattern as written in the schema.
    let source: String
    /// The compiled expression.
    private let regex: Regex<AnyRegexOutput>

    /// Compiles a pattern.
    /// - Parameter source: An ECMA-262 regular expression.
    /// - Throws: When the pattern does not compile.
    init(_ source: String) throws {
        self.source = source
        self.regex = try Regex(SchemaRegex.translate(source))
            .matchingSemantics(.unicodeScalar)
            .asciiOnlyDigits()
            .asciiOnlyWordCharacters()
    }

    /// Whether the pattern matches anywhere in `text`.
    func matches(_ text: String) -> Bool {
        (try? regex.firstMatch(in: text)) != nil
    }

    /// Rewrites the ECMA-262 constructs whose meaning differs in Swift's regex syntax: `$` outside a character
    /// class, which in ECMA-262 matches only at the very end of the text (no `m` flag), becomes `\z`; `\cX`
    /// control escapes become `\u{…}`; `\s` and `\S` also count U+FEFF as white space; the empty classes `[]`
    /// (nothing) and `[^]` (anything) are spelt out.
    private static func translate(_ pattern: String) -> String {
        var output = ""
        var inClass = false
        var characters = Array(pattern)[...]
        while let character = characters.popFirst() {
            if character == "\\", let next = characters.popFirst() {
                switch next {
                case "c" where characters.first?.isASCII == true && characters.first?.isLetter == true:
                    // `\cX`: the control character X mod 32.
                    let letter = characters.removeFirst()
                    let code = (letter.asciiValue ?? 64) % 32
                    output += "\\u{" + String(code, radix: 16) + "}"
                case "s":
                    // ECMA-262 white space includes U+FEFF.
                    output += inClass ? "\\s\\u{FEFF}" : "[\\s\\u{FEFF}]"
                case "S" where !inClass:
                    output += "[^\\s\\u{FEFF}]"
                default:
                    output.append(character)
                    output.append(next)
                }
                continue
            }
            switch character {
            case "[" where !inClass && characters.first == "]":
                // `[]` matches nothing.
                characters.removeFirst()
                output += "(?!)"
            case "[" where !inClass && characters.starts(with: ["^", "]"]):
                // `[^]` matches any character.
                characters.removeFirst(2)
                output += "(?:.|\\n)"
            case "[" where !inClass:
                inClass = true
                output.append(character)
            case "]" where inClass:
                inClass = false
                output.append(character)
            case "$" where !inClass:
                output += "\\z"
            default:
                output.append(character)
            }
        }
        return output
    }
}
