package import MEABridgeCore
import MEABridgeJSON
import OrderedCollections

/// Appends the members of one JSON object, writing the separating commas.
package struct JSONObjectOutput {
    private var first = true

    /// A writer for members of an object opened elsewhere (or for encoding members on their own).
    package init() {}

    /// Opens the object.
    package static func begin(_ out: inout [UInt8]) -> JSONObjectOutput {
        out.append(UInt8(ascii: "{"))
        return JSONObjectOutput()
    }

    /// An object whose opening brace and first members were written already: the next member gets a comma.
    package static func continuing() -> JSONObjectOutput {
        var object = JSONObjectOutput()
        object.first = false
        return object
    }

    /// Closes the object.
    package func end(_ out: inout [UInt8]) { out.append(UInt8(ascii: "}")) }

    /// Writes `"name":` (with a comma before it when needed); the caller writes the value.
    package mutating func key(_ name: String, _ out: inout [UInt8]) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        JSONOutput.appendString(name, to: &out)
        out.append(UInt8(ascii: ":"))
    }

    /// Writes members already encoded (`"name":value`, several separated by commas), with a comma before them when
    /// needed: for members that are the same in every record, encoded once.
    package mutating func encodedMembers(_ bytes: [UInt8], _ out: inout [UInt8]) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        out.append(contentsOf: bytes)
    }

    package mutating func string(_ name: String, _ value: String?, _ out: inout [UInt8]) {
        guard let value else { return }
        key(name, &out)
        JSONOutput.appendString(value, to: &out)
    }

    package mutating func integer(_ name: String, _ value: Int64?, _ out: inout [UInt8]) {
        guard let value else { return }
        key(name, &out)
        JSONOutput.appendInteger(value, to: &out)
    }

    package mutating func null(_ name: String, _ out: inout [UInt8]) {
        key(name, &out)
        out.append(contentsOf: "null".utf8)
    }

    package mutating func extra(_ name: String, _ value: ExtraValue, _ out: inout [UInt8]) {
        key(name, &out)
        JSONRendering.append(value, to: &out)
    }
}

/// Rendering helpers shared by the JSON writers.
package enum JSONRendering {
    package static func appendBool(_ value: Bool, to out: inout [UInt8]) {
        out.append(contentsOf: value ? "true".utf8 : "false".utf8)
    }

    package static func appendStrings(_ values: [String], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONOutput.appendString(value, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// A language-keyed object in the text's order: `{"en":"…","fr":"…"}`.
    package static func appendLanguageKeyed(_ text: LocalizedText, to out: inout [UInt8]) {
        var object = JSONObjectOutput.begin(&out)
        for (language, value) in text.pairs { object.string(language.code, value, &out) }
        object.end(&out)
    }

    /// An array of objects, each written by `body`.
    package static func appendArray<T>(
        _ items: [T],
        to out: inout [UInt8],
        body: (T, inout JSONObjectOutput, inout [UInt8]) -> Void
    ) {
        out.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            var object = JSONObjectOutput.begin(&out)
            body(item, &object, &out)
            object.end(&out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// A provider-specific value, numbers written as their exact text.
    package static func append(_ value: ExtraValue, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): appendBool(flag, to: &out)
        case .number(let lexeme): out.append(contentsOf: lexeme.utf8)
        case .string(let text): JSONOutput.appendString(text, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                append(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            var object = JSONObjectOutput.begin(&out)
            for (key, member) in members { object.extra(key, member, &out) }
            object.end(&out)
        }
    }

    /// The canonical country value: alpha-2 when resolved, otherwise the original text.
    package static func countryText(_ country: CountryRef) -> String { country.alpha2 ?? country.original }
}
