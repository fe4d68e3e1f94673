import ArgumentParser
import MEABridgeBatch
public import MEABridgeCore
import MEABridgeFormats

/// `meabridge explain`: what a diagnostic id means and how to fix it.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a diagnostic id (rule) and how to fix what it reports; --list shows every id.",
        discussion: ExitStatus.help
    )

    @Argument(help: "A diagnostic id, such as rule.title-english or model.country-unknown.")
    var id: String?

    @Flag(help: "List every diagnostic id with its default severity and summary.")
    var list = false

    func run() throws {
        let status = Explanation.standard.run(id: id, list: list, console: .standard)
        if status != .ok { throw CommandExit(status) }
    }
}

/// The text of `meabridge explain`.
public struct Explanation: Sendable {
    /// The registry whose diagnostics are explained.
    public let registry: FormatRegistry

    /// What `meabridge explain` explains: the bundled formats' and rules' diagnostics and those of `batch`.
    public static var standard: Explanation { Explanation(registry: FormatRegistry.builtIn.addingBatchDiagnostics) }

    /// Creates an explanation over a registry.
    /// - Parameter registry: The registry.
    public init(registry: FormatRegistry) { self.registry = registry }

    /// Prints one explanation, or the list.
    /// - Parameters:
    ///   - id: The id to explain.
    ///   - list: Whether to list every id.
    ///   - console: Where text goes.
    /// - Returns: `.ok`, or `.usage` for a missing or unknown id.
    public func run(id: String?, list: Bool, console: Console) -> ExitStatus {
        let descriptions = registry.descriptions.sorted { $0.id.rawValue < $1.id.rawValue }
        if list || id == nil {
            guard list else {
                console.err("meabridge: error: give a diagnostic id, or --list [cli.usage]\n")
                return .usage
            }
            let width = descriptions.map(\.id.rawValue.count).max() ?? 0
            for description in descriptions {
                let name = description.id.rawValue
                let padding = String(repeating: " ", count: width - name.count + 2)
                console.out("\(name)\(padding)\(description.severity.rawValue.padding(7)) \(description.summary)\n")
            }
            return .ok
        }
        let wanted = id ?? ""
        guard let description = registry.description(of: DiagnosticID(wanted)) else {
            let close = descriptions.map(\.id.rawValue).filter {
                $0.contains(wanted) || wanted.contains($0.split(separator: ".").last.map(String.init) ?? "")
            }
            let hint =
                close.isEmpty ? "see `meabridge explain --list`" : "did you mean " + close.joined(separator: ", ")
            console.err("meabridge: error: unknown diagnostic id '\(wanted)'; \(hint) [cli.unknown-rule]\n")
            return .usage
        }
        console.out(
            """
            \(description.id) (\(description.severity.rawValue) by default)
            \(description.summary)

            \(description.explanation)

            Turn it off or change its severity with a rules profile: meabridge validate --rules PROFILE.json, where
            PROFILE.json is {"rules": {"\(description.id)": "off"}} (or "note", "warning", "error").

            """
        )
        return .ok
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
