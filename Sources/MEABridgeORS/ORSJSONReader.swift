public import MEABridgeCore
import MEABridgeJSON

/// Reads the JSON of the UNEP-WCMC Online Reporting System API (CMS, AEWA and the other conventions that use it).
///
/// A questionnaire (`{"questionnaire": {…}}`) gives one CountryReport per respondent (title, date, status); a
/// question (`{"question": {…}}`) gives, per respondent who answered, a CountryReport holding the answers as
/// ``ReportAnswer``s with the section path (HTML entities decoded, CR/LF folded), the question, the answer text and
/// the looping context. Arrays of either, and the bare inner objects, are accepted. Records of one questionnaire
/// share the id `ors-<questionnaire>-<respondent>`, so a merge joins a respondent's metadata and answers.
public struct ORSJSONReader: RecordReader {
    /// `ors-json`.
    public static let format = FormatDescriptor(
        id: "ors-json",
        summary: "UNEP-WCMC ORS API JSON: questionnaires and questions with answers (CMS, AEWA, …)",
        fileExtensions: ["json"]
    )

    /// No schema is bundled for ORS.
    public static let defaultSchema: String? = nil

    private let options: ReadOptions

    /// Creates a reader.
    /// - Parameter options: The read options.
    public init(options: ReadOptions) { self.options = options }

    /// Certain for JSON with a `questionnaire` or a question's `looping_contexts`; no otherwise.
    /// - Parameter input: The first bytes and the name.
    /// - Returns: The confidence.
    public static func sniff(_ input: SniffInput) -> SniffConfidence {
        guard let first = input.trimmedPrefix.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else {
            return .no
        }
        if input.contains("\"questionnaire\"") && input.contains("\"respondents\"") { return .certain }
        if input.contains("\"looping_contexts\"") || input.contains("\"looping_section_id\"") { return .certain }
        return .no
    }

    /// Reads the input.
    /// - Parameters:
    ///   - source: The input bytes.
    ///   - emit: Receives each record.
    ///   - report: Receives each diagnostic.
    /// - Throws: What `emit` throws.
    public mutating func read(
        from source: some ByteSource,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws {
        var parser = JSONPullParser(source: source)
        do {
            let value = try parser.readValue()
            while try parser.next() != nil {}
            let items = value.arrayValue ?? [value]
            for (index, item) in items.enumerated() {
                let pointer = value.arrayValue == nil ? "" : "/\(index)"
                for record in records(item, pointer: pointer, report: report) { try emit(record) }
            }
        } catch let error as JSONError {
            report(error.diagnostic(source: options.sourceName))
        }
    }

    private func location(_ value: JSONValue, _ path: String) -> SourceLocation {
        SourceLocation(
            source: options.sourceName,
            line: value.position.line,
            column: value.position.column,
            byteOffset: value.position.offset,
            path: path
        )
    }

    private func text(_ value: JSONValue?) -> String? {
        guard let value else { return nil }
        if let string = value.stringValue { return string }
        return value.numberLexeme
    }

    private func records(_ item: JSONValue, pointer: String, report: (Diagnostic) -> Void) -> [Record] {
        if let inner = item["questionnaire"] {
            return ORSMapping.records(questionnaire(inner, pointer + "/questionnaire"))
        }
        if let inner = item["question"] { return ORSMapping.records(question(inner, pointer + "/question")) }
        if item["respondents"] != nil { return ORSMapping.records(questionnaire(item, pointer)) }
        if item["looping_contexts"] != nil || item["answers"] != nil, item["path"] != nil {
            return ORSMapping.records(question(item, pointer))
        }
        report(
            Diagnostic(
                id: .orsUnknownDocument,
                severity: .error,
                message: "expected an ORS questionnaire or question, found \(item.typeName) without either",
                location: location(item, pointer)
            )
        )
        return []
    }

    private func questionnaire(_ value: JSONValue, _ path: String) -> ORSQuestionnaire {
        var result = ORSQuestionnaire(id: text(value["id"]) ?? "unknown", location: location(value, path))
        result.title = text(value["title"])
        result.language = text(value["language"])
        result.languages = value["languages"]?.arrayValue?.compactMap(\.stringValue) ?? []
        result.status = text(value["status"])
        result.activatedOn = text(value["activated_on"])
        result.date = text(value["questionnaire_date"])
        for entry in value["respondents"]?.arrayValue ?? [] {
            let respondent = entry["respondent"] ?? entry
            guard let id = text(respondent["id"]) else { continue }
            result.respondents.append(
                (id: id, name: text(respondent["full_name"]) ?? id, status: text(respondent["status"]))
            )
        }
        return result
    }

    private func question(_ value: JSONValue, _ path: String) -> ORSQuestion {
        var result = ORSQuestion(id: text(value["id"]) ?? "unknown", location: location(value, path))
        result.questionnaireID = ORSMapping.questionnaireID(url: text(value["url"]))
        result.title = text(value["title"])
        result.language = text(value["language"])
        result.path = value["path"]?.arrayValue?.compactMap(\.stringValue) ?? []
        result.type = text(value["type"])
        result.options = value["options"]?.arrayValue?.compactMap(\.stringValue) ?? []
        func answers(_ list: JSONValue?, context: [String], contextID: String?) {
            for entry in list?.arrayValue ?? [] {
                let answer = entry["answer"] ?? entry
                guard let respondent = text(answer["respondent"]), let body = text(answer["answer_text"]) else {
                    continue
                }
                result.answers.append((respondent: respondent, text: body, context: context, contextID: contextID))
            }
        }
        answers(value["answers"], context: [], contextID: nil)
        for entry in value["looping_contexts"]?.arrayValue ?? [] {
            let context = entry["looping_context"] ?? entry
            answers(
                context["answers"],
                context: context["looping_path"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                contextID: text(context["looping_identifier"])
            )
        }
        return result
    }
}
