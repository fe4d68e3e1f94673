import MEABridgeCore
import MEABridgeJSON

/// SARIF 2.1.0, which code-scanning tools (GitHub, IDE viewers) load: one run, the rules that fired with their
/// descriptions, and one result per diagnostic with its physical location (file, line, column) and its structural
/// path as a logical location.
public enum SARIFReport: ReportRenderer {
    /// `sarif`.
    public static let name = "sarif"

    /// Renders the reports as one SARIF log.
    /// - Parameters:
    ///   - reports: The reports.
    ///   - context: The descriptions (rule metadata) and the tool's version.
    /// - Returns: The SARIF JSON text.
    public static func render(_ reports: [ValidationReport], context: ReportContext) -> String {
        var ruleIDs: [DiagnosticID] = []
        for report in reports {
            for diagnostic in report.diagnostics where !ruleIDs.contains(diagnostic.id) {
                ruleIDs.append(diagnostic.id)
            }
        }
        ruleIDs.sort { $0.rawValue < $1.rawValue }
        var index: [DiagnosticID: Int] = [:]
        for (position, id) in ruleIDs.enumerated() { index[id] = position }

        var out: [UInt8] = []
        out.append(
            contentsOf: "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",".utf8
        )
        out.append(contentsOf: "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"meabridge\",\"version\":".utf8)
        JSONOutput.appendString(context.toolVersion, to: &out)
        out.append(contentsOf: ",\"informationUri\":\"https://www.informea.org/\",\"rules\":[".utf8)
        for (position, id) in ruleIDs.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: "\n{\"id\":".utf8)
            JSONOutput.appendString(id.rawValue, to: &out)
            if let description = context.descriptions[id] {
                out.append(contentsOf: ",\"shortDescription\":{\"text\":".utf8)
                JSONOutput.appendString(description.summary, to: &out)
                out.append(contentsOf: "},\"fullDescription\":{\"text\":".utf8)
                JSONOutput.appendString(description.explanation, to: &out)
                out.append(contentsOf: "},\"help\":{\"text\":".utf8)
                JSONOutput.appendString(description.explanation + " (meabridge explain \(id))", to: &out)
                out.append(contentsOf: "},\"defaultConfiguration\":{\"level\":\"\(level(description.severity))\"}".utf8)
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: "]}},\"results\":[".utf8)
        var first = true
        for report in reports {
            for diagnostic in report.diagnostics {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                out.append(contentsOf: "\n{\"ruleId\":".utf8)
                JSONOutput.appendString(diagnostic.id.rawValue, to: &out)
                out.append(contentsOf: ",\"ruleIndex\":\(index[diagnostic.id] ?? 0)".utf8)
                out.append(contentsOf: ",\"level\":\"\(level(diagnostic.severity))\",\"message\":{\"text\":".utf8)
                JSONOutput.appendString(diagnostic.message + (diagnostic.cause.map { ": \($0)" } ?? ""), to: &out)
                out.append(contentsOf: "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":".utf8)
                JSONOutput.appendString(uri(diagnostic.location?.source ?? report.input), to: &out)
                out.append(UInt8(ascii: "}"))
                if let line = diagnostic.location?.line, line > 0 {
                    out.append(contentsOf: ",\"region\":{\"startLine\":\(line)".utf8)
                    if let column = diagnostic.location?.column, column > 0 {
                        out.append(contentsOf: ",\"startColumn\":\(column)".utf8)
                    }
                    out.append(UInt8(ascii: "}"))
                }
                out.append(UInt8(ascii: "}"))
                if let path = diagnostic.location?.path, !path.isEmpty {
                    out.append(contentsOf: ",\"logicalLocations\":[{\"fullyQualifiedName\":".utf8)
                    JSONOutput.appendString(path, to: &out)
                    out.append(contentsOf: "}]".utf8)
                }
                out.append(contentsOf: "}]}".utf8)
            }
        }
        out.append(contentsOf: "\n]}]}\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// SARIF's level for a severity.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .note: "note"
        case .warning: "warning"
        case .error, .fatal: "error"
        }
    }

    /// A relative URI reference for a path (spaces and other reserved characters percent-encoded).
    static func uri(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80,
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "-._~/:".unicodeScalars.contains(scalar)
            {
                result.unicodeScalars.append(scalar)
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPaddedHex()
            }
        }
        return result
    }
}

extension String {
    fileprivate func leftPaddedHex() -> String { count == 1 ? "0" + self : self }
}
