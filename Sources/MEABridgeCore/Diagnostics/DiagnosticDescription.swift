/// What a kind of diagnostic means and how to fix it: the text behind `meabridge explain ID`.
public struct DiagnosticDescription: Sendable, Hashable {
    /// The diagnostic's stable id.
    public var id: DiagnosticID
    /// Its default severity.
    public var severity: Severity
    /// A one-line summary.
    public var summary: String
    /// A longer explanation: why it matters and what to do about it.
    public var explanation: String

    /// Creates a description.
    /// - Parameters:
    ///   - id: The diagnostic's id.
    ///   - severity: Its default severity.
    ///   - summary: A one-line summary.
    ///   - explanation: Why it matters and the fix.
    public init(_ id: DiagnosticID, _ severity: Severity, _ summary: String, _ explanation: String) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.explanation = explanation
    }
}
