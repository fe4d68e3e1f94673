import MEABridgeCore

/// A single self-contained HTML page that a focal point can open and read.
///
/// The verdict and counts come first, then the problems grouped by rule, each group with what it means and how to
/// fix it, then every occurrence with its place and the input line. No scripts, no external files.
public enum HTMLReport: ReportRenderer {
    /// `html`.
    public static let name = "html"

    /// Renders the reports as one HTML page.
    /// - Parameters:
    ///   - reports: The reports.
    ///   - context: The descriptions (the fixes) and the tool's version.
    /// - Returns: The HTML text.
    public static func render(_ reports: [ValidationReport], context: ReportContext) -> String {
        let escape = JUnitReport.escape
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Validation report</title>
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;\
            color:#1d2327;line-height:1.45}
            h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}
            .verdict{padding:.8rem 1rem;border-radius:.4rem;font-weight:600}
            .ok{background:#e7f6e9;color:#135c1f}.bad{background:#fdecea;color:#8a1c12}
            table.summary td{padding:.15rem .8rem .15rem 0}
            .rule{border:1px solid #ddd;border-radius:.4rem;margin:1rem 0;padding:.6rem 1rem}
            .error,.fatal{color:#8a1c12}.warning{color:#7a5300}.note{color:#33576e}
            code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
            pre{background:#f6f7f7;padding:.4rem .6rem;overflow-x:auto;margin:.2rem 0 .8rem}
            li{margin:.4rem 0}
            </style>
            </head>
            <body>
            <h1>Validation report</h1>

            """
        for report in reports {
            let valid = report.errorCount == 0
            html += "<h2>\(escape(report.input))</h2>\n"
            html += "<p class=\"verdict \(valid ? "ok" : "bad")\">"
            html += valid ? "Ready to submit: no errors." : "Not ready: \(report.errorCount) error(s) to fix."
            html += "</p>\n<table class=\"summary\">\n"
            html += "<tr><td>Format</td><td>\(escape(report.format ?? "unknown"))</td></tr>\n"
            if let schema = report.schema { html += "<tr><td>Schema</td><td>\(escape(schema))</td></tr>\n" }
            html += "<tr><td>Records</td><td>\(report.recordCount)</td></tr>\n"
            html += "<tr><td>Errors</td><td>\(report.errorCount)</td></tr>\n"
            html += "<tr><td>Warnings</td><td>\(report.warningCount)</td></tr>\n</table>\n"
            let notShown = report.diagnosticCount - report.diagnostics.count
            if notShown > 0 { html += "<p>\(notShown) more problem(s) are not listed (raise --max-errors).</p>\n" }
            let excerpts = SourceExcerpts(for: report.diagnostics)
            for group in report.byRule {
                let description = context.descriptions[group.id]
                html += "<section class=\"rule\">\n<h3 class=\"\(group.severity.rawValue)\">"
                html += "\(escape(description?.summary ?? group.id.rawValue)) "
                html +=
                    "<small>(\(group.count) × \(group.severity.rawValue), <code>\(escape(group.id.rawValue))</code>)</small>"
                html += "</h3>\n"
                if let description {
                    html += "<p><strong>How to fix:</strong> \(escape(description.explanation))</p>\n"
                }
                html += "<ol>\n"
                for diagnostic in report.diagnostics where diagnostic.id == group.id {
                    html += "<li>"
                    if let location = diagnostic.location {
                        var place = location.source
                        if let line = location.line { place += ", line \(line)" }
                        if let column = location.column { place += ", column \(column)" }
                        if let path = location.path { place += " (\(path))" }
                        html += "<code>\(escape(place))</code><br>"
                    }
                    html += escape(diagnostic.message)
                    if let snippet = excerpts.snippet(for: diagnostic) { html += "<pre>\(escape(snippet))</pre>" }
                    html += "</li>\n"
                }
                html += "</ol>\n</section>\n"
            }
        }
        html += "<p><small>Made by meabridge \(escape(context.toolVersion)).</small></p>\n</body>\n</html>\n"
        return html
    }
}
