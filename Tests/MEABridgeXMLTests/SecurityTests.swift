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

@Suite("Hostile input")
struct SecurityTests {
    /// Nine levels of ten references each: 10^9 copies of a ten-byte string (10 GB) if expanded.
    static let billionLaughs: String = {
        var declarations = "<!ENTITY lol0 'lollollollol'>\n"
        for level in 1...9 {
            let references = String(repeating: "&lol\(level - 1);", count: 10)
            declarations += "<!ENTITY lol\(level) '\(references)'>\n"
        }
        return "<?xml version='1.0'?>\n<!DOCTYPE lolz [\n\(declarations)]>\n<lolz>&lol9;<a v='&lol9;'/></lolz>\n"
    }()

    @Test(
        "Billion laughs: a diagnostic, or no expansion, within seconds and without huge memory",
        arguments: [XMLParseOptions.default, XMLParseOptions(recovers: true)]
    )
    func billionLaughs(options: XMLParseOptions) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = parse(Self.billionLaughs, name: "lolz.xml", options: options)
        let elapsed = clock.now - start
        #expect(elapsed < .seconds(5))
        #expect(peakResidentBytes() < 1 << 30)
        #expect(result.diagnostics.contains { $0.id == .xmlEntity } || result.summary?.elementCount == 2)
        if let summary = result.summary { #expect(summary.elementCount <= 2) }
    }

    @Test(
        "An external entity (XXE) or parameter entity pointing at a local file is never read",
        arguments: ["file://", ""]
    )
    func externalEntityIsNotLoaded(scheme: String) throws {
        var directory = try TemporaryDirectory()
        defer { directory.remove() }
        let secret = uniqueSecret()
        // If loaded, the general entity adds an element (and a namespace error quoting the secret), and the
        // parameter entity declares `&defined;`.
        let entityFile = try directory.write("<p:\(secret)/>", to: "entity.xml")
        let parameterFile = try directory.write("<!ENTITY defined \"\(secret)\">", to: "parameter.dtd")
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE r [
              <!ENTITY xxe SYSTEM "\(scheme)\(entityFile)">
              <!ENTITY % pxxe SYSTEM "\(scheme)\(parameterFile)">
              %pxxe;
            ]>
            <r>&xxe;&defined;</r>
            """
        let documentFile = try directory.write(text, to: "xxe.xml")
        for options in [XMLParseOptions.default, XMLParseOptions(recovers: true)] {
            for result in [
                parse(text, name: "xxe.xml", options: options),
                XMLDocumentParser.parse(path: documentFile, options: options),
            ] {
                #expect(!String(describing: result).contains(secret))
                // `&defined;` stays undeclared (fatal for libxml2 2.9, so only recovery builds a summary) …
                #expect(result.diagnostics.contains { $0.id == .xmlEntity && $0.message.contains("'defined'") })
                // … and `&xxe;` adds no element.
                if options.recovers { #expect(result.summary?.elementCount == 1) }
            }
        }
        // In an attribute value, a reference to an external entity is a well-formedness error of its own.
        let inAttribute = parse(text.replacingFirst("<r>&xxe;&defined;</r>", with: "<r a='&xxe;'/>"))
        #expect(!String(describing: inAttribute).contains(secret))
        #expect(inAttribute.diagnostics.first?.id == .xmlEntity)
        #expect(inAttribute.diagnostics.first?.severity == .fatal)
    }

    @Test("Errors inside internal entity text are reported at the reference, with the entity's own diagnostics")
    func errorsInsideEntityText() {
        let result = parse("<!DOCTYPE r [<!ENTITY e '<p:x/>'>]>\n<r>\n  &e;</r>")
        let namespaceError = result.diagnostics.first { $0.id == .xmlNamespace }
        #expect(namespaceError?.message == "Namespace prefix p on x is not defined")
        #expect(namespaceError?.location?.line == 3)
        #expect(result.summary?.elementCount == 1)
    }

    @Test("An external DTD (SYSTEM \"file:///…\") is not loaded")
    func externalDTDIsNotLoaded() throws {
        var directory = try TemporaryDirectory()
        defer { directory.remove() }
        let secret = uniqueSecret()
        // If this DTD were loaded, `&defined;` would be declared and the bogus declaration would raise an error
        // quoting the secret.
        let dtd = try directory.write(
            "<!ENTITY defined \"\(secret)\">\n<!ELEMENT \(secret) bogus-\(secret)>\n",
            to: "external.dtd"
        )
        let text = "<?xml version='1.0'?>\n<!DOCTYPE r SYSTEM \"file://\(dtd)\">\n<r>&defined;</r>\n"
        let result = parse(text, name: "dtd.xml")
        #expect(!String(describing: result).contains(secret))
        // Not loaded, so the entity is undeclared (an error, not fatal: a DTD we did not read might declare it).
        let undeclared = result.diagnostics.filter { $0.id == .xmlEntity && $0.message.contains("'defined'") }
        #expect(undeclared.count == 1)
        #expect(undeclared.first?.location?.line == 3)
        #expect(result.summary?.rootElementName == "r")
    }

    @Test("No network access, ever: references to a listening local HTTP port are never connected to")
    func noNetwork() throws {
        let listener = try #require(LocalListener())
        defer { listener.close() }
        let base = "http://127.0.0.1:\(listener.port)"
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE r SYSTEM "\(base)/external.dtd" [
              <!ENTITY net SYSTEM "\(base)/entity.xml">
              <!ENTITY % pnet SYSTEM "\(base)/parameter.dtd">
              %pnet;
            ]>
            <r>&net;</r>
            """
        for options in [XMLParseOptions.default, XMLParseOptions(allowsHugeDocuments: true, recovers: true)] {
            _ = parse(text, options: options)
        }
        let fromURL = XMLDocumentParser.parse(path: "\(base)/document.xml")
        #expect(fromURL.summary == nil)
        #expect(fromURL.diagnostics.first?.id == .xmlIO)
        #expect(!listener.hadConnection)
    }
}

/// A TCP socket listening on 127.0.0.1 at a free port, to detect any connection attempt.
struct LocalListener {
    let descriptor: Int32
    let port: UInt16

    init?() {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(fd, generic, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, generic, &length) == 0
            }
        }
        guard bound else {
            _ = systemClose(fd)
            return nil
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        descriptor = fd
        port = UInt16(bigEndian: address.sin_port)
    }

    /// Whether anything connected (a pending connection can be accepted without blocking).
    var hadConnection: Bool {
        let accepted = accept(descriptor, nil, nil)
        if accepted >= 0 { _ = systemClose(accepted) }
        return accepted >= 0
    }

    func close() { _ = systemClose(descriptor) }
}

extension String {
    /// The string with the first occurrence of `target` replaced (Foundation-free).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}

#if canImport(Glibc)
    private let systemClose = Glibc.close
#elseif canImport(Musl)
    private let systemClose = Musl.close
#elseif canImport(Darwin)
    private let systemClose = Darwin.close
#endif
