public import MEABridgeCore

extension ValidationCatalog {
    /// Descriptions of the diagnostics of the convention-native readers (CBD clearing-houses and Solr, CITES
    /// Species+, the ORS), so that `explain` and rule profiles cover them too.
    public static let conventions: [DiagnosticDescription] = [
        DiagnosticDescription(
            "cbd.schema-unknown",
            .error,
            "A CBD KM document has a schema this reader does not map.",
            """
            The reader maps nationalReport6/7, nationalTarget7, nbsap, biosafetyDecision, absPermit, focalPoint, \
            meeting and decision documents (header.schema). Check that the document is one of these, or convert the \
            others with a mapping.
            """
        ),
        DiagnosticDescription(
            "cbd.government-missing",
            .error,
            "A CBD KM document has no government.",
            """
            National reports, targets, plans and permits belong to a government ({"government": {"identifier": \
            "de"}}). Add the government's country code to the document.
            """
        ),
        DiagnosticDescription(
            "cbd.lstring-invalid",
            .warning,
            "A CBD localised string has the wrong shape.",
            """
            CBD lstrings are objects keyed by locale ({"en": "…", "fr": "…"}). The value shown is not; it was \
            ignored. Fix the field in the document.
            """
        ),
        DiagnosticDescription(
            "cbd.reference-invalid",
            .warning,
            "A CBD Term or Reference has the wrong shape.",
            """
            References are objects with an identifier ({"identifier": "…"}, optionally "@revision"). The value shown \
            is not; it was ignored.
            """
        ),
        DiagnosticDescription(
            "cbd.not-a-document",
            .error,
            "The input is not a CBD KM document.",
            """
            A KM document has a header with identifier, schema and languages, either bare or inside the stored-record \
            wrapper. Check that the file is a clearing-house document.
            """
        ),
        DiagnosticDescription(
            "cbd.solr-links-invalid",
            .warning,
            "A Solr documentLinks_s value is not the JSON it should hold.",
            "The field holds JSON inside a string; the string shown does not parse. The links were left out."
        ),
        DiagnosticDescription(
            "speciesplus.api-error",
            .error,
            "The Species+ response is an API error, not data.",
            """
            The body is {"error": {"message": …}} (for example for an unknown taxon concept id). Request the data \
            again with a valid id and token.
            """
        ),
        DiagnosticDescription(
            "speciesplus.taxon-unknown",
            .warning,
            "A Species+ response cannot be tied to a taxon concept.",
            """
            Distributions, references and legislation belong to a taxon concept, named in the request URI of a \
            recorded response. Without it the body is skipped. Keep the request URI with the body.
            """
        ),
        DiagnosticDescription(
            "speciesplus.payload-unknown",
            .error,
            "The input is not a Species+ response this reader knows.",
            "The reader knows taxon concepts, distributions, references, CITES legislation and EU legislation."
        ),
        DiagnosticDescription(
            "ors.document-unknown",
            .error,
            "The input is not an ORS questionnaire or question export.",
            "Check that the file is an ORS API questionnaire or question payload (JSON or XML)."
        ),
    ]
}
