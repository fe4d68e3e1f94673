public import MEABridgeCore
import MEABridgeJSON

/// What renderers may need besides the reports: the descriptions of the diagnostics, the tool's version.
public struct ReportContext: Sendable {
    /// What each diagnostic id means and how to fix it.
    public var descriptions: [DiagnosticID: DiagnosticDescription]
    /// The version of the program that made the report.
    public var toolVersion: String

    /// Creates a context.
    /// - Parameters:
    ///   - descriptions: The descriptions of the diagnostic ids.
    ///   - toolVersion: The program's version.
    public init(descriptions: [DiagnosticDescription] = [], toolVersion: String = "0.1.0") {
        var table: [DiagnosticID: DiagnosticDescription] = [:]
        for description in descriptions { table[description.id] = description }
        self.descriptions = table
        self.toolVersion = toolVersion
    }
}

/// Renders validation reports in one output format (`--format`).
public protocol ReportRenderer: Sendable {
    /// The format's name (`text`, `json`, `sarif`, `junit`, `html`).
    static var name: String { get }

    /// Renders the reports of one run (one per input).
    /// - Parameters:
    ///   - reports: The reports.
    ///   - context: The descriptions of the diagnostics and the tool's version.
    /// - Returns: The rendered text, ending with a newline.
    static func render(_ reports: [ValidationReport], context: ReportContext) -> String
}

/// Every report format, by name.
public enum ReportFormats {
    /// The renderers, in listing order.
    public static let all: [any ReportRenderer.Type] = [
        TextReport.self, JSONReport.self, SARIFReport.self, JUnitReport.self, HTMLReport.self,
    ]

    /// The renderer named `name`.
    /// - Parameter name: A format name.
    /// - Returns: The renderer, or `nil`.
    public static func renderer(named name: String) -> (any ReportRenderer.Type)? {
        all.first { $0.name == name }
    }
}

/// Plain text: every diagnostic on its `file:line:col: severity: message [id]` line with the input line and a caret
/// under the column, then the counts per rule and a summary.
public enum TextReport: ReportRenderer {
    /// `text`.
    public static let name = "text"

    /// Renders the reports as text.
    /// - Parameters:
    ///   - reports: The reports.
    ///   - context: Unused by the text form.
    /// - Returns: The text.
    public static func render(_ reports: [ValidationReport], context: ReportContext) -> String {
        var lines: [String] = []
        for report in reports {
            let excerpts = SourceExcerpts(for: report.diagnostics)
            for diagnostic in report.diagnostics {
                lines.append(diagnostic.formatted)
                if let snippet = excerpts.snippet(for: diagnostic) { lines.append(snippet) }
            }
            if !report.byRule.isEmpty {
                lines.append("")
                lines.append("by rule:")
                for row in report.byRule {
                    lines.append(
                        "  \(String(row.count).leftPadded(6))  \(row.severity.rawValue.rightPadded(7)) \(row.id)"
                    )
                }
            }
            var summary = "\(report.input)"
            if let format = report.format { summary += " (\(format))" }
            if let schema = report.schema { summary += ", schema \(schema)" }
            summary += ": \(report.recordCount) records, \(plural(report.errorCount, "error")), "
            summary += plural(report.warningCount, "warning")
            let notShown = report.diagnosticCount - report.diagnostics.count
            if notShown > 0 { summary += " (\(notShown) not shown; raise --max-errors)" }
            lines.append(summary + (report.errorCount == 0 ? " — valid" : " — invalid"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
}

/// JSON for machines: one object per input with its counts and every diagnostic with its location.
public enum JSONReport: ReportRenderer {
    /// `json`.
    public static let name = "json"

    /// Renders the reports as one JSON document.
    /// - Parameters:
    ///   - reports: The reports.
    ///   - context: Unused by the JSON form.
    /// - Returns: The JSON text.
    public static func render(_ reports: [ValidationReport], context: ReportContext) -> String {
        var out: [UInt8] = []
        out.append(contentsOf: "{\"reports\":[".utf8)
        for (index, report) in reports.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: "\n{\"input\":".utf8)
            JSONOutput.appendString(report.input, to: &out)
            if let format = report.format {
                out.append(contentsOf: ",\"format\":".utf8)
                JSONOutput.appendString(format, to: &out)
            }
            if let schema = report.schema {
                out.append(contentsOf: ",\"schema\":".utf8)
                JSONOutput.appendString(schema, to: &out)
            }
            out.append(contentsOf: ",\"valid\":\(report.errorCount == 0)".utf8)
            out.append(contentsOf: ",\"records\":{".utf8)
            let records = EntityKind.allCases.compactMap { kind in report.records[kind].map { (kind, $0) } }
            for (position, (kind, count)) in records.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                JSONOutput.appendString(kind.rawValue, to: &out)
                out.append(contentsOf: ":\(count)".utf8)
            }
            out.append(contentsOf: "},\"errors\":\(report.errorCount),\"warnings\":\(report.warningCount)".utf8)
            out.append(contentsOf: ",\"diagnostics\":[".utf8)
            for (position, diagnostic) in report.diagnostics.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                appendDiagnostic(diagnostic, to: &out)
            }
            out.append(contentsOf: "]}".utf8)
        }
        out.append(contentsOf: "\n]}\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends one diagnostic as a JSON object: id, severity, message, cause and location.
    /// - Parameters:
    ///   - diagnostic: The diagnostic.
    ///   - out: The buffer to append to.
    public static func appendDiagnostic(_ diagnostic: Diagnostic, to out: inout [UInt8]) {
        out.append(contentsOf: "{\"id\":".utf8)
        JSONOutput.appendString(diagnostic.id.rawValue, to: &out)
        out.append(contentsOf: ",\"severity\":".utf8)
        JSONOutput.appendString(diagnostic.severity.rawValue, to: &out)
        out.append(contentsOf: ",\"message\":".utf8)
        JSONOutput.appendString(diagnostic.message, to: &out)
        if let cause = diagnostic.cause {
            out.append(contentsOf: ",\"cause\":".utf8)
            JSONOutput.appendString(cause, to: &out)
        }
        if let location = diagnostic.location {
            out.append(contentsOf: ",\"file\":".utf8)
            JSONOutput.appendString(location.source, to: &out)
            if let line = location.line { out.append(contentsOf: ",\"line\":\(line)".utf8) }
            if let column = location.column { out.append(contentsOf: ",\"column\":\(column)".utf8) }
            if let path = location.path {
                out.append(contentsOf: ",\"path\":".utf8)
                JSONOutput.appendString(path, to: &out)
            }
        }
        out.append(UInt8(ascii: "}"))
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    fileprivate func rightPadded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
