import MEABridgeCore
import MEABridgeXML
import Testing

/// Compile-time check: the public value types stay `Sendable` (the build fails if a conformance goes missing).
private func requireSendable<T: Sendable>(_: T.Type) {}

@Test("Public value types are Sendable, and parses run concurrently with their own contexts")
func sendableAndConcurrent() async {
    requireSendable(XMLParseOptions.self)
    requireSendable(XMLDocumentSummary.self)
    requireSendable(XMLParseResult.self)
    let results = await withTaskGroup(of: XMLParseResult.self) { group in
        for index in 0..<32 {
            group.addTask {
                let text = index.isMultiple(of: 2) ? "<r\(index)><c/></r\(index)>" : "<r>\n<c></r>"
                return parse(text, name: "doc\(index).xml")
            }
        }
        var collected: [XMLParseResult] = []
        for await result in group { collected.append(result) }
        return collected
    }
    #expect(results.count == 32)
    #expect(results.filter { $0.summary?.elementCount == 2 }.count == 16)
    let failures = results.filter { $0.summary == nil }
    #expect(failures.count == 16)
    #expect(failures.allSatisfy { $0.diagnostics.first?.location?.line == 2 })
    #expect(
        failures.allSatisfy { result in
            result.diagnostics.allSatisfy { $0.location?.source == result.diagnostics.first?.location?.source }
        }
    )
}
