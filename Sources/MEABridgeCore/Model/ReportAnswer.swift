/// One answer of a structured report (a CBD national report section, an ORS questionnaire answer) that has no
/// InforMEA field of its own, kept as content of the record instead of being lost as flat text.
public struct ReportAnswer: Sendable, Hashable, Codable {
    /// The section breadcrumb, outermost first (`sectionIII`, or an ORS section path).
    public var section: [String]
    /// The question's or field's identifier (`mainActionsSummary`, an ORS question id).
    public var question: String
    /// The question's wording, when the source gives it.
    public var questionTitle: String?
    /// The target the answer reports on (`GBF-TARGET-03`, a national target reference), when it has one.
    public var target: String?
    /// The answer as text, by language.
    public var answer: LocalizedText
    /// Selected options, thesaurus terms or referenced records.
    public var values: [String]
    /// The looping context of a repeated section (ORS): the path of loop items, outermost first.
    public var context: [String]
    /// The identifier of the looping context (ORS `6867S6868S6872`).
    public var contextID: String?
    /// Who gave the answer, when the source names several respondents.
    public var respondent: String?
    /// Global goals and targets the answer is linked to.
    public var goals: [GoalRef]

    /// Creates an answer.
    /// - Parameters:
    ///   - section: The section breadcrumb.
    ///   - question: The question's identifier.
    ///   - questionTitle: The question's wording.
    ///   - target: The target reported on.
    ///   - answer: The answer text.
    ///   - values: Selected options, terms or references.
    ///   - context: The looping context path.
    ///   - contextID: The looping context identifier.
    ///   - respondent: Who answered.
    ///   - goals: Linked goals and targets.
    public init(
        section: [String] = [],
        question: String,
        questionTitle: String? = nil,
        target: String? = nil,
        answer: LocalizedText = LocalizedText(),
        values: [String] = [],
        context: [String] = [],
        contextID: String? = nil,
        respondent: String? = nil,
        goals: [GoalRef] = []
    ) {
        self.section = section
        self.question = question
        self.questionTitle = questionTitle
        self.target = target
        self.answer = answer
        self.values = values
        self.context = context
        self.contextID = contextID
        self.respondent = respondent
        self.goals = goals
    }
}
