import MEABridgeCore

/// JUnit XML (the Ant/Maven Surefire form that CI servers load; valid against the Jenkins xUnit `junit-10.xsd`):
/// one test suite per input, one test case per rule that fired (failing with every occurrence) and one passing
/// case for an input without problems.
public enum JUnitReport: ReportRenderer {
    /// `junit`.
    public static let name = "junit"

    /// Renders the reports as one JUnit document.
    /// - Parameters:
    ///   - reports: The reports.
    ///   - context: The descriptions (added to failure texts).
    /// - Returns: The XML text.
    public static func render(_ reports: [ValidationReport], context: ReportContext) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
        for report in reports {
            let groups = report.byRule
            let failures = groups.filter { $0.severity >= .error }.count
            let cases = max(groups.count, 1)
            xml += "  <testsuite name=\"\(escape(report.input))\" tests=\"\(cases)\" failures=\"\(failures)\" "
            xml += "errors=\"0\" skipped=\"0\">\n"
            if groups.isEmpty {
                xml += "    <testcase name=\"valid\" classname=\"\(escape(report.input))\"/>\n"
            }
            for group in groups {
                let occurrences = report.diagnostics.filter { $0.id == group.id }
                xml += "    <testcase name=\"\(escape(group.id.rawValue))\" classname=\"\(escape(report.input))\">\n"
                var body = occurrences.map(\.formatted).joined(separator: "\n")
                if let description = context.descriptions[group.id] { body += "\n\n" + description.explanation }
                let message = "\(group.count) × \(context.descriptions[group.id]?.summary ?? group.id.rawValue)"
                if group.severity >= .error {
                    xml += "      <failure message=\"\(escape(message))\" type=\"\(group.severity.rawValue)\">"
                    xml += escape(body) + "</failure>\n"
                } else {
                    xml += "      <system-out>\(escape(group.severity.rawValue + ": " + message + "\n" + body))"
                    xml += "</system-out>\n"
                }
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    /// Escapes text for XML content and attributes; characters XML forbids become U+FFFD.
    /// - Parameter text: The text.
    /// - Returns: The escaped text.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
