import ArgumentParser
import MEABridgeBatch
public import MEABridgeCore
public import MEABridgeFormats
import MEABridgeValidation

/// `meabridge merge`.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the outputs and reports of the shards of a batch (batch --shard K/N).",
        discussion: """
            Each INPUT is a shard's output (directory or archive). Files are copied into the output (a directory, \
            or an archive by extension); a file present in two shards with different content is reported and the \
            first kept; tombstone files are joined. --reports takes the shards' JSON reports (batch --report \
            FILE.json) and --report writes the joined report (json, junit or sarif).

            \(ExitStatus.help)
            """
    )

    @Argument(help: "The shards' outputs (directories or archives).")
    var inputs: [String]

    @Option(name: [.short, .customLong("output")], help: "The merged output directory or archive.")
    var output: String

    @Option(parsing: .upToNextOption, help: "The shards' JSON reports.")
    var reports: [String] = []

    @Option(help: "Write the merged report: json, junit or sarif (by extension or --report-format).")
    var report: String?

    @Option(help: "The merged report's format: json, junit or sarif.")
    var reportFormat: String?

    @Option(help: "The exit status is 1 when any file failed or has diagnostics at this level: error or warning.")
    var failOn = "error"

    @Flag(help: "Print GitHub Actions annotations for the merged report on standard output.")
    var github = false

    @Flag(name: .shortAndLong, help: "Do not print the closing summary.")
    var quiet = false

    func run() throws {
        var job = MergeJob(inputs: inputs, output: output)
        job.reports = reports
        job.report = report
        job.reportFormat = reportFormat
        job.failOn = failOn
        job.github = github
        job.quiet = quiet
        let status = job.run(console: .standard)
        if status != .ok { throw CommandExit(status) }
    }
}

/// `meabridge merge`: joins shard outputs into one output and shard reports into one report.
public struct MergeJob: Sendable {
    /// The shards' outputs.
    public var inputs: [String]
    /// The merged output.
    public var output: String
    /// The shards' JSON reports.
    public var reports: [String] = []
    /// The merged report file.
    public var report: String?
    /// Its format; by extension when `nil`.
    public var reportFormat: String?
    /// `error` or `warning`.
    public var failOn = "error"
    /// Whether to print GitHub Actions annotations.
    public var github = false
    /// Whether to leave out the summary.
    public var quiet = false

    /// Creates a job.
    /// - Parameters:
    ///   - inputs: The shards' outputs.
    ///   - output: The merged output.
    public init(inputs: [String], output: String) {
        self.inputs = inputs
        self.output = output
    }

    /// Merges.
    /// - Parameters:
    ///   - registry: The formats (for diagnostic descriptions in reports).
    ///   - console: Where text goes.
    /// - Returns: 0; 1 when files conflict or the merged report fails `--fail-on`; 2 usage; 3 I/O.
    public func run(registry: FormatRegistry = .builtIn, console: Console) -> ExitStatus {
        let failLevel: Severity
        switch failOn {
        case "error": failLevel = .error
        case "warning": failLevel = .warning
        default:
            console.err("meabridge: error: --fail-on must be error or warning, not '\(failOn)' [cli.usage]\n")
            return .usage
        }
        var format: BatchReportFormat?
        if let report {
            if let reportFormat {
                guard let named = BatchReportFormat(rawValue: reportFormat) else {
                    console.err(
                        "meabridge: error: --report-format must be json, junit or sarif [cli.unknown-format]\n"
                    )
                    return .usage
                }
                format = named
            } else {
                format = BatchReportFormat.inferred(from: report)
            }
            if reports.isEmpty {
                console.err("meabridge: error: --report needs the shards' reports (--reports) [cli.usage]\n")
                return .usage
            }
        }
        if inputs.isEmpty {
            console.err("meabridge: error: give the shards' outputs to merge [cli.usage]\n")
            return .usage
        }
        var options = MergeOptions(inputs: inputs, output: output, reports: reports)
        options.limits = ArchiveLimits()
        let result: MergeResult
        do {
            result = try BatchMerge.run(options)
        } catch {
            console.err("meabridge: error: \(error)\n")
            return error.kind == .usage ? .usage : .io
        }
        for diagnostic in result.diagnostics {
            console.err(diagnostic.formatted + "\n")
            if github {
                let owner = BatchFileReport(input: diagnostic.location?.source ?? output, status: .failed)
                console.out(GitHubAnnotations.line(for: diagnostic, in: owner) + "\n")
            }
        }
        var failed = !result.diagnostics.filter { $0.severity >= .error }.isEmpty
        if let merged = result.report {
            if github {
                for file in merged.files {
                    for diagnostic in file.diagnostics {
                        console.out(GitHubAnnotations.line(for: diagnostic, in: file) + "\n")
                    }
                }
            }
            if let path = report, let format {
                let context = ReportContext(descriptions: registry.addingBatchDiagnostics.descriptions)
                do throws(IOFailure) {
                    try writeText(format.render(merged, failOn: failLevel, context: context), to: path)
                } catch {
                    console.err("meabridge: error: \(error) [io.\(error.operation)]\n")
                    return .io
                }
            }
            if !quiet { console.err(BatchSummaryText.render(merged, failOn: failLevel)) }
            if !merged.failing(at: failLevel).isEmpty { failed = true }
        }
        if !quiet {
            console.err(
                "meabridge merge: \(result.files) files from \(inputs.count) shard outputs → \(output)"
                    + (result.diagnostics.isEmpty ? "" : "; \(result.diagnostics.count) problems") + "\n"
            )
        }
        return failed ? .diagnostics : .ok
    }
}
