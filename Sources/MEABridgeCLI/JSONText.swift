import MEABridgeJSON

/// Builds small JSON documents (command reports) with deterministic member order.
enum JSONText {
    struct Object {
        fileprivate var out: [UInt8]
        fileprivate var first = true

        fileprivate mutating func key(_ name: String) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            JSONOutput.appendString(name, to: &out)
            out.append(UInt8(ascii: ":"))
        }

        mutating func string(_ name: String, _ value: String) {
            key(name)
            JSONOutput.appendString(value, to: &out)
        }

        mutating func integer(_ name: String, _ value: Int) {
            key(name)
            JSONOutput.appendInteger(Int64(value), to: &out)
        }

        mutating func bool(_ name: String, _ value: Bool) {
            key(name)
            out.append(contentsOf: value ? "true".utf8 : "false".utf8)
        }

        mutating func strings(_ name: String, _ values: [String]) {
            key(name)
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONOutput.appendString(value, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }

        mutating func nested(_ name: String, _ body: (inout Object) -> Void) {
            key(name)
            JSONText.object(&out, body)
        }

        mutating func array<T>(_ name: String, _ items: [T], _ body: (T, inout Object) -> Void) {
            key(name)
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.object(&out) { body(item, &$0) }
            }
            out.append(UInt8(ascii: "]"))
        }
    }

    static func object(_ out: inout [UInt8], _ body: (inout Object) -> Void) {
        var object = Object(out: [])
        swap(&object.out, &out)
        object.out.append(UInt8(ascii: "{"))
        body(&object)
        object.out.append(UInt8(ascii: "}"))
        swap(&object.out, &out)
    }
}
