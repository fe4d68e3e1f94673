public import MEABridgeCore
import MEABridgeJSON

/// A per-run configuration of the rules (`--rules FILE`): turn diagnostics off or change their severity.
///
/// The file is JSON: `{"rules": {"rule.title-english": "off", "model.country-unknown": "error"}}`, where each
/// value is `off`, `note`, `warning` or `error`. Any diagnostic id can be configured, the harmonised rules' and the
/// readers' alike; an id the program does not know is refused, so a typo cannot silently disable nothing.
public struct RuleProfile: Sendable {
    /// The severity to use per id; `nil` turns the diagnostic off.
    public private(set) var overrides: [DiagnosticID: Severity?] = [:]

    /// A profile that changes nothing.
    public init() {}

    /// Creates a profile from overrides.
    /// - Parameter overrides: The severity per id (`nil` = off).
    public init(overrides: [DiagnosticID: Severity?]) { self.overrides = overrides }

    /// Loads a profile file.
    /// - Parameters:
    ///   - path: The JSON file.
    ///   - known: The ids the program knows.
    /// - Returns: The profile.
    /// - Throws: `RuleProfileError` when the file cannot be read, is not a profile, or names an unknown id.
    public static func load(path: String, known: Set<DiagnosticID>) throws -> RuleProfile {
        let value: JSONValue
        do {
            var parser = JSONPullParser(source: try FileByteSource(path: path))
            value = try parser.readValue()
            try parser.finish()
        } catch let failure as IOFailure {
            throw RuleProfileError(path: path, message: failure.description)
        } catch let error as JSONError {
            throw RuleProfileError(
                path: path,
                message: "\(error.position.line):\(error.position.column): \(error.message)"
            )
        }
        guard let rules = value["rules"]?.objectValue else {
            throw RuleProfileError(
                path: path,
                message: "expected {\"rules\": {\"RULE-ID\": \"off|note|warning|error\"}}"
            )
        }
        var profile = RuleProfile()
        for member in rules {
            let id = DiagnosticID(member.key)
            guard known.contains(id) else {
                let close = known.map(\.rawValue).filter { $0.hasPrefix(String(member.key.prefix(5))) }.sorted()
                let hint = close.isEmpty ? "" : "; known ids like it: " + close.prefix(8).joined(separator: ", ")
                throw RuleProfileError(
                    path: path,
                    message: "\(member.value.position.line):\(member.value.position.column): unknown rule id "
                        + "'\(member.key)'\(hint) (see `meabridge explain --list`)"
                )
            }
            switch member.value.stringValue?.lowercased() {
            case "off", "disable", "disabled": profile.overrides[id] = .some(nil)
            case "note", "info": profile.overrides[id] = .note
            case "warning", "warn": profile.overrides[id] = .warning
            case "error": profile.overrides[id] = .error
            default:
                throw RuleProfileError(
                    path: path,
                    message: "\(member.value.position.line):\(member.value.position.column): '\(member.key)' must be "
                        + "\"off\", \"note\", \"warning\" or \"error\""
                )
            }
        }
        return profile
    }

    /// Applies the profile to a diagnostic.
    /// - Parameter diagnostic: The diagnostic as reported.
    /// - Returns: The diagnostic with its configured severity, or `nil` when it is turned off. Fatal diagnostics
    ///   (unreadable input) are never turned off or lowered.
    public func apply(_ diagnostic: Diagnostic) -> Diagnostic? {
        guard diagnostic.severity != .fatal, let override = overrides[diagnostic.id] else { return diagnostic }
        guard let severity = override else { return nil }
        var changed = diagnostic
        changed.severity = severity
        return changed
    }
}

/// Why a rule profile could not be used.
public struct RuleProfileError: Error, Sendable, CustomStringConvertible {
    /// The profile file.
    public var path: String
    /// What is wrong.
    public var message: String

    /// `PATH: MESSAGE`.
    public var description: String { "\(path): \(message)" }
}
