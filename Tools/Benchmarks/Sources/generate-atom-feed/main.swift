// generate-atom-feed OUTPUT [SIZE_MB] [--seed N]
//
// Writes a deterministic InforMEA OData Atom XML Decisions feed of about SIZE_MB megabytes (10^6 bytes; default 500):
// it stops after the entry that crosses the target. Most entries have the shape the InforMEA toolkit (Apache Olingo,
// OData v2) serves and MEABridge's `informea-atom` writer writes: typed `d:` properties in `m:properties`, and the
// multilingual texts, files and keywords as inline expanded navigations (`link` → `m:inline` → `feed` of entries);
// one entry in five has the OData v1 shape of the SCBD connector instead (`Collection(LocalizableString)` properties
// with `m:item` rows). The feed validates against Schemas/xml/informea-atom.xsd. The file is streamed in 1 MiB chunks
// to OUTPUT.partial, then renamed to OUTPUT. Prints the entry count and the byte count.

import GeneratorSupport

let usage = """
    usage: generate-atom-feed OUTPUT [SIZE_MB] [--seed N]
      OUTPUT   the feed to write (written to OUTPUT.partial, then renamed)
      SIZE_MB  target size in megabytes of 10^6 bytes (default 500); generation stops after the entry that crosses it
      --seed   the PRNG seed (default 20240501); the same seed and size always give the same bytes
    """

let arguments = GeneratorArguments.parse(CommandLine.arguments.dropFirst(), defaultMB: 500, usage: usage)

/// Appends XML to a byte buffer, escaping text and attribute values.
extension [UInt8] {
    mutating func raw(_ text: String) { append(contentsOf: text.utf8) }

    mutating func escaped(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): append(contentsOf: "&quot;".utf8)
            case 0x0D: append(contentsOf: "&#13;".utf8)
            default: append(byte)
            }
        }
    }

    mutating func element(_ indent: Int, _ name: String, _ text: String, type: String? = nil) {
        raw(String(repeating: "  ", count: indent) + "<" + name)
        if let type { raw(" m:type=\"\(type)\"") }
        raw(">")
        escaped(text)
        raw("</\(name)>\n")
    }
}

/// Builds one Decision entry at a time.
struct EntryGenerator {
    static let scheme = "http://schemas.microsoft.com/ado/2007/08/dataservices/scheme"
    static let related = "http://schemas.microsoft.com/ado/2007/08/dataservices/related/"
    private var rng: SplitMix64
    private var displayOrder = 0

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    private mutating func sentences(_ language: Int, _ count: Int) -> String {
        var parts: [String] = []
        for _ in 0..<count { parts.append(rng.pick(Corpus.sentences[language])) }
        return parts.joined(separator: Corpus.languages[language] == "zh" ? "" : " ")
    }

    /// `YYYY-MM-DDTHH:MM:SS` for milliseconds since 1970 (UTC, no zone: Olingo's Edm.DateTime).
    static func dateTime(_ milliseconds: Int) -> String {
        let seconds = milliseconds / 1000
        let days = seconds / 86_400
        let rest = seconds % 86_400
        // Howard Hinnant's civil-from-days.
        let z = days + 719_468
        let era = z / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(rest / 3600, 2)):\(pad(rest / 60 % 60, 2)):"
            + pad(rest % 60, 2)
    }

    /// A navigation property expanded inline, one entry per row of `(name, value, type)` properties.
    private func inline(
        _ out: inout [UInt8],
        owner: String,
        root: String,
        name: String,
        rowType: String,
        updated: String,
        rows: [(key: String, properties: [(String, String, String?)])]
    ) {
        out.raw("    <link href=\"\(owner)/\(name)\" rel=\"\(Self.related)\(name)\" title=\"\(name)\" ")
        out.raw("type=\"application/atom+xml;type=feed\">\n      <m:inline>\n        <feed>\n")
        out.raw("          <id>\(root)/\(owner)/\(name)</id>\n          <title type=\"text\">\(name)</title>\n")
        out.raw("          <updated>\(updated)Z</updated>\n          <author><name/></author>\n")
        for row in rows {
            out.raw("          <entry>\n            <id>\(root)/\(rowType)('\(row.key)')</id>\n")
            out.raw("            <title type=\"text\"/>\n            <updated>\(updated)Z</updated>\n")
            out.raw("            <author><name/></author>\n")
            out.raw("            <category term=\"informea.\(rowType)\" scheme=\"\(Self.scheme)\"/>\n")
            out.raw("            <content type=\"application/xml\">\n              <m:properties>\n")
            for (property, value, type) in row.properties { out.element(8, "d:" + property, value, type: type) }
            out.raw("              </m:properties>\n            </content>\n          </entry>\n")
        }
        out.raw("        </feed>\n      </m:inline>\n    </link>\n")
    }

    // swiftlint:disable:next function_body_length
    mutating func next(into out: inout [UInt8]) {
        let treaty = rng.pick(Corpus.treaties)
        let id = rng.guid()
        let meeting = rng.inRange(1...12)
        let number =
            treaty.dotted
            ? "\(rng.pick(treaty.bodies)) \(meeting).\(rng.inRange(1...40))"
            : "\(rng.pick(treaty.bodies))-\(meeting)/\(rng.inRange(1...40))"
        let published = 1_072_915_200_000 + Int(rng.next() % 662_256_000_000)
        let updated = Self.dateTime(published + Int(rng.next() % 94_608_000_000))
        displayOrder += rng.inRange(1...20)
        var languages = [0]
        for language in 1..<Corpus.languages.count where rng.percent(50) { languages.append(language) }
        let topic = rng.below(Corpus.topics.count)
        let owner = "Decisions('\(id)')"
        let v1 = rng.percent(20)

        out.raw("  <entry>\n    <id>\(treaty.root)/\(owner)</id>\n    <title type=\"text\">")
        out.escaped(Corpus.topics[topic][0])
        out.raw("</title>\n    <updated>\(updated)Z</updated>\n    <author><name/></author>\n")
        out.raw("    <link href=\"\(owner)\" rel=\"edit\" title=\"Decision\"/>\n")

        var texts: [(name: String, values: [(String, String)])] = []
        texts.append(("title", languages.map { (Corpus.languages[$0], Corpus.topics[topic][$0]) }))
        texts.append(("summary", languages.map { (Corpus.languages[$0], sentences($0, rng.inRange(1...2))) }))
        texts.append(
            (
                "content",
                languages.filter { $0 == 0 || rng.percent(80) }.map { language in
                    var paragraphs: [String] = []
                    for _ in 0..<rng.inRange(2...6) { paragraphs.append(sentences(language, rng.inRange(3...8))) }
                    return (Corpus.languages[language], paragraphs.joined(separator: "\n\n"))
                }
            )
        )
        if !v1 {
            for text in texts {
                let rowType = "Decision" + text.name.prefix(1).uppercased() + text.name.dropFirst()
                inline(
                    &out,
                    owner: owner,
                    root: treaty.root,
                    name: text.name,
                    rowType: rowType,
                    updated: updated,
                    rows: text.values.map { language, value in
                        (
                            "\(id)-\(language)",
                            [("id", "\(id)-\(language)", nil), ("language", language, nil), ("value", value, nil)]
                        )
                    }
                )
            }
        }
        var files: [(key: String, properties: [(String, String, String?)])] = []
        for language in languages.prefix(3) {
            let (mime, fileExtension) = rng.pick(Corpus.mimeTypes)
            let fileID = rng.guid()
            let name = "\(number.replacingSlashes())-\(Corpus.languages[language]).\(fileExtension)"
            files.append(
                (
                    fileID,
                    [
                        ("id", fileID, nil), ("url", "\(treaty.root)/../documents/\(name)", nil),
                        ("language", Corpus.languages[language], nil), ("mimeType", mime, nil), ("filename", name, nil),
                        ("size", String(rng.inRange(20_000...4_000_000)), "Edm.Int64"),
                    ]
                )
            )
        }
        inline(
            &out,
            owner: owner,
            root: treaty.root,
            name: "files",
            rowType: "DecisionFile",
            updated: updated,
            rows: files
        )
        if rng.percent(40) {
            var keywords: [(key: String, properties: [(String, String, String?)])] = []
            for index in 0..<rng.inRange(1...3) {
                keywords.append(
                    (
                        "\(id)-keywords-\(index + 1)",
                        [
                            ("id", "\(id)-keywords-\(index + 1)", nil),
                            ("namespace", "http://www.informea.org/terms", nil),
                            ("term", rng.pick(Corpus.keywords), nil),
                        ]
                    )
                )
            }
            inline(
                &out,
                owner: owner,
                root: treaty.root,
                name: "keywords",
                rowType: "DecisionKeyword",
                updated: updated,
                rows: keywords
            )
        }
        out.raw("    <category term=\"informea.Decision\" scheme=\"\(Self.scheme)\"/>\n")
        out.raw("    <content type=\"application/xml\">\n      <m:properties>\n")
        out.element(4, "d:id", id)
        out.element(4, "d:protocolVersion", "1", type: "Edm.Int16")
        out.element(4, "d:treaty", treaty.id)
        out.element(4, "d:link", "http://example.org/decisions/\(number.replacingSlashes())")
        out.element(4, "d:type", rng.percent(85) ? "decision" : "resolution")
        out.element(4, "d:status", rng.percent(80) ? "active" : "adopted")
        out.element(4, "d:number", number)
        out.element(4, "d:published", Self.dateTime(published), type: "Edm.DateTime")
        out.element(4, "d:updated", updated, type: "Edm.DateTime")
        out.element(4, "d:meetingId", "\(treaty.id)-cop-\(meeting)")
        if rng.percent(10) {
            out.raw("        <d:meetingTitle m:null=\"true\"/>\n")
        } else {
            out.element(4, "d:meetingTitle", "Meeting \(meeting) of the Conference of the Parties")
        }
        out.element(4, "d:displayOrder", String(displayOrder), type: "Edm.Int32")
        if v1 {
            // The OData v1 shape of the SCBD connector: multilingual text as Collection(LocalizableString).
            for text in texts {
                out.raw("        <d:\(text.name) m:type=\"Collection(LocalizableString)\">\n")
                for (language, value) in text.values {
                    out.raw("          <m:item type=\"LocalizableString\">\n")
                    out.element(6, "d:language", language)
                    out.element(6, "d:value", value)
                    out.raw("          </m:item>\n")
                }
                out.raw("        </d:\(text.name)>\n")
            }
        }
        out.element(4, "d:brs_unnumber", "UNEP/\(treaty.id.uppercased())/COP.\(meeting)/\(number)")
        out.raw("      </m:properties>\n    </content>\n  </entry>\n")
    }
}

extension String {
    func replacingSlashes() -> String { String(map { $0 == "/" || $0 == " " ? "-" : $0 }) }
}

var out = ChunkedFile(path: arguments.partialPath)
let namespaces =
    "xmlns=\"http://www.w3.org/2005/Atom\" xmlns:d=\"http://schemas.microsoft.com/ado/2007/08/dataservices\" "
    + "xmlns:m=\"http://schemas.microsoft.com/ado/2007/08/dataservices/metadata\""
out.buffer.raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed \(namespaces)>\n")
out.buffer.raw("  <id>http://informea.org/informea.svc/Decisions</id>\n  <title type=\"text\">Decisions</title>\n")
out.buffer.raw("  <updated>2024-05-01T00:00:00Z</updated>\n  <author><name/></author>\n")
out.buffer.raw("  <link href=\"Decisions\" rel=\"self\" title=\"Decisions\"/>\n")
var generator = EntryGenerator(seed: arguments.seed)
var entries = 0
var nextProgress = 100_000_000
repeat {
    generator.next(into: &out.buffer)
    entries += 1
    out.flushIfFull()
    if out.total >= nextProgress {
        printError("generate-atom-feed: \(out.total / 1_000_000) MB, \(entries) entries")
        nextProgress += 100_000_000
    }
} while out.total < arguments.targetBytes
out.buffer.raw("</feed>\n")
out.close()
arguments.commit()
print("generate-atom-feed: wrote \(entries) records, \(out.total) bytes to \(arguments.outputPath)")
