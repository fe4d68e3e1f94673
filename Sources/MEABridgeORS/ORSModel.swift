public import MEABridgeCore
import MEABridgeJSON
import OrderedCollections

extension DiagnosticID {
    /// An ORS input is neither a questionnaire nor a question.
    public static let orsUnknownDocument: DiagnosticID = "ors.document-unknown"
}

/// What both ORS wire forms (JSON and XML) are read into before becoming records.
struct ORSQuestionnaire {
    var id: String
    var title: String?
    var language: String?
    var languages: [String] = []
    var status: String?
    var activatedOn: String?
    var date: String?
    var respondents: [(id: String, name: String, status: String?)] = []
    var location: SourceLocation
}

struct ORSQuestion {
    var id: String
    var questionnaireID: String?
    var title: String?
    var language: String?
    var path: [String] = []
    var type: String?
    var options: [String] = []
    var answers: [(respondent: String, text: String, context: [String], contextID: String?)] = []
    var location: SourceLocation
}

/// Maps the intermediate form to canonical records: one CountryReport per respondent.
enum ORSMapping {
    /// Decodes the HTML entities of ORS texts and folds CR, LF, tabs and no-break spaces into single spaces.
    static func clean(_ text: String) -> String {
        var decoded = ""
        var rest = Substring(text)
        let entities: [String: String] = [
            "nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "#39": "'",
        ]
        while let amp = rest.firstIndex(of: "&") {
            decoded += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(8).firstIndex(of: ";") {
                let name = String(after[..<semi])
                if let value = entities[name] {
                    decoded += value
                    rest = after[after.index(after: semi)...]
                    continue
                }
                if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                    decoded.unicodeScalars.append(scalar)
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            decoded += "&"
            rest = after
        }
        decoded += rest
        var result = ""
        var pendingSpace = false
        for scalar in decoded.unicodeScalars {
            if scalar == " " || scalar == "\r" || scalar == "\n" || scalar == "\t" || scalar == "\u{A0}" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result += " " }
            pendingSpace = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// The questionnaire id in a question URL (`/api/v1/questionnaires/16/questions/384` → `16`).
    static func questionnaireID(url: String?) -> String? {
        guard let url else { return nil }
        let parts = url.split(separator: "/")
        guard let index = parts.firstIndex(of: "questionnaires"), index + 1 < parts.count else { return nil }
        return String(parts[index + 1])
    }

    static func language(_ code: String?) -> LanguageCode {
        guard let code, !code.isEmpty else { return .undetermined }
        return LanguageCode(parsing: code)
    }

    static func records(_ questionnaire: ORSQuestionnaire) -> [Record] {
        questionnaire.respondents.map { respondent in
            var report = CountryReport(id: "ors-\(questionnaire.id)-\(respondent.id)")
            if let title = questionnaire.title { report.title = [language(questionnaire.language): clean(title)] }
            report.submission = questionnaire.date.flatMap(DateValue.init(parsing:))
            report.source = questionnaire.location
            report.extras["questionnaire"] = .string(questionnaire.id)
            report.extras["respondent"] = .string(respondent.name)
            if let status = respondent.status { report.extras["respondentStatus"] = .string(status) }
            if let status = questionnaire.status { report.extras["questionnaireStatus"] = .string(status) }
            if let activated = questionnaire.activatedOn { report.extras["activatedOn"] = .string(activated) }
            if !questionnaire.languages.isEmpty {
                report.extras["languages"] = .array(questionnaire.languages.map { .string($0) })
            }
            return .countryReport(report)
        }
    }

    /// One report per respondent who answered, holding that respondent's answers to the question.
    static func records(_ question: ORSQuestion) -> [Record] {
        var order: [String] = []
        var byRespondent: [String: [ReportAnswer]] = [:]
        let section = question.path.map(clean)
        for answer in question.answers {
            if byRespondent[answer.respondent] == nil { order.append(answer.respondent) }
            byRespondent[answer.respondent, default: []].append(
                ReportAnswer(
                    section: section,
                    question: question.id,
                    questionTitle: question.title.map(clean),
                    answer: [language(question.language): clean(answer.text)],
                    context: answer.context.map(clean),
                    contextID: answer.contextID,
                    respondent: answer.respondent
                )
            )
        }
        let questionnaire = question.questionnaireID ?? "unknown"
        return order.map { respondent in
            var report = CountryReport(id: "ors-\(questionnaire)-\(respondent)")
            report.answers = byRespondent[respondent] ?? []
            report.source = question.location
            report.extras["questionnaire"] = .string(questionnaire)
            report.extras["respondent"] = .string(respondent)
            if let type = question.type { report.extras["questionType"] = .string(type) }
            return .countryReport(report)
        }
    }

    /// Parses the JSON-like array text of the XML variant (`["EN"]`); a plain text becomes one item.
    static func arrayText(_ text: String) -> [String] {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.hasPrefix("[") else { return trimmed.isEmpty ? [] : [trimmed] }
        var parser = JSONPullParser(source: MemoryByteSource(trimmed))
        guard let value = try? parser.readValue(), let items = value.arrayValue else { return [trimmed] }
        return items.compactMap(\.stringValue)
    }
}
