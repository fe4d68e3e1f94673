import MEABridgeCore
import MEABridgeJSON
import Testing

@Suite("Output")
struct OutputTests {
    func string(_ text: String) -> String {
        var out: [UInt8] = []
        JSONOutput.appendString(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func number(_ value: Double) -> String {
        var out: [UInt8] = []
        JSONOutput.appendNumber(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func integer(_ value: Int64) -> String {
        var out: [UInt8] = []
        JSONOutput.appendInteger(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test("strings are quoted and escaped")
    func escaping() {
        #expect(string("plain ascii") == #""plain ascii""#)
        #expect(string("") == #""""#)
        #expect(string("a\"b\\c/d") == #""a\"b\\c/d""#)
        #expect(string("\u{8}\u{C}\n\r\t") == #""\b\f\n\r\t""#)
        #expect(string("\u{0}\u{1}\u{1F}") == #""\u0000\u0001\u001f""#)
        #expect(string("\u{7F}é€😀") == "\"\u{7F}é€😀\"")
    }

    @Test("every control character is escaped and reads back", arguments: 0..<0x20)
    func controlCharacters(code: Int) throws {
        let text = "a" + String(Character(Unicode.Scalar(UInt8(code)))) + "b"
        let encoded = string(text)
        #expect(!encoded.utf8.contains { $0 < 0x20 })
        #expect(try plainEvents(encoded) == [.string(text)])
    }

    @Test("escapes are found at every offset of long strings")
    func escapesAtEveryOffset() throws {
        func reference(_ text: String) -> String {
            var result = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += "\\\\"
                case "\n": result += "\\n"
                case "\u{1}": result += "\\u0001"
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result + "\""
        }
        for special in ["\"", "\\", "\n", "\u{1}"] {
            for offset in 0..<20 {
                let text =
                    String(repeating: "x", count: offset) + special + "éé" + special + String(repeating: "y", count: 9)
                #expect(string(text) == reference(text), "\(offset)")
                #expect(try plainEvents(string(text)) == [.string(text)])
            }
        }
    }

    @Test("output appends to what is already in the buffer")
    func appends() {
        var out = Array("x=".utf8)
        JSONOutput.appendString("\n", to: &out)
        JSONOutput.appendInteger(-5, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #"x="\n"-5"#)
    }

    @Test(
        "numbers",
        arguments: [
            (12.0, "12"), (0.1, "0.1"), (-0.0, "-0"), (0.0, "0"), (1e300, "1e+300"), (Double.nan, "null"),
            (Double.infinity, "null"), (-Double.infinity, "null"), (-5.0, "-5"), (1.5, "1.5"), (-2.25, "-2.25"),
            (9_007_199_254_740_991.0, "9007199254740991"), (9_007_199_254_740_992.0, "9007199254740992.0"),
            (1e20, "1e+20"), (-1.5e-300, "-1.5e-300"), (1e-7, "1e-07"), (Double.leastNonzeroMagnitude, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (123456.789, "123456.789"),
        ]
    )
    func numbers(value: Double, expected: String) {
        let text = number(value)
        #expect(text == expected)
        if value.isFinite {
            #expect(JSONOutput.isValidNumberLexeme(text))
            #expect(Double(text) == value)
            #expect(Double(text)?.sign == value.sign)
        }
    }

    @Test(
        "integers",
        arguments: [
            (Int64(0), "0"), (7, "7"), (-1, "-1"), (10, "10"), (1_234_567_890, "1234567890"),
            (.max, "9223372036854775807"), (.min, "-9223372036854775808"),
        ]
    )
    func integers(value: Int64, expected: String) {
        #expect(integer(value) == expected)
    }

    @Test("number lexeme validation")
    func lexemes() {
        for valid in ["0", "-0", "12", "1.5", "-1.5e10", "1E+2", "1e-2", "0.0"] {
            #expect(JSONOutput.isValidNumberLexeme(valid), "\(valid)")
        }
        for invalid in ["", "-", "01", "1.", ".5", "+1", "1e", "1e+", "NaN", "1x", "0x10", "--1", "1.2.3"] {
            #expect(!JSONOutput.isValidNumberLexeme(invalid), "\(invalid)")
        }
    }

    @Test("values are written compactly, members in stored order")
    func compactValues() {
        let value = JSONValue(
            .object([
                JSONMember(key: "z", value: JSONValue(.array([JSONValue(.number("1")), JSONValue(.null)]))),
                JSONMember(key: "a\"", value: JSONValue(.object([]))),
                JSONMember(key: "b", value: JSONValue(.bool(true))),
                JSONMember(key: "c", value: JSONValue(.bool(false))),
                JSONMember(key: "d", value: JSONValue(.array([]))),
                JSONMember(key: "e", value: JSONValue(.number("not a number"))),
            ])
        )
        #expect(jsonText(value) == #"{"z":[1,null],"a\"":{},"b":true,"c":false,"d":[],"e":null}"#)
    }

    @Test("parse(append(value)) gives the value back")
    func roundTrip() throws {
        let parsed = try readValue(sampleDocument)
        let text = jsonText(parsed)
        let again = try readValue(text)
        #expect(again.equalsIgnoringPositions(parsed))
        #expect(jsonText(again) == text)

        var everyByte = ""
        for code in 0..<0x80 {
            everyByte.unicodeScalars.append(Unicode.Scalar(UInt8(code)))
        }
        everyByte += "é€😀\u{10FFFF}\u{FEFF}"
        let built = JSONValue(
            .object([
                JSONMember(
                    key: everyByte,
                    value: JSONValue(
                        .array([
                            JSONValue(.string(everyByte)), JSONValue(.number("-1.5e-7")), JSONValue(.string("")),
                        ])
                    )
                )
            ])
        )
        let reread = try readValue(jsonText(built), maxChunk: 3, chunkSize: 16)
        #expect(reread.equalsIgnoringPositions(built))
    }
}
