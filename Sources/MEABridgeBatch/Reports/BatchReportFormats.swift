public import MEABridgeCore
public import MEABridgeJSON
public import MEABridgeValidation

/// The formats of `batch --report FILE`: `json`, `junit` (one test case per input file) and `sarif`.
public enum BatchReportFormat: String, Sendable, CaseIterable {
    /// The batch's own JSON: totals, one object per input, the deleted records.
    case json
    /// JUnit XML: one test suite for the batch, one test case per input.
    case junit
    /// SARIF 2.1.0, one result per diagnostic.
    case sarif

    /// The format for a report file name: `.xml` is JUnit, `.sarif` SARIF, anything else JSON.
    /// - Parameter path: The report file's path.
    /// - Returns: The format.
    public static func inferred(from path: String) -> BatchReportFormat {
        let name = path.lowercased()
        if name.hasSuffix(".xml") { return .junit }
        if name.hasSuffix(".sarif") || name.hasSuffix(".sarif.json") { return .sarif }
        return .json
    }

    /// Renders a report.
    /// - Parameters:
    ///   - report: The batch report.
    ///   - failOn: The `--fail-on` level (decides which JUnit test cases fail).
    ///   - context: The diagnostics' descriptions and the tool's version.
    /// - Returns: The report text, ending with a newline.
    public func render(_ report: BatchReport, failOn: Severity, context: ReportContext) -> String {
        switch self {
        case .json: BatchJSONReport.render(report, failOn: failOn, context: context)
        case .junit: BatchJUnitReport.render(report, failOn: failOn)
        case .sarif: SARIFReport.render(report.files.map(\.validationReport), context: context)
        }
    }
}

/// The batch report as JSON, which `merge` reads back.
///
/// The document is `{"tool", "shard", "output", "summary", "files": [...], "deleted": [...]}`.
public enum BatchJSONReport {
    /// Renders the report.
    /// - Parameters:
    ///   - report: The batch report.
    ///   - failOn: The `--fail-on` level (recorded, and used for `summary.passed`).
    ///   - context: The tool's version.
    /// - Returns: The JSON text.
    public static func render(_ report: BatchReport, failOn: Severity, context: ReportContext) -> String {
        var out: [UInt8] = []
        out.append(contentsOf: "{\"tool\":{\"name\":\"meabridge\",\"version\":".utf8)
        JSONOutput.appendString(context.toolVersion, to: &out)
        out.append(contentsOf: "},\"shard\":".utf8)
        if let shard = report.shard {
            JSONOutput.appendString(shard, to: &out)
        } else {
            out.append(contentsOf: "null".utf8)
        }
        out.append(contentsOf: ",\"output\":".utf8)
        if let output = report.output {
            JSONOutput.appendString(output, to: &out)
        } else {
            out.append(contentsOf: "null".utf8)
        }
        let statuses = report.statusCounts
        let counts = report.counts
        out.append(contentsOf: ",\"summary\":{\"files\":\(report.files.count)".utf8)
        for status in BatchFileStatus.allCases {
            out.append(contentsOf: ",\"\(status.rawValue)\":\(statuses[status] ?? 0)".utf8)
        }
        out.append(contentsOf: ",\"records\":".utf8)
        appendRecordCounts(report.records, to: &out)
        out.append(
            contentsOf: ",\"changedRecords\":\(report.changedRecords),\"deletedRecords\":\(report.deleted.count)".utf8
        )
        for severity in Severity.allCases {
            out.append(contentsOf: ",\"\(severity.rawValue)s\":\(counts[severity] ?? 0)".utf8)
        }
        out.append(contentsOf: ",\"failOn\":\"\(failOn.rawValue)\"".utf8)
        out.append(contentsOf: ",\"passed\":\(report.failing(at: failOn).isEmpty)".utf8)
        out.append(contentsOf: ",\"bytes\":\(report.bytes),\"seconds\":".utf8)
        JSONOutput.appendNumber((report.seconds * 1000).rounded() / 1000, to: &out)
        out.append(contentsOf: "},\"files\":[".utf8)
        for (index, file) in report.files.enumerated() {
            out.append(contentsOf: (index > 0 ? ",\n" : "\n").utf8)
            file.appendJSON(to: &out)
        }
        out.append(contentsOf: "],\"deleted\":[".utf8)
        for (index, record) in report.deleted.enumerated() {
            out.append(contentsOf: (index > 0 ? ",\n" : "\n").utf8)
            record.appendJSON(to: &out)
        }
        out.append(contentsOf: "]}\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads a report written by `render` back.
    /// - Parameter value: The parsed document.
    /// - Returns: The report, or `nil` when the document is not a batch report.
    public static func parse(_ value: JSONValue) -> BatchReport? {
        guard let files = value["files"]?.arrayValue else { return nil }
        var reports: [BatchFileReport] = []
        for file in files {
            guard let report = BatchFileReport.from(json: file) else { return nil }
            reports.append(report)
        }
        let deleted = (value["deleted"]?.arrayValue ?? []).compactMap(DeletedRecord.from(json:))
        return BatchReport(
            files: reports,
            deleted: deleted,
            output: value["output"]?.stringValue,
            shard: value["shard"]?.stringValue,
            seconds: value["summary"]?["seconds"]?.doubleValue ?? 0
        )
    }
}

/// JUnit XML for CI servers: one test suite for the batch, one test case per input file.
///
/// A case's `classname` is the archive or folder, its `name` the input. A case fails when the input failed or has diagnostics at or above `--fail-on`; its
/// failure text lists them. Skipped inputs are skipped cases.
public enum BatchJUnitReport {
    /// Renders the report.
    /// - Parameters:
    ///   - report: The batch report.
    ///   - failOn: The `--fail-on` level.
    /// - Returns: The XML text.
    public static func render(_ report: BatchReport, failOn: Severity) -> String {
        let failures = report.failing(at: failOn).count
        let skipped = report.statusCounts[.skipped] ?? 0
        let time = String((report.seconds * 1000).rounded() / 1000)
        let suite = "meabridge batch" + (report.shard.map { " (shard \($0))" } ?? "")
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"\(JUnitReport.escape(suite))\" tests=\"\(report.files.count)\" "
        xml += "failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(time)\">\n"
        xml += "  <testsuite name=\"\(JUnitReport.escape(suite))\" tests=\"\(report.files.count)\" "
        xml += "failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(time)\">\n"
        for file in report.files {
            let classname = file.container ?? FileSystem.parentDirectory(of: file.input)
            xml += "    <testcase name=\"\(JUnitReport.escape(file.input))\" "
            xml += "classname=\"\(JUnitReport.escape(classname))\""
            let summary = summaryLine(file)
            if file.status == .skipped {
                xml += ">\n      <skipped message=\"\(JUnitReport.escape(summary))\"/>\n    </testcase>\n"
            } else if file.fails(at: failOn) {
                let type = file.status == .failed ? "failed" : (file.errorCount > 0 ? "error" : "warning")
                xml += ">\n      <failure message=\"\(JUnitReport.escape(summary))\" type=\"\(type)\">"
                xml += JUnitReport.escape(file.diagnostics.map(\.formatted).joined(separator: "\n"))
                xml += "</failure>\n    </testcase>\n"
            } else if !file.diagnostics.isEmpty || file.status == .unchanged {
                var text = summary
                if !file.diagnostics.isEmpty {
                    text += "\n" + file.diagnostics.map(\.formatted).joined(separator: "\n")
                }
                xml += ">\n      <system-out>\(JUnitReport.escape(text))</system-out>\n    </testcase>\n"
            } else {
                xml += "/>\n"
            }
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    /// `converted (informea-odata-json → out/a.ndjson): 12 records, 0 errors, 1 warning`.
    static func summaryLine(_ file: BatchFileReport) -> String {
        var text = file.status.rawValue
        if let format = file.format {
            text += " (\(format)" + (file.output.map { " → \($0)" } ?? "") + ")"
        }
        text += ": \(file.recordCount) records, \(plural(file.errorCount, "error")), "
        text += plural(file.warningCount, "warning")
        let notShown = file.counts.values.reduce(0, +) - file.diagnostics.count
        if notShown > 0 { text += " (\(notShown) diagnostics not kept)" }
        return text
    }
}

func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

/// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`) for diagnostics, so they show
/// as annotations on the pull request.
public enum GitHubAnnotations {
    /// The annotation line of a diagnostic, or `nil` for severities GitHub does not show (none today: notes become
    /// `::notice`).
    /// - Parameters:
    ///   - diagnostic: The diagnostic.
    ///   - report: The input it belongs to (archive entries point at the archive file, with the entry in the text).
    /// - Returns: The line, without a newline.
    public static func line(for diagnostic: Diagnostic, in report: BatchFileReport) -> String {
        let command =
            switch diagnostic.severity {
            case .note: "notice"
            case .warning: "warning"
            case .error, .fatal: "error"
            }
        var properties: [String] = []
        var message = diagnostic.message
        if let cause = diagnostic.cause { message += ": " + cause }
        if let path = diagnostic.location?.path, !path.isEmpty { message += " (at \(path))" }
        if let container = report.container {
            properties.append("file=" + escapeProperty(container))
            let entry =
                report.input.hasPrefix(container + "!/")
                ? String(report.input.dropFirst(container.count + 2)) : report.input
            var position = entry
            if let line = diagnostic.location?.line {
                position += ":\(line)"
                if let column = diagnostic.location?.column { position += ":\(column)" }
            }
            message = position + ": " + message
        } else {
            properties.append("file=" + escapeProperty(diagnostic.location?.source ?? report.input))
            if let line = diagnostic.location?.line {
                properties.append("line=\(line)")
                if let column = diagnostic.location?.column { properties.append("col=\(column)") }
            }
        }
        properties.append("title=" + escapeProperty(diagnostic.id.rawValue))
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    /// Escapes a message: `%`, CR and LF.
    static func escapeData(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case "\r\n": result += "%0D%0A"
            default: result.append(character)
            }
        }
        return result
    }

    /// Escapes a property value: as a message, plus `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
