public import MEABridgeCore
import MEABridgeXML

/// Reads the XML of the UNEP-WCMC Online Reporting System API: the same questionnaires and questions as
/// ``ORSJSONReader``, with the arrays the XML variant writes as JSON-like text inside elements
/// (`<languages>["EN"]</languages>`) and looping answers under `<looping_answers>`.
///
/// The document is read with ``XMLStreamReader`` (libxml2, no network, no entity expansion) into a small element
/// tree of one questionnaire or question at a time.
public struct ORSXMLReader: RecordReader {
    /// `ors-xml`.
    public static let format = FormatDescriptor(
        id: "ors-xml",
        summary: "UNEP-WCMC ORS API XML: questionnaires and questions with answers (CMS, AEWA, …)",
        fileExtensions: ["xml"]
    )

    /// No schema is bundled for ORS.
    public static let defaultSchema: String? = nil

    private let options: ReadOptions

    /// Creates a reader.
    /// - Parameter options: The read options.
    public init(options: ReadOptions) { self.options = options }

    /// Certain for XML whose root is `questionnaire(s)` or `question(s)`; no otherwise.
    /// - Parameter input: The first bytes and the name.
    /// - Returns: The confidence.
    public static func sniff(_ input: SniffInput) -> SniffConfidence {
        guard input.trimmedPrefix.first == UInt8(ascii: "<") else { return .no }
        if input.contains("<questionnaire>") && input.contains("<respondents>") { return .certain }
        if input.contains("<question>") && input.contains("<looping_") { return .certain }
        return .no
    }

    /// An element with its text and children.
    struct Node {
        var name: String
        var text = ""
        var children: [Node] = []
        var location: SourceLocation

        func child(_ name: String) -> Node? { children.first { $0.name == name } }
        func value(_ name: String) -> String? {
            guard let node = child(name) else { return nil }
            let text = node.text.trimmingWhitespace()
            return text.isEmpty ? nil : text
        }
    }

    /// Reads the input.
    /// - Parameters:
    ///   - source: The input bytes.
    ///   - emit: Receives each record.
    ///   - report: Receives each diagnostic.
    /// - Throws: `IOFailure` when reading fails, or what `emit` throws.
    public mutating func read(
        from source: some ByteSource,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws {
        let reader = XMLStreamReader(source: source, name: options.sourceName)
        var stack: [Node] = []
        while true {
            switch try reader.next(report: report) {
            case .startElement:
                stack.append(Node(name: reader.localName ?? "", location: reader.location))
            case .text:
                if !stack.isEmpty { stack[stack.count - 1].text += reader.text }
            case .endElement:
                guard let node = stack.popLast() else { continue }
                let isRecord = node.name == "questionnaire" || node.name == "question"
                if isRecord {
                    for record in records(node) { try emit(record) }
                } else if !stack.isEmpty {
                    stack[stack.count - 1].children.append(node)
                } else {
                    report(
                        Diagnostic(
                            id: .orsUnknownDocument,
                            severity: .error,
                            message: "expected an ORS <questionnaire> or <question>, found <\(node.name)>",
                            location: node.location
                        )
                    )
                }
            case .endOfDocument:
                return
            }
        }
    }

    private func records(_ node: Node) -> [Record] {
        if node.name == "questionnaire" {
            var result = ORSQuestionnaire(id: node.value("id") ?? "unknown", location: node.location)
            result.title = node.value("title")
            result.language = node.value("language")
            result.languages = node.value("languages").map(ORSMapping.arrayText) ?? []
            result.status = node.value("status")
            result.activatedOn = node.value("activated_on")
            result.date = node.value("questionnaire_date")
            for respondent in node.child("respondents")?.children ?? [] where respondent.name == "respondent" {
                guard let id = respondent.value("id") else { continue }
                result.respondents.append(
                    (id: id, name: respondent.value("full_name") ?? id, status: respondent.value("status"))
                )
            }
            return ORSMapping.records(result)
        }
        var result = ORSQuestion(id: node.value("id") ?? "unknown", location: node.location)
        result.questionnaireID = ORSMapping.questionnaireID(url: node.value("url"))
        result.title = node.value("title")
        result.language = node.value("language")
        result.path = node.value("path").map(ORSMapping.arrayText) ?? []
        result.type = node.value("type")
        result.options = node.value("options").map(ORSMapping.arrayText) ?? []
        func answers(_ container: Node?, context: [String], contextID: String?) {
            for answer in container?.children ?? [] where answer.name == "answer" {
                guard let respondent = answer.value("respondent"), let text = answer.value("answer_text") else {
                    continue
                }
                result.answers.append((respondent: respondent, text: text, context: context, contextID: contextID))
            }
        }
        answers(node.child("answers"), context: [], contextID: nil)
        for loop in node.child("looping_answers")?.children ?? [] where loop.name == "looping_context" {
            answers(
                loop,
                context: loop.value("looping_path").map(ORSMapping.arrayText) ?? [],
                contextID: loop.value("looping_identifier")
            )
        }
        return ORSMapping.records(result)
    }
}
